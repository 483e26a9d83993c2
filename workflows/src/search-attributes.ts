import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes: the inspectorate's questions (kind, status, agency) answerable
 * from Temporal's own tools. Never personal data (Luật Tố cáo 2018, Art. 47–48). The dev server
 * registers every key listed in CASE_SEARCH_ATTRIBUTES when it starts.
 */
export const CASE_KIND_ATTRIBUTE = defineSearchAttributeKey('DonthuCaseKind', SearchAttributeType.KEYWORD);
export const CASE_STATUS_ATTRIBUTE = defineSearchAttributeKey('DonthuCaseStatus', SearchAttributeType.KEYWORD);
export const AGENCY_CODE_ATTRIBUTE = defineSearchAttributeKey('DonthuAgencyCode', SearchAttributeType.KEYWORD);

export const CASE_SEARCH_ATTRIBUTES = [CASE_KIND_ATTRIBUTE, CASE_STATUS_ATTRIBUTE, AGENCY_CODE_ATTRIBUTE] as const;
