import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { CASE_KINDS, CASE_STATUSES, CASE_STATUS_LABELS, INTAKE_FINDING_REASONS, INTAKE_FINDING_TYPES, LEGAL_GROUND_LISTS, type CaseKind, type CaseStatus, type IntakeFindingReason, type IntakeFindingType } from '@donthu/domain';
import { loadCaseScreening, type StoredIntakeFinding } from '@donthu/persistence';
import type { Actor } from '../auth/actor';

/**
 * An earlier case a finding links to. Inside the caller's jurisdiction: what the case list shows of
 * it. Outside: only its code and agency — an officer may learn that another agency holds a case
 * of this person (that is what screening is for: to ask that agency, or guide the citizen there),
 * never its content, and opening it answers 404 as before. Never any party's data, whatever the
 * kind (a denunciation's link does not even say who in it is the same person).
 */
export class LinkedCaseView {
  @ApiProperty({ example: 'UBND-PHUONG-BD-2026-000017' }) code!: string;
  @ApiProperty({ example: 'UBND-PHUONG-BD' }) agencyCode!: string;
  @ApiProperty({ description: 'false: a case at an agency outside the caller’s jurisdiction (code and agency only)' }) inJurisdiction!: boolean;
  @ApiPropertyOptional({ enum: CASE_KINDS }) kind?: CaseKind;
  @ApiPropertyOptional({ enum: CASE_STATUSES }) status?: CaseStatus;
  @ApiPropertyOptional({ example: 'Đã thụ lý' }) statusLabel?: string;
  @ApiPropertyOptional({ example: '2026-10-01' }) receivedOn?: string;
  @ApiPropertyOptional() subject?: string;
  @ApiPropertyOptional({ example: 0.82, description: 'Độ tương tự nội dung / content score 0–1 (pg_trgm, without diacritics)' }) score?: number;
  @ApiPropertyOptional({ example: 'Vụ việc tại cơ quan khác / a case at another agency' }) note?: string;
}

export class SuggestedGroundView {
  @ApiProperty({ enum: Object.keys(LEGAL_GROUND_LISTS), example: 'complaint_refusal', description: 'The ground list (GET /api/v1/rules/grounds)' }) list!: string;
  @ApiProperty({ example: 'second_level_decided' }) code!: string;
  @ApiProperty({ example: 'Luật Khiếu nại 2011, Điều 11 khoản 7' }) citation!: string;
  @ApiProperty({ example: 'Khiếu nại đã có quyết định giải quyết khiếu nại lần hai' }) label!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty({ enum: ['confirmed', 'check'] }) confidence!: string;
}

/** What the intake officer must see before accepting (issue #7 item 5). */
export class ScreeningFindingView {
  @ApiProperty({ enum: INTAKE_FINDING_TYPES }) type!: IntakeFindingType;
  @ApiProperty({ enum: INTAKE_FINDING_REASONS }) reason!: IntakeFindingReason;
  @ApiProperty({ example: 'Đơn lặp lại vụ việc đã giải quyết' }) label!: string;
  @ApiProperty({ example: 'Repeat of a matter already resolved' }) labelEn!: string;
  @ApiProperty() advice!: string;
  @ApiProperty() adviceEn!: string;
  @ApiProperty({ example: 'Luật Khiếu nại 2011, Điều 11 khoản 7' }) citation!: string;
  @ApiProperty({ enum: ['confirmed', 'check'], description: 'check: the article is to be confirmed against the official gazette' }) confidence!: string;
  @ApiProperty({ type: [LinkedCaseView] }) links!: LinkedCaseView[];
  @ApiProperty({ type: [SuggestedGroundView], description: 'repeat: grounds a refusal may cite when the officer finds no new facts' }) grounds!: SuggestedGroundView[];
  @ApiPropertyOptional({ example: 'UBND-PHUONG-HK', description: 'respondent_first_level: the agency competent at first level' }) competentAgencyCode?: string;
}

export class ScreeningResultView {
  @ApiProperty({ type: [ScreeningFindingView], description: 'Empty: nothing found' }) findings!: ScreeningFindingView[];
}

interface LinkedRow {
  code: string;
  agency_code: string;
  kind: CaseKind;
  status: CaseStatus;
  received_on: string;
  subject: string;
}

const OUTSIDE_NOTE = 'Vụ việc tại cơ quan khác / a case at another agency';

/**
 * Findings as `actor` may see them: each link is looked up now (its current agency decides whether
 * the actor may see more than its code), labels Vietnamese first.
 */
export async function screeningViews(manager: EntityManager, findings: readonly StoredIntakeFinding[], actor: Actor): Promise<ScreeningFindingView[]> {
  const codes = [...new Set(findings.flatMap((f) => f.links.map((l) => l.code)))];
  const rows: LinkedRow[] =
    codes.length === 0
      ? []
      : await manager.query(`SELECT code, agency_code, kind, status, to_char(received_on, 'YYYY-MM-DD') AS received_on, subject FROM cases WHERE code = ANY($1::text[])`, [codes]);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return findings.map((f) => ({
    type: f.type,
    reason: f.reason,
    label: f.label.vi,
    labelEn: f.label.en,
    advice: f.advice.vi,
    adviceEn: f.advice.en,
    citation: f.citation,
    confidence: f.confidence,
    links: f.links.map((link): LinkedCaseView => {
      const row = byCode.get(link.code);
      const agencyCode = row?.agency_code ?? link.agencyCode;
      if (!row || !actor.agencyScope.includes(agencyCode)) return { code: link.code, agencyCode, inJurisdiction: false, note: OUTSIDE_NOTE };
      return {
        code: row.code,
        agencyCode,
        inJurisdiction: true,
        kind: row.kind,
        status: row.status,
        statusLabel: CASE_STATUS_LABELS[row.status].vi,
        receivedOn: row.received_on,
        subject: row.subject,
        score: Math.round(link.score * 100) / 100,
      };
    }),
    grounds: f.grounds.map((g) => ({ list: g.list, code: g.ground.code, citation: g.ground.citation, label: g.ground.label.vi, labelEn: g.ground.label.en, confidence: g.ground.confidence })),
    ...(f.competentAgencyCode ? { competentAgencyCode: f.competentAgencyCode } : {}),
  }));
}

/** The findings stored when the case was registered, as `actor` may see them; null when it was not screened. */
export async function caseScreeningView(manager: EntityManager, caseId: string, actor: Actor): Promise<ScreeningFindingView[] | null> {
  const stored = await loadCaseScreening(manager, caseId);
  return stored === null ? null : screeningViews(manager, stored, actor);
}
