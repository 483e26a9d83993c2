/**
 * Sets the modification time of every entry of a ZIP file (an XLSX is one) to `epochMs`, in
 * Asia/Ho_Chi_Minh local time as MS-DOS date and time (2-second resolution). The ZIP writer
 * exceljs uses stamps each entry with the time it was added, so the same workbook written twice
 * would differ in those bytes only; with this, a file's SHA-256 depends on its content.
 *
 * Only the two timestamp fields of each local header and central directory entry are rewritten
 * (no data, sizes or CRCs move). Anything that is not a well-formed ZIP is refused.
 */
export function fixZipTimestamps(zip: Buffer, epochMs: number): Buffer {
  const out = Buffer.from(zip);
  const local = new Date(epochMs + 7 * 3_600_000);
  const year = local.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new Error(`a ZIP timestamp cannot hold the year ${year}`);
  const dosDate = ((year - 1980) << 9) | ((local.getUTCMonth() + 1) << 5) | local.getUTCDate();
  const dosTime = (local.getUTCHours() << 11) | (local.getUTCMinutes() << 5) | Math.floor(local.getUTCSeconds() / 2);

  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > out.length) throw new Error('not a ZIP file: no end of central directory');
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (at + 46 > out.length || out.readUInt32LE(at) !== 0x02014b50) throw new Error(`not a ZIP file: central directory entry ${n} is malformed`);
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const localHeader = out.readUInt32LE(at + 42);
    if (localHeader + 30 > out.length || out.readUInt32LE(localHeader) !== 0x04034b50) throw new Error(`not a ZIP file: local header of entry ${n} is malformed`);
    out.writeUInt16LE(dosTime, localHeader + 10);
    out.writeUInt16LE(dosDate, localHeader + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
