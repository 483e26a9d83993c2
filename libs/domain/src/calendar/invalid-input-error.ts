import type { LocalizedText } from './localized-text';

/** One problem in a validated input, naming the field (e.g. `daysOff[3].date`). */
export interface FieldError {
  readonly field: string;
  readonly reason: LocalizedText;
}

/**
 * Bad input to a pure domain function (a date that does not exist, a suspension outside the
 * period, a rule with no computable period…). `field` names the offending input the way a
 * caller wrote it (e.g. `facts.suspensions[1].from`), so an API can answer 4xx and point at it.
 */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';

  constructor(
    /** Path of the offending input, e.g. `start` or `facts.suspensions[1].from`. */
    readonly field: string,
    /** Stable machine-readable code, e.g. `day_out_of_range`. */
    readonly code: string,
    readonly reason: LocalizedText,
  ) {
    super(`${field}: ${reason.en}`);
  }
}
