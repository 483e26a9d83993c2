import { filetypeinfo } from 'magic-bytes.js';

/**
 * What may be attached, decided from the bytes alone (never the client's name or Content-Type):
 * scans and photographs of letters and evidence (PDF, JPEG, PNG, TIFF, WebP) and OpenDocument
 * text. Each has a signature at a fixed place at the start of the file.
 *
 * DOCX is refused: an OOXML package is a ZIP with no fixed first entry, so its first bytes are
 * those of any ZIP (an archive, a JAR, a macro-enabled DOCM). Telling it apart needs the ZIP's
 * central directory and [Content_Types].xml, not a signature.
 */
export const ALLOWED_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'image/webp',
  'application/vnd.oasis.opendocument.text',
] as const;

export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

/** The usual file name extensions of each type: the first one is added when a download name lacks them. */
export const EXTENSIONS: Readonly<Record<AllowedMediaType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/tiff': ['tif', 'tiff'],
  'image/webp': ['webp'],
  'application/vnd.oasis.opendocument.text': ['odt'],
};

/** Bytes read before deciding: enough for every signature above (ODT's ends at byte 77). */
export const SNIFF_BYTES = 96;

/** Types magic-bytes.js recognises by a fixed signature at offset 0 that we accept. */
const SIGNATURE_TYPES = new Set<string>(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/webp']);
/** Names the library gives alongside an accepted type for the very same signature (a PNG is also a candidate APNG). */
const SAME_FORMAT = new Set<string>(['image/apng']);

const ODT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';

/**
 * The accepted media type of a file whose first bytes are `head` (at least SNIFF_BYTES of them,
 * or the whole file if shorter), or undefined when the content is not one we accept.
 */
export function detectMediaType(head: Uint8Array): AllowedMediaType | undefined {
  if (isOpenDocumentText(head)) return ODT_MEDIA_TYPE;
  // ZIP containers are never taken from the library: it names every ZIP docx, odt, jar… alike.
  const guesses = filetypeinfo(head);
  const accepted = new Set(guesses.filter((guess) => guess.mime !== undefined && SIGNATURE_TYPES.has(guess.mime)).map((guess) => guess.mime));
  // Anything else the bytes could also be (an executable, an archive…) makes the file ambiguous.
  const others = guesses.filter((guess) => guess.mime === undefined || (!SIGNATURE_TYPES.has(guess.mime) && !SAME_FORMAT.has(guess.mime)));
  if (accepted.size !== 1 || others.length > 0) return undefined;
  return [...accepted][0] as AllowedMediaType;
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const MIMETYPE_ENTRY = 'mimetype';

/**
 * OpenDocument (ODF 1.2 part 3, §3.3): the package's first entry is a file named `mimetype`,
 * stored uncompressed and without an extra field, holding the document's media type. So an ODT
 * carries `mimetypeapplication/vnd.oasis.opendocument.text` at byte 30, and nothing else does.
 * The sizes must say exactly that long, so that a template (`…text-template`) is not taken for it.
 */
function isOpenDocumentText(head: Uint8Array): boolean {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const expected = Buffer.from(MIMETYPE_ENTRY + ODT_MEDIA_TYPE, 'ascii');
  if (bytes.length < 30 + expected.length) return false;
  if (!ZIP_LOCAL_HEADER.every((byte, index) => bytes[index] === byte)) return false;
  const compression = bytes.readUInt16LE(8);
  const compressedSize = bytes.readUInt32LE(18);
  const uncompressedSize = bytes.readUInt32LE(22);
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  return (
    compression === 0 &&
    nameLength === MIMETYPE_ENTRY.length &&
    extraLength === 0 &&
    compressedSize === ODT_MEDIA_TYPE.length &&
    uncompressedSize === ODT_MEDIA_TYPE.length &&
    bytes.subarray(30, 30 + expected.length).equals(expected)
  );
}
