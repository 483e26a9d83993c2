import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/client';

/**
 * The api's answer to a refused save on the form: each field error on its field when the form has
 * it (username taken, unknown agency, a move that makes a cycle), the message for the rest.
 * Returns the text to show above the form.
 */
export function showApiErrors<F extends FieldValues>(error: unknown, fields: readonly string[], setError: UseFormSetError<F>, networkText: string): string {
  if (!(error instanceof ApiError)) return networkText;
  const others: string[] = [];
  for (const fe of error.fieldErrors) {
    const reason = fe.reasonVi ?? fe.reason;
    if (fields.includes(fe.field)) setError(fe.field as FieldPath<F>, { message: reason });
    else others.push(`${fe.field}: ${reason}`);
  }
  return [error.message, ...others].join(' · ');
}
