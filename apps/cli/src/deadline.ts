/**
 * Due date of a legal rule, with its explanation:
 *   npx tsx apps/cli/src/deadline.ts --rule KN-03 --start 2026-04-24 [--complex] [--remote]
 *     [--several-sites] [--extensions N] [--suspension FROM:TO ...] [--policy-days N] [--json] [--en]
 * Exit code 2 and a message on stderr for bad input.
 */
import {
  deadlineToJSON,
  due,
  formatLocalDate,
  InvalidInputError,
  parseDeadlineFacts,
  parseLocalDate,
  renderExplanation,
  type DeadlineResult,
} from '@donthu/domain';
import { parseDeadlineArgs, UsageError, USAGE, type DeadlineRequest } from './deadline-args';

const BAD_INPUT = 2;

function formatText(result: DeadlineResult, lang: 'vi' | 'en'): string {
  const dueDate = formatLocalDate(result.due);
  const head =
    lang === 'vi'
      ? [`Hạn: ${dueDate}${result.provisional ? ` (dự kiến; ngày thận trọng: ${formatLocalDate(result.dueIgnoringProvisional)})` : ''}`]
      : [`Due: ${dueDate}${result.provisional ? ` (provisional; conservative date: ${formatLocalDate(result.dueIgnoringProvisional)})` : ''}`];
  return [...head, '', ...renderExplanation(result.explanation, lang).map((line) => `- ${line}`)].join('\n');
}

function run(request: DeadlineRequest): string {
  const start = parseLocalDate(request.start, 'start');
  const facts = parseDeadlineFacts(request.facts);
  const result = due(request.rule, start, facts);
  return request.json ? JSON.stringify(deadlineToJSON(result), null, 2) : formatText(result, request.lang);
}

function main(argv: readonly string[]): number {
  try {
    process.stdout.write(`${run(parseDeadlineArgs(argv))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`Lỗi / error: ${error.message}\n${USAGE}\n`);
      return BAD_INPUT;
    }
    if (error instanceof InvalidInputError) {
      process.stderr.write(`Lỗi: ${error.field}: ${error.reason.vi}\nError: ${error.field}: ${error.reason.en}\n`);
      return BAD_INPUT;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
