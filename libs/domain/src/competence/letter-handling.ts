import type { FieldError } from '../calendar/invalid-input-error';
import { LARGE_GROUP_MIN_SIZE } from '../case/priority-flags';

/**
 * A letter with several contents is split into one case per kind (legal-rules.md §4, TT 05/2021
 * on xử lý đơn — article to confirm): a complaint and a denunciation in one letter follow
 * different laws, periods and handlers. Kinds keep the order of first appearance; contents of
 * the same kind stay together in one case.
 */
export function splitLetterByKind<K extends string, C extends { readonly kind: K }>(contents: readonly C[]): { readonly kind: K; readonly contents: readonly C[] }[] {
  const groups = new Map<K, C[]>();
  for (const content of contents) {
    const group = groups.get(content.kind);
    if (group) group.push(content);
    else groups.set(content.kind, [content]);
  }
  return [...groups].map(([kind, items]) => ({ kind, contents: items }));
}

/**
 * Representatives of a group of citizens (legal-rules.md §4, Luật Tiếp công dân 2013 Art. 29 —
 * check; the same numbers govern group complaints, NĐ 124/2020 Art. 7): 5–10 people choose 1 or
 * 2 representatives, more than 10 may choose more but at most 5. Fewer than 5 need none.
 * Returns the problems found (empty = valid).
 */
export function validateGroupRepresentatives(groupSize: number, representatives: number): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isInteger(groupSize) || groupSize < 1) {
    errors.push({ field: 'groupSize', reason: { vi: 'số người phải là số nguyên dương', en: 'the number of people must be a positive whole number' } });
    return errors;
  }
  if (!Number.isInteger(representatives) || representatives < 0 || representatives > groupSize) {
    errors.push({ field: 'representatives', reason: { vi: `số người đại diện phải từ 0 đến ${groupSize}`, en: `representatives must be between 0 and ${groupSize}` } });
    return errors;
  }
  if (groupSize < LARGE_GROUP_MIN_SIZE) return errors;
  const max = groupSize <= 10 ? 2 : 5;
  if (representatives < 1 || representatives > max) {
    errors.push({
      field: 'representatives',
      reason: {
        vi: `nhóm ${groupSize} người phải cử từ 1 đến ${max} người đại diện (Luật Tiếp công dân 2013, Điều 29)`,
        en: `a group of ${groupSize} must choose 1 to ${max} representatives (Luật Tiếp công dân 2013, Art. 29)`,
      },
    });
  }
  return errors;
}
