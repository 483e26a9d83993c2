import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { FieldError } from './api-error';
import { RequestValidationError } from './validation';

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. NUL cannot be
 * stored by PostgreSQL at all (it would be a 500); the others are never part of a petition and
 * make the XLSX/CSV reports and exports invalid.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const REASON = 'must not contain control characters (NUL, escape…); only tab and line breaks are allowed';

function collect(value: unknown, field: string, out: FieldError[]): void {
  if (typeof value === 'string') {
    if (CONTROL_CHARACTER.test(value)) out.push({ field, reason: REASON });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, `${field}[${index}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL_CHARACTER.test(key)) out.push({ field: field ? `${field}.${key}` : key, reason: REASON });
      collect(item, field ? `${field}.${key}` : key, out);
    }
  }
}

/** Every string of the body, query and route parameters, checked before validation (400 naming each field). */
@Injectable()
export class RefuseControlCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const errors: FieldError[] = [];
    collect(value, metadata.type === 'body' ? '' : (metadata.data ?? ''), errors);
    if (errors.length > 0) throw new RequestValidationError(errors);
    return value;
  }
}
