/**
 * Due-date computations per second for working-day periods over holiday-dense ranges (starts
 * spread over January–March, around Tết, 2024–2027), next to date-fns `addBusinessDays` on the
 * same inputs (which ignores holidays, so it is a speed reference, not a correct answer).
 *   npx tsx bench/deadlines.bench.ts
 * Prints figures; asserts nothing (legal-rules.md performance target: at least as fast as date-fns).
 */
import { addBusinessDays } from 'date-fns';
import { addDays, defaultCalendar, due, formatLocalDate, localDate, ruleVersionAt, type LocalDate } from '@donthu/domain';

const RULES = ['KN-02', 'TC-01', 'TCD-01', 'XLD-01', 'KN-04', 'PA-01'] as const;
const ROUNDS = 9;
const OPS_PER_ROUND = 200_000;

interface Input {
  readonly rule: (typeof RULES)[number];
  readonly start: LocalDate;
  /** The same start for date-fns: local midnight. */
  readonly startDate: Date;
  /** Working days of the rule version in force on `start`. */
  readonly days: number;
}

function buildInputs(): Input[] {
  const inputs: Input[] = [];
  for (let year = 2024; year <= 2027; year++) {
    for (let offset = 0; offset < 90; offset++) {
      const start = addDays(localDate(year, 1, 1), offset);
      for (const rule of RULES) {
        const period = ruleVersionAt(rule, start).period;
        if (period.kind !== 'forward' || period.unit !== 'working') throw new Error(`${rule} is not a working-day period`);
        inputs.push({ rule, start, startDate: new Date(year, 0, 1 + offset), days: period.days });
      }
    }
  }
  return inputs;
}

/** Runs `op` over the inputs for several rounds; returns the median ops/s. */
function measure(inputs: readonly Input[], op: (input: Input) => number): { median: number; checksum: number } {
  let checksum = 0;
  for (let i = 0; i < OPS_PER_ROUND; i++) checksum += op(inputs[i % inputs.length]!); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const begin = process.hrtime.bigint();
    for (let i = 0; i < OPS_PER_ROUND; i++) checksum += op(inputs[i % inputs.length]!);
    const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
    rates.push(OPS_PER_ROUND / seconds);
  }
  rates.sort((a, b) => a - b);
  return { median: rates[Math.floor(rates.length / 2)]!, checksum };
}

function format(rate: number): string {
  return `${Math.round(rate).toLocaleString('en-US').padStart(12)} ops/s`;
}

function main(): void {
  const calendar = defaultCalendar();
  const inputs = buildInputs();
  // Build the year indexes once so that the first round does not pay for them.
  for (const input of inputs) due(input.rule, input.start, {}, calendar);

  const dueOnly = measure(inputs, (input) => due(input.rule, input.start, {}, calendar).due);
  const dateFns = measure(inputs, (input) => addBusinessDays(input.startDate, input.days).getTime());
  const withExplanation = measure(inputs, (input) => due(input.rule, input.start, {}, calendar).explanation.length);
  const core = measure(inputs, (input) => calendar.addWorkingDays(input.start, input.days));

  const differing = inputs.filter((input) => {
    const ours = formatLocalDate(due(input.rule, input.start, {}, calendar).due);
    const theirs = addBusinessDays(input.startDate, input.days);
    const iso = `${theirs.getFullYear()}-${String(theirs.getMonth() + 1).padStart(2, '0')}-${String(theirs.getDate()).padStart(2, '0')}`;
    return ours !== iso;
  }).length;

  console.log(`Working-day due dates: ${inputs.length} inputs (${RULES.join(', ')}; starts 1 Jan – 30 Mar, 2024–2027)`);
  console.log(`Node ${process.version}; ${ROUNDS} rounds × ${OPS_PER_ROUND.toLocaleString('en-US')} ops after warm-up; median of rounds`);
  console.log('');
  console.log(`donthu due()                        ${format(dueOnly.median)}`);
  console.log(`date-fns addBusinessDays            ${format(dateFns.median)}`);
  console.log(`ratio due() / date-fns              ${(dueOnly.median / dateFns.median).toFixed(2).padStart(12)} ×`);
  console.log('');
  console.log(`due() + explanation built           ${format(withExplanation.median)}`);
  console.log(`calendar.addWorkingDays (index)     ${format(core.median)}`);
  console.log('');
  console.log(`date-fns ignores official days off: its date differs on ${differing} of ${inputs.length} inputs.`);
  if (!Number.isFinite(dueOnly.checksum + dateFns.checksum + withExplanation.checksum + core.checksum)) console.log('(checksum)');
}

main();
