import type { HandlerRole } from '@donthu/domain';
import type { NewNotification } from '@donthu/persistence';
import type { RecordMilestoneInput } from '@donthu/workflows';

/** The user role that receives what the ladder addresses to a handler (legal-rules.md §6). */
function recipientRole(handler: HandlerRole): string {
  if (handler.role === 'inspectorate') return handler.level === 'superior_level' ? 'superior_inspector' : 'inspector';
  if (handler.role === 'handling_officer') return 'handling_officer';
  return handler.level === 'superior_level' ? 'superior_agency_head' : 'agency_head';
}

/**
 * Who hears of a milestone: due soon reaches the handling officer and the head; the ladder's
 * steps reach whom the ladder names (escalationLadder). The recipient agency is the case's
 * agency until the agency hierarchy resolves inspectorates and superiors.
 */
export function milestoneNotifications(m: RecordMilestoneInput, notify: readonly HandlerRole[] | undefined): NewNotification[] {
  if (m.milestone === 'expired') return [];
  const roles = notify ? notify.map(recipientRole) : ['handling_officer', 'agency_head'];
  return roles.map((role) => ({
    kind: `clock.${m.milestone}`,
    recipientRole: role,
    recipientAgency: m.agencyCode,
    payload: { clock: m.clock, due: m.due, milestone: m.milestone },
  }));
}
