import { AgencyTree, escalationLadder, parseLocalDate, type AgencyNode } from '@donthu/domain';
import type { RecordMilestoneInput } from '@donthu/workflows';
import { milestoneNotifications } from './milestone-notifications';

// The sample hierarchy (migration 1764220000000-agencies-users), after the 2025 reorganisation.
const NODES: AgencyNode[] = [
  { code: 'CP', name: 'Chính phủ', level: 'government', parentCode: null },
  { code: 'TTCP', name: 'Thanh tra Chính phủ', level: 'inspectorate', parentCode: 'CP' },
  { code: 'UBND-HN', name: 'UBND thành phố Hà Nội', level: 'province', parentCode: 'CP' },
  { code: 'TTR-HN', name: 'Thanh tra thành phố Hà Nội', level: 'inspectorate', parentCode: 'UBND-HN' },
  { code: 'SO-XD-HN', name: 'Sở Xây dựng Hà Nội', level: 'department', parentCode: 'UBND-HN' },
  { code: 'UBND-PHUONG-HK', name: 'UBND phường Hoàn Kiếm', level: 'commune', parentCode: 'UBND-HN' },
];
const tree = new AgencyTree(NODES);
const ladder = escalationLadder(parseLocalDate('2026-12-07'), 'denunciation');
const milestone = (m: RecordMilestoneInput['milestone'], agencyCode: string): RecordMilestoneInput => ({ caseId: 'c', sequence: 5, clock: 'resolution', milestone: m, agencyCode, due: '2026-12-07' });
const addressees = (m: RecordMilestoneInput, step?: number) => milestoneNotifications(m, step ? ladder[step - 1]!.notify : undefined, tree).map((n) => `${n.recipientRole}@${n.recipientAgency}`);

describe('who hears of a milestone (legal-rules.md §6, resolved in the agency hierarchy)', () => {
  it('tells the handling officer and the head of the handling agency of due soon, the due date and overdue', () => {
    expect(addressees(milestone('due_soon', 'UBND-PHUONG-HK'))).toEqual(['handling_officer@UBND-PHUONG-HK', 'agency_head@UBND-PHUONG-HK']);
    expect(addressees(milestone('due_today', 'UBND-PHUONG-HK'), 1)).toEqual(['handling_officer@UBND-PHUONG-HK', 'agency_head@UBND-PHUONG-HK']);
    expect(addressees(milestone('overdue', 'SO-XD-HN'))).toEqual(['handling_officer@SO-XD-HN', 'agency_head@SO-XD-HN']);
  });

  it('escalates step 2 to the inspectors of the same-level inspectorate, the nearest one up the tree', () => {
    expect(addressees(milestone('escalated_inspectorate', 'UBND-HN'), 2)).toEqual(['inspector@TTR-HN']);
    // A department and a commune have no inspectorate of their own: the province's serves them.
    expect(addressees(milestone('escalated_inspectorate', 'SO-XD-HN'), 2)).toEqual(['inspector@TTR-HN']);
    expect(addressees(milestone('escalated_inspectorate', 'UBND-PHUONG-HK'), 2)).toEqual(['inspector@TTR-HN']);
  });

  it('escalates step 3 to the superior agency’s inspectorate and head (Luật Tố cáo Art. 37(1)(b), 38)', () => {
    expect(addressees(milestone('escalated_superior', 'UBND-HN'), 3)).toEqual(['superior_inspector@TTCP', 'agency_head@CP']);
    expect(addressees(milestone('escalated_superior', 'UBND-PHUONG-HK'), 3)).toEqual(['superior_inspector@TTR-HN', 'agency_head@UBND-HN']);
  });

  it('falls back to the handling agency’s head where the hierarchy has no such body, once', () => {
    // The Government has nothing above it.
    expect(addressees(milestone('escalated_superior', 'CP'), 3)).toEqual(['agency_head@CP']);
    // An agency the directory does not know (deactivated meanwhile): nobody is lost.
    expect(addressees(milestone('escalated_inspectorate', 'UBND-XA-UNKNOWN'), 2)).toEqual(['agency_head@UBND-XA-UNKNOWN']);
  });

  it('says nothing of an expired citizen window, and only codes and dates otherwise', () => {
    expect(milestoneNotifications(milestone('expired', 'UBND-HN'), undefined, tree)).toEqual([]);
    expect(milestoneNotifications(milestone('overdue', 'UBND-HN'), undefined, tree)[0]!.payload).toEqual({ clock: 'resolution', due: '2026-12-07', milestone: 'overdue' });
  });
});
