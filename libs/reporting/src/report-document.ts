import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ReportFigures, ReportPeriod } from '@donthu/domain';
import type { ReportTrigger } from '@donthu/persistence';

/** Everything a report's files are rendered from: rendering the same document gives the same bytes. */
export interface ReportDocument {
  readonly id: string;
  readonly period: ReportPeriod;
  readonly scope: {
    readonly agencyCode: string;
    readonly includeSubordinates: boolean;
    /** Every agency covered, the named one first, with its name. */
    readonly agencies: ReadonlyArray<{ readonly code: string; readonly name: string }>;
  };
  /** Epoch ms, whole seconds: the workbook's created/modified dates and the row's generated_at. */
  readonly generatedAtMs: number;
  readonly trigger: ReportTrigger;
  /** A user id or a schedule id. */
  readonly generatedBy: string;
  readonly figures: ReportFigures;
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of the figures in canonical JSON (RFC 8785): what the numbers were, whatever the file format. */
export function figuresSha256(figures: ReportFigures): string {
  return sha256Hex(canonicalize(figures) ?? '');
}

/** `15/03/2026 00:05` in Asia/Ho_Chi_Minh (UTC+7 all year). */
export function formatVietnamTime(epochMs: number): string {
  const local = new Date(epochMs + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** File names: `bao-cao-q1-2026-UBND-HN.xlsx` (ASCII, safe in a Content-Disposition header). */
export function reportFileName(
  doc: { period: Pick<ReportPeriod, 'kind' | 'year'>; scope: Pick<ReportDocument['scope'], 'agencyCode' | 'includeSubordinates'> },
  extension: 'xlsx' | 'csv',
): string {
  return `bao-cao-${doc.period.kind.replace('_', '-')}-${doc.period.year}-${doc.scope.agencyCode}${doc.scope.includeSubordinates ? '-va-truc-thuoc' : ''}.${extension}`;
}
