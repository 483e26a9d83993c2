import type { LocalDate, OfficialCalendar } from '../calendar';
import type { LegalRule, RuleVersion } from '../rules';
import type { CountResult } from './count-period';
import type { DeadlineFacts } from './deadline-facts';
import type { ResolvedPeriod } from './period-resolution';

/** Everything a computation used; the explanation is derived from it on demand. */
export interface DeadlineComputation {
  readonly rule: LegalRule;
  readonly version: RuleVersion;
  readonly period: ResolvedPeriod;
  readonly start: LocalDate;
  readonly facts: DeadlineFacts;
  readonly calendar: OfficialCalendar;
  readonly table: readonly LegalRule[];
  /** Forward periods only. */
  readonly count: CountResult | undefined;
  readonly due: LocalDate;
  readonly conservativeDue: LocalDate;
  /** Days whose status decides the result (where provisional days matter). */
  readonly window: { readonly first: LocalDate; readonly last: LocalDate };
}
