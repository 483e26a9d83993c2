import type { AgencyTree } from '../agencies';

/**
 * The agencies a report covers: one agency, or its whole jurisdiction (the agency and every
 * agency below it). An inspectorate's jurisdiction is the body it is attached to and everything
 * below (the province for Thanh tra tỉnh), as monitoring sees it (AgencyTree.scopeOf); alone, it
 * is just its own cases. The named agency comes first, the others in code order.
 */
export function reportScope(tree: AgencyTree, agencyCode: string, includeSubordinates: boolean): string[] {
  if (!tree.has(agencyCode)) return [];
  if (!includeSubordinates) return [agencyCode];
  const node = tree.get(agencyCode)!;
  const served = node.level === 'inspectorate' && node.parentCode ? node.parentCode : agencyCode;
  const below = tree.subtree(served).filter((c) => c !== agencyCode);
  return [agencyCode, ...below.sort()];
}

/**
 * The top-level jurisdictions the automatic reports are made for: each province's inspectorate
 * (Thanh tra tỉnh, thành phố) reports on its province, i.e. the province body and everything below.
 */
export function provinceJurisdictions(tree: AgencyTree): Array<{ inspectorate: string; agencyCode: string }> {
  return tree
    .all()
    .filter((n) => n.level === 'inspectorate' && n.parentCode !== null && tree.get(n.parentCode)?.level === 'province')
    .map((n) => ({ inspectorate: n.code, agencyCode: n.parentCode! }))
    .sort((a, b) => (a.agencyCode < b.agencyCode ? -1 : a.agencyCode > b.agencyCode ? 1 : 0));
}
