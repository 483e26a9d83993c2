import { EXTENSIONS } from './media-type';

export const DEFAULT_FILE_NAME = 'attachment';
export const MAX_FILE_NAME_LENGTH = 200;

// Control (Cc) and format (Cf: bidi overrides, zero-width…) characters, lone surrogates, private use.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\u2028\u2029]/gu;
// Reserved in file names on Windows, and `"` would end a quoted header parameter.
const RESERVED = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * The client's file name as harmless metadata: the last path segment only (`../../etc/passwd`
 * becomes `passwd`), Unicode NFC (Vietnamese diacritics kept), no control or bidi characters, no
 * characters reserved in file names, no leading dots, at most 200 characters with the extension
 * kept. It is never used to name anything on disk: stored files are named by a generated id.
 */
export function sanitizeFileName(raw: string | undefined | null): string {
  if (typeof raw !== 'string') return DEFAULT_FILE_NAME;
  let name = raw.replace(INVISIBLE, '').normalize('NFC');
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  name = trimDotsAndSpaces(name.replace(RESERVED, '_').replace(/\s+/gu, ' '));
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  name = trimDotsAndSpaces(truncateKeepingExtension(name, MAX_FILE_NAME_LENGTH));
  return name.length > 0 ? name : DEFAULT_FILE_NAME;
}

function trimDotsAndSpaces(name: string): string {
  return name.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = Array.from(name); // code points, so that no surrogate pair is cut
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length === 0 || extension.length > 16) return chars.slice(0, max).join('').trimEnd();
  return chars.slice(0, max - extension.length).join('').trimEnd() + extension.join('');
}

/**
 * The name a download is saved under: the sanitised name, with the extension of the type the
 * content really is added when the name does not already end with one (`evil.html` holding a PDF
 * downloads as `evil.html.pdf`, so that no program opens it as something else).
 */
export function downloadFileName(fileName: string, mediaType: string): string {
  // A type accepted once and dropped from the list since keeps its name as it is.
  const extensions = (EXTENSIONS as Readonly<Record<string, readonly string[] | undefined>>)[mediaType] ?? [];
  const lower = fileName.toLowerCase();
  if (extensions.length === 0 || extensions.some((extension) => lower.endsWith(`.${extension}`))) return fileName;
  return `${fileName}.${extensions[0]!}`;
}

/**
 * `Content-Disposition: attachment` with the name twice (RFC 6266): an ASCII fallback in
 * `filename`, the exact UTF-8 name in `filename*` (RFC 8187) for Vietnamese names.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));
  const ascii = fallback.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
