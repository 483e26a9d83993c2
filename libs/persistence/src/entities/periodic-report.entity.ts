import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportPeriodKind } from '@donthu/domain';

export type ReportTrigger = 'on_demand' | 'schedule';

/**
 * A periodic report as it was generated (Thông tư 01/2024/TT-TTCP): figures, files, checksums.
 * Never updated (a trigger refuses it). The files are not selected unless asked for.
 */
@Entity({ name: 'periodic_reports' })
export class PeriodicReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'period_kind', type: 'text' })
  periodKind!: ReportPeriodKind;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom!: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo!: string;

  @Column({ name: 'scope_agency_code', type: 'text' })
  scopeAgencyCode!: string;

  @Column({ name: 'include_subordinates', type: 'boolean' })
  includeSubordinates!: boolean;

  @Column({ name: 'scope_agencies', type: 'text', array: true })
  scopeAgencies!: string[];

  @Column({ name: 'generated_at', type: 'timestamptz' })
  generatedAt!: Date;

  @Column({ type: 'text' })
  trigger!: ReportTrigger;

  /** A user id or a schedule id. */
  @Column({ name: 'generated_by', type: 'text' })
  generatedBy!: string;

  @Column({ type: 'jsonb' })
  figures!: Record<string, unknown>;

  @Column({ type: 'bytea', select: false })
  xlsx!: Buffer;

  @Column({ type: 'bytea', select: false })
  csv!: Buffer;

  @Column({ name: 'xlsx_sha256', type: 'text' })
  xlsxSha256!: string;

  @Column({ name: 'csv_sha256', type: 'text' })
  csvSha256!: string;
}
