import { createHmac } from 'node:crypto';

/**
 * Normalised ID number (CCCD/CMND/passport): NFKC, upper case, letters and digits only, so that
 * "001 190-012.345" and "001190012345" index alike. Null when nothing is left.
 */
export function normaliseIdNumber(value: string | null | undefined): string | null {
  const normalised = (value ?? '').normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return normalised.length > 0 ? normalised : null;
}

/**
 * Normalised Vietnamese phone number: digits only, the country code (+84, 0084, 84 before nine
 * digits) written as the trunk prefix 0, so "+84 912 345 678" and "0912345678" index alike.
 */
export function normalisePhone(value: string | null | undefined): string | null {
  const text = (value ?? '').normalize('NFKC').trim();
  let digits = text.replace(/\D/g, '');
  if (text.startsWith('+84')) digits = `0${digits.slice(2)}`;
  else if (digits.startsWith('0084')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  return digits.length > 0 ? digits : null;
}

/**
 * Keyed blind index: HMAC-SHA256 over the field name and the normalised value, hex. Equal values
 * give equal indexes (duplicate detection) while the index alone reveals nothing without the key
 * (a plain hash of a 12-digit ID number would be brute-forced in minutes).
 */
export function blindIndex(key: Buffer, field: string, normalised: string): string {
  return createHmac('sha256', key).update(`donthu/blind-index/v1|${field}|${normalised}`, 'utf8').digest('hex');
}
