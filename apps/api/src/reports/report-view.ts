import { ApiProperty } from '@nestjs/swagger';
import { REPORT_PERIOD_KINDS, reportPeriodLabel, type LocalizedText, type ReportPeriodKind } from '@donthu/domain';
import type { StoredReport } from '@donthu/reporting';

class LocalizedTextView implements LocalizedText {
  @ApiProperty({ example: 'Quý I năm 2026' }) vi!: string;
  @ApiProperty({ example: 'First quarter of 2026' }) en!: string;
}

class ReportLinksView {
  @ApiProperty({ example: '/api/v1/reports/0b6f2a52-8d1e-4b8e-9a55-0c2b7d3e4f10/xlsx' }) xlsx!: string;
  @ApiProperty({ example: '/api/v1/reports/0b6f2a52-8d1e-4b8e-9a55-0c2b7d3e4f10/csv' }) csv!: string;
}

/** A kept report, without its files (downloaded from `links`) and without the figures per agency. */
export class ReportView {
  @ApiProperty({ example: '0b6f2a52-8d1e-4b8e-9a55-0c2b7d3e4f10' }) id!: string;
  @ApiProperty({ enum: REPORT_PERIOD_KINDS, example: 'q1' }) periodKind!: ReportPeriodKind;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: LocalizedTextView }) periodLabel!: LocalizedText;
  @ApiProperty({ example: '2025-12-15', description: 'Từ ngày / first day (15/12 of the previous year)' }) from!: string;
  @ApiProperty({ example: '2026-03-14', description: 'Đến ngày / the cut-off (thời điểm chốt số liệu), included' }) to!: string;
  @ApiProperty({ example: 'UBND-HN' }) agencyCode!: string;
  @ApiProperty({ example: true }) includeSubordinates!: boolean;
  @ApiProperty({ example: ['UBND-HN', 'SO-TNMT-HN', 'TTR-HN'], description: 'Every agency the figures cover' }) agencies!: string[];
  @ApiProperty({ example: '2026-03-14T17:05:00.000Z' }) generatedAt!: string;
  @ApiProperty({ enum: ['on_demand', 'schedule'] }) trigger!: 'on_demand' | 'schedule';
  @ApiProperty({ example: 'demo.inspector.TTR-HN', description: 'The user id, or the schedule id' }) generatedBy!: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) xlsxSha256!: string;
  @ApiProperty({ example: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae' }) csvSha256!: string;
  @ApiProperty({ type: ReportLinksView }) links!: ReportLinksView;
}

/** The report just made, with the figures of its whole scope. */
export class GeneratedReportView extends ReportView {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    example: { 'reception.sessions': 12, 'complaints.on_time_rate.first': 0.8333 },
    description: 'Figure of the whole scope per indicator id (the CSV’s indicator_id, the XLSX summary’s Mã chỉ tiêu); a rate is a fraction 0–1, null when nothing was resolved',
  })
  totals!: Record<string, number | null>;
  @ApiProperty({ description: 'false: a scheduled report of this period and scope already existed and is returned as it was' }) created!: boolean;
}

export function reportView(report: Omit<StoredReport, 'figures'>): ReportView {
  const base = `/api/v1/reports/${report.id}`;
  return {
    id: report.id,
    periodKind: report.periodKind,
    year: report.year,
    periodLabel: reportPeriodLabel({ kind: report.periodKind, year: report.year }),
    from: report.periodFrom,
    to: report.periodTo,
    agencyCode: report.scopeAgencyCode,
    includeSubordinates: report.includeSubordinates,
    agencies: report.scopeAgencies,
    generatedAt: report.generatedAt.toISOString(),
    trigger: report.trigger,
    generatedBy: report.generatedBy,
    xlsxSha256: report.xlsxSha256,
    csvSha256: report.csvSha256,
    links: { xlsx: `${base}/xlsx`, csv: `${base}/csv` },
  };
}

/**
 * Whether the actor may see a report: every agency it covers must be within the actor's
 * jurisdiction (a report on a province is not shown to one of its communes).
 */
export function mayReadReport(report: { scopeAgencies: readonly string[] }, agencyScope: readonly string[]): boolean {
  const scope = new Set(agencyScope);
  return report.scopeAgencies.every((code) => scope.has(code));
}
