import type { AgencyTree, HandlerRole } from '@donthu/domain';
import type { NewNotification } from '@donthu/persistence';
import type { RecordMilestoneInput } from '@donthu/workflows';

/** A user role in an agency: whom one notification row reaches. */
interface Addressee {
  role: string;
  agency: string;
}

/**
 * Where a handler the escalation ladder names sits, for a case handled by `caseAgency`
 * (legal-rules.md §6; libs/domain/src/competence/escalation.ts):
 * - the handling officer and the head of the handling agency: that agency;
 * - the same-level inspectorate (step 2): the inspectorate attached to the agency's level, the
 *   nearest one up the tree (a commune has none of its own since the 2025 reorganisation: the
 *   province's), its inspectors;
 * - the superior inspectorate (step 3): the inspectorate of the directly superior agency, its
 *   superior inspectors (thanh tra cấp trên), and the superior head: the head of the directly
 *   superior agency (for denunciations, Luật Tố cáo 2018 Art. 37(1)(b), 38: the superior may
 *   order completion or take the case over).
 * Undefined when the hierarchy has no such body (the top of the tree, an inspectorate missing).
 */
function addressee(handler: HandlerRole, caseAgency: string, tree: AgencyTree): Addressee | undefined {
  if (handler.role === 'handling_officer') return { role: 'handling_officer', agency: caseAgency };
  if (handler.role === 'inspectorate') {
    const body = handler.level === 'superior_level' ? tree.superior(caseAgency) : tree.get(caseAgency);
    const inspectorate = body ? tree.inspectorateFor(body.code) : undefined;
    return inspectorate ? { role: handler.level === 'superior_level' ? 'superior_inspector' : 'inspector', agency: inspectorate.code } : undefined;
  }
  if (handler.level === 'superior_level') {
    const superior = tree.superior(caseAgency);
    return superior ? { role: 'agency_head', agency: superior.code } : undefined;
  }
  return { role: 'agency_head', agency: caseAgency };
}

/**
 * Who hears of a milestone: due soon reaches the handling officer and the head; the ladder's steps
 * reach whom the ladder names, resolved in the agency hierarchy (see `addressee`). A rung whose
 * body the hierarchy lacks falls back to the handling agency's head, so that no step goes unheard.
 */
export function milestoneNotifications(m: RecordMilestoneInput, notify: readonly HandlerRole[] | undefined, tree: AgencyTree): NewNotification[] {
  if (m.milestone === 'expired') return [];
  const addressees: Addressee[] = notify
    ? notify.map((h) => addressee(h, m.agencyCode, tree) ?? { role: 'agency_head', agency: m.agencyCode })
    : [
        { role: 'handling_officer', agency: m.agencyCode },
        { role: 'agency_head', agency: m.agencyCode },
      ];
  const unique = addressees.filter((a, i) => addressees.findIndex((b) => b.role === a.role && b.agency === a.agency) === i);
  return unique.map((a) => ({
    kind: `clock.${m.milestone}`,
    recipientRole: a.role,
    recipientAgency: a.agency,
    payload: { clock: m.clock, due: m.due, milestone: m.milestone },
  }));
}
