import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import { isTerminal, type ClockName } from '@donthu/domain';
import type { CaseWorkflowState } from './case/case-contract';

/**
 * Custom search attributes: the inspectorate's questions (kind, status, agency, next due date,
 * overdue) answerable from Temporal's own tools, e.g.
 * `temporal workflow list --query "Overdue = true"`. Never personal data (Luật Tố cáo 2018,
 * Art. 47–48). The dev server registers every key in CASE_SEARCH_ATTRIBUTES when it starts.
 */
export const CASE_KIND_ATTRIBUTE = defineSearchAttributeKey('CaseKind', SearchAttributeType.KEYWORD);
export const CASE_STATUS_ATTRIBUTE = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const AGENCY_CODE_ATTRIBUTE = defineSearchAttributeKey('AgencyCode', SearchAttributeType.KEYWORD);
export const NEXT_DUE_ATTRIBUTE = defineSearchAttributeKey('NextDueAt', SearchAttributeType.DATETIME);
export const OVERDUE_ATTRIBUTE = defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL);

export const CASE_SEARCH_ATTRIBUTES = [CASE_KIND_ATTRIBUTE, CASE_STATUS_ATTRIBUTE, AGENCY_CODE_ATTRIBUTE, NEXT_DUE_ATTRIBUTE, OVERDUE_ATTRIBUTE] as const;

type AttributeState = Pick<CaseWorkflowState, 'kind' | 'status' | 'agencyCode' | 'clocks' | 'deadlines' | 'reached'>;

/** The attributes of a case in this state: next due is the earliest running agency clock's end. */
export function caseSearchAttributes(state: AttributeState): SearchAttributeUpdatePair[] {
  let nextDueMs: number | undefined;
  let overdue = false;
  for (const [name, clock] of Object.entries(state.clocks) as Array<[ClockName, AttributeState['clocks'][ClockName]]>) {
    if (!clock || clock.status !== 'running' || clock.owner !== 'agency') continue;
    const dueMs = state.deadlines[name]?.milestones.find((m) => m.kind === 'overdue')?.atMs;
    if (dueMs !== undefined && (nextDueMs === undefined || dueMs < nextDueMs)) nextDueMs = dueMs;
    if (state.reached[name]?.includes('overdue')) overdue = true;
  }
  return [
    { key: CASE_KIND_ATTRIBUTE, value: state.kind },
    { key: CASE_STATUS_ATTRIBUTE, value: state.status },
    { key: AGENCY_CODE_ATTRIBUTE, value: state.agencyCode },
    // A Date built from a number the workflow already holds: deterministic.
    // eslint-disable-next-line no-restricted-syntax
    { key: NEXT_DUE_ATTRIBUTE, value: nextDueMs === undefined || isTerminal(state.kind, state.status) ? null : new Date(nextDueMs) },
    { key: OVERDUE_ATTRIBUTE, value: overdue && !isTerminal(state.kind, state.status) },
  ];
}
