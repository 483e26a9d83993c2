import { parseArgs } from 'node:util';

/** What the command line asks for, before the domain validates it. */
export interface DeadlineRequest {
  readonly rule: string;
  readonly start: string;
  /** Facts in their JSON edge form (ISO dates), validated by parseDeadlineFacts. */
  readonly facts: Record<string, unknown>;
  readonly json: boolean;
  readonly lang: 'vi' | 'en';
}

export const USAGE = `Cách dùng / usage:
  npx tsx apps/cli/src/deadline.ts --rule KN-03 --start 2026-04-24 [--complex] [--remote]
      [--several-sites] [--extensions N] [--suspension FROM:TO ...] [--policy-days N] [--json] [--en]`;

export class UsageError extends Error {}

function wholeNumber(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${option} phải là số nguyên không âm / must be a whole number: ${JSON.stringify(value)}`);
  return Number(value);
}

/** Reads argv into a request; throws UsageError for anything the command line itself gets wrong. */
export function parseDeadlineArgs(argv: readonly string[]): DeadlineRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        rule: { type: 'string' },
        start: { type: 'string' },
        complex: { type: 'boolean' },
        remote: { type: 'boolean' },
        'several-sites': { type: 'boolean' },
        extensions: { type: 'string' },
        suspension: { type: 'string', multiple: true },
        'policy-days': { type: 'string' },
        json: { type: 'boolean' },
        en: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.rule === undefined) throw new UsageError('thiếu --rule / --rule is required');
  if (values.start === undefined) throw new UsageError('thiếu --start / --start is required');
  const facts: Record<string, unknown> = {};
  if (values.complex) facts.complex = true;
  if (values.remote) facts.remote = true;
  if (values['several-sites']) facts.severalSites = true;
  if (values.extensions !== undefined) facts.extensions = wholeNumber('extensions', values.extensions);
  if (values['policy-days'] !== undefined) facts.policyDays = wholeNumber('policy-days', values['policy-days']);
  if (values.suspension !== undefined) {
    facts.suspensions = values.suspension.map((text) => {
      const [from, to, ...rest] = text.split(':');
      if (from === undefined || to === undefined || rest.length > 0) {
        throw new UsageError(`--suspension phải có dạng FROM:TO (YYYY-MM-DD:YYYY-MM-DD) / must be FROM:TO: ${JSON.stringify(text)}`);
      }
      return { from, to };
    });
  }
  return { rule: values.rule, start: values.start, facts, json: values.json ?? false, lang: values.en ? 'en' : 'vi' };
}
