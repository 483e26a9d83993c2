import type { Role } from '../access';

/** Levels of the state apparatus after the 2025 reorganisation (no district level, legal-rules.md §5). */
export const AGENCY_LEVELS = ['government', 'ministry', 'province', 'department', 'department_unit', 'commune', 'inspectorate'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export interface AgencyNode {
  readonly code: string;
  readonly name: string;
  readonly level: AgencyLevel;
  /** The directly superior body; for an inspectorate, the body it is attached to (cùng cấp). */
  readonly parentCode: string | null;
}

/**
 * The agency hierarchy, for routing, escalation and who may see what. Pure: built from rows.
 */
export class AgencyTree {
  private readonly byCode: ReadonlyMap<string, AgencyNode>;
  private readonly children: ReadonlyMap<string, readonly AgencyNode[]>;

  constructor(nodes: readonly AgencyNode[]) {
    this.byCode = new Map(nodes.map((n) => [n.code, n]));
    const children = new Map<string, AgencyNode[]>();
    for (const n of nodes) {
      if (n.parentCode) children.set(n.parentCode, [...(children.get(n.parentCode) ?? []), n]);
    }
    this.children = children;
  }

  get(code: string): AgencyNode | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  all(): AgencyNode[] {
    return [...this.byCode.values()];
  }

  /** The agency and every agency below it. */
  subtree(code: string): string[] {
    const out: string[] = [];
    const visit = (c: string, depth: number) => {
      if (depth > 64 || out.includes(c)) return; // a cycle in edited data must not hang the api
      out.push(c);
      for (const child of this.children.get(c) ?? []) visit(child.code, depth + 1);
    };
    if (this.byCode.has(code)) visit(code, 0);
    return out;
  }

  /** The directly superior body (for an inspectorate: the one above the body it serves). */
  superior(code: string): AgencyNode | undefined {
    const node = this.byCode.get(code);
    const parent = node?.parentCode ? this.byCode.get(node.parentCode) : undefined;
    if (node?.level === 'inspectorate') return parent?.parentCode ? this.byCode.get(parent.parentCode) : undefined;
    return parent;
  }

  /** The inspectorate attached to an agency's level (thanh tra cùng cấp): the nearest one up the tree. */
  inspectorateFor(code: string): AgencyNode | undefined {
    for (let node = this.byCode.get(code), depth = 0; node && depth < 64; node = node.parentCode ? this.byCode.get(node.parentCode) : undefined, depth++) {
      const inspectorate = (this.children.get(node.code) ?? []).find((c) => c.level === 'inspectorate');
      if (inspectorate) return inspectorate;
    }
    return undefined;
  }

  /**
   * Agencies whose cases a user may see: officers and heads their own agency; an inspectorate
   * its jurisdiction, the body it is attached to and everything below (Luật Thanh tra; legal-rules.md §5:
   * it monitors, urges and inspects); administrators and auditors everything (auditors read audit only).
   */
  scopeOf(role: Role, agencyCode: string): string[] {
    switch (role) {
      case 'inspector':
      case 'superior_inspector': {
        const node = this.byCode.get(agencyCode);
        const served = node?.level === 'inspectorate' && node.parentCode ? node.parentCode : agencyCode;
        return this.subtree(served);
      }
      case 'admin':
      case 'auditor':
        return this.all().map((n) => n.code);
      case 'citizen':
        return [];
      default:
        return this.has(agencyCode) ? [agencyCode] : [];
    }
  }
}
