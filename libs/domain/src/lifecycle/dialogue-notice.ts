import { formatLocalDate, parseLocalDate, type IsoDate, type OfficialCalendar } from '../calendar';
import { due } from '../deadlines';

/**
 * KN-10 (Nghị định 124/2020/NĐ-CP, Art. 23): the parties are notified of a dialogue at least
 * 5 working days before it. Undefined when `noticeDate` is early enough, else why not (with the
 * latest lawful notice date).
 */
export function dialogueNoticeRefusal(noticeDate: IsoDate, dialogueDate: IsoDate, calendar: OfficialCalendar): string | undefined {
  const latest = due('KN-10', parseLocalDate(dialogueDate, 'dialogueDate'), {}, calendar);
  if (parseLocalDate(noticeDate, 'effectiveDate') <= latest.due) return undefined;
  return `the dialogue on ${dialogueDate} must be notified by ${formatLocalDate(latest.due)} at the latest (${latest.citation}): schedule it later`;
}
