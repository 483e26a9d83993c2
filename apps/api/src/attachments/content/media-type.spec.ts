import { minimalPdf, minimalPng, odfPackageStart } from '../../../../../test/support/sample-files';
import { detectMediaType } from './media-type';

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0]);
const zipEntry = (name: string) => bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], new Array<number>(16).fill(0), [name.length, 0, 0, 0], name);

describe('detectMediaType: judged from the bytes only', () => {
  it.each([
    ['a PDF', minimalPdf(), 'application/pdf'],
    ['a PNG', minimalPng(), 'image/png'],
    ['a JPEG (JFIF)', jpeg, 'image/jpeg'],
    ['a JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34], 'Exif\0\0'), 'image/jpeg'],
    ['a little-endian TIFF', bytes('II*\0', [8, 0, 0, 0]), 'image/tiff'],
    ['a big-endian TIFF', bytes('MM\0*', [0, 0, 0, 8]), 'image/tiff'],
    ['a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['an OpenDocument text', odfPackageStart(), 'application/vnd.oasis.opendocument.text'],
  ])('accepts %s', (_name, content, expected) => {
    expect(detectMediaType(content)).toBe(expected);
  });

  it.each([
    ['HTML', bytes('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['a Windows executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode')],
    ['an ELF executable', bytes([0x7f], 'ELF', [2, 1, 1, 0])],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /\n')],
    ['plain text', bytes('Tôi xin khiếu nại')],
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['a ZIP archive', zipEntry('payload.exe')],
    ['a DOCX (a ZIP whose bytes cannot be told from any other)', zipEntry('[Content_Types].xml')],
    ['an ODT template', odfPackageStart('application/vnd.oasis.opendocument.text-template')],
    ['an OpenDocument spreadsheet', odfPackageStart('application/vnd.oasis.opendocument.spreadsheet')],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['a near miss of a PDF', bytes('%PDX-1.4\n')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_name, content) => {
    expect(detectMediaType(content)).toBeUndefined();
  });

  it('refuses an ODT whose mimetype entry is compressed (the spec says stored)', () => {
    const odt = odfPackageStart();
    odt.writeUInt16LE(8, 8);
    expect(detectMediaType(odt)).toBeUndefined();
  });

  it('ignores what the first bytes are followed by: a PDF with HTML inside is a PDF (served as one, never rendered as HTML)', () => {
    expect(detectMediaType(bytes('%PDF-1.7\n<html><script>alert(1)</script>'))).toBe('application/pdf');
  });
});
