import fc from 'fast-check';
import { contentDisposition, DEFAULT_FILE_NAME, downloadFileName, MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\cmd.exe', 'cmd.exe'],
    ['/var/lib/donthu/.data/attachments/objects/ab/x', 'x'],
    ['C:\\Users\\cán bộ\\Desktop\\đơn.pdf', 'đơn.pdf'],
    ['.htaccess', 'htaccess'],
    ['..', DEFAULT_FILE_NAME],
    ['../', DEFAULT_FILE_NAME],
    ['   ', DEFAULT_FILE_NAME],
    ['', DEFAULT_FILE_NAME],
    ['name.pdf. . ', 'name.pdf'],
    ['a<b>:c"d|e?f*g.pdf', 'a_b__c_d_e_f_g.pdf'],
    ['line\r\nbreak\u0000.pdf', 'linebreak.pdf'],
    ['tab\tand   spaces .pdf', 'taband spaces .pdf'], // a tab is a control character: dropped; runs of spaces: one
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth\uFEFF.png', 'zerowidth.png'],
    ['CON.pdf', '_CON.pdf'],
    ['lpt1', '_lpt1'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('gives a default name when there is none', () => {
    expect(sanitizeFileName(undefined)).toBe(DEFAULT_FILE_NAME);
    expect(sanitizeFileName(null)).toBe(DEFAULT_FILE_NAME);
  });

  it('keeps Vietnamese names, composed (NFC)', () => {
    const decomposed = 'Đơn khiếu nại - bản quét.pdf'.normalize('NFD');
    expect(sanitizeFileName(decomposed)).toBe('Đơn khiếu nại - bản quét.pdf'.normalize('NFC'));
  });

  it('shortens long names to 200 characters and keeps the extension', () => {
    const name = sanitizeFileName(`${'ữ'.repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('ữ.pdf')).toBe(true);
    expect(Array.from(sanitizeFileName('😀'.repeat(250)))).toHaveLength(MAX_FILE_NAME_LENGTH); // no surrogate pair cut
  });

  it('always gives a short, single-segment, printable name, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 300 })), (raw) => {
        const name = sanitizeFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
        expect(name).not.toMatch(/[/\\<>:"|?*]/);
        expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(name).not.toMatch(/^[.\s]|[.\s]$/u);
        expect(name).not.toBe('..');
        expect(sanitizeFileName(name)).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('downloadFileName', () => {
  it('keeps a name that already ends with an extension of the content type', () => {
    expect(downloadFileName('scan.PDF', 'application/pdf')).toBe('scan.PDF');
    expect(downloadFileName('anh.jpeg', 'image/jpeg')).toBe('anh.jpeg');
  });

  it('adds the extension of what the content really is', () => {
    expect(downloadFileName('evil.html', 'application/pdf')).toBe('evil.html.pdf');
    expect(downloadFileName('photo', 'image/jpeg')).toBe('photo.jpg');
    expect(downloadFileName('scan.pdf', 'image/png')).toBe('scan.pdf.png');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 8187)', () => {
    expect(contentDisposition('Đơn khiếu nại (bản 2).pdf')).toBe(
      `attachment; filename="Don khieu nai (ban 2).pdf"; filename*=UTF-8''%C4%90%C6%A1n%20khi%E1%BA%BFu%20n%E1%BA%A1i%20%28b%E1%BA%A3n%202%29.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes or line breaks', () => {
    const header = contentDisposition('a"; filename="evil.html\\\r\n.pdf');
    expect(header).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/);
    expect(header).not.toMatch(/[\r\n]/);
  });
});
