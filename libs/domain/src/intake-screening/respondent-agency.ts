import type { AgencyNode, AgencyTree } from '../agencies/agency-tree';

// Abbreviations officers write for the words of agency names (after diacritics are removed).
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\btp\b/g, 'thanh pho'],
];

/**
 * Vietnamese text as words to compare: no diacritics (đ → d), lower case, letters and digits
 * only, abbreviations written out. "Chủ tịch UBND phường Hoàn Kiếm" → "chu tich uy ban nhan dan phuong hoan kiem".
 */
export function agencyNameWords(text: string): string {
  let words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [pattern, full] of ABBREVIATIONS) words = words.replace(pattern, full);
  return words;
}

/**
 * The agency a free-text "cơ quan bị khiếu nại" names: its code written as a word, or its full
 * name (diacritics, case and "UBND" ignored) within the text. The longest name wins ("Ủy ban
 * nhân dân phường Hoàn Kiếm, thành phố Hà Nội" names the ward, not the city); two different
 * agencies named equally long, or none, give undefined. Inspectorates are never respondents here.
 */
export function findNamedAgency(tree: AgencyTree, text: string | null | undefined): AgencyNode | undefined {
  if (!text) return undefined;
  const upper = ` ${text.toUpperCase().replace(/[^A-Z0-9-]+/g, ' ')} `;
  const words = ` ${agencyNameWords(text)} `;
  let best: { node: AgencyNode; length: number; ambiguous: boolean } | undefined;
  for (const node of tree.all()) {
    if (node.level === 'inspectorate') continue;
    const name = agencyNameWords(node.name);
    const byName = name.length > 0 && words.includes(` ${name} `) ? name.length : 0;
    // A code is more specific than any name.
    const length = upper.includes(` ${node.code} `) ? Number.MAX_SAFE_INTEGER : byName;
    if (length === 0) continue;
    if (!best || length > best.length) best = { node, length, ambiguous: false };
    else if (length === best.length) best = { ...best, ambiguous: true };
  }
  return best && !best.ambiguous ? best.node : undefined;
}

/** The body an agency acts for: an inspectorate receives for the body it is attached to (cùng cấp). */
export function bodyServedBy(tree: AgencyTree, agencyCode: string): string {
  const node = tree.get(agencyCode);
  return node?.level === 'inspectorate' && node.parentCode ? node.parentCode : agencyCode;
}

/** `upper` is strictly above `lower` in the hierarchy (an inspectorate counts as the body it serves). */
export function isAboveInHierarchy(tree: AgencyTree, upper: string, lower: string): boolean {
  const served = bodyServedBy(tree, upper);
  const below = bodyServedBy(tree, lower);
  return served !== below && tree.subtree(served).includes(below);
}
