import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  assertReportPeriodEnded,
  computeReportFigures,
  formatLocalDate,
  InvalidInputError,
  localDateAtEpochMs,
  REPORT_PERIOD_CITATION,
  reportPeriod,
  reportScope,
  type AgencyTree,
  type ReportPeriodKind,
} from '@donthu/domain';
import { appendNextAuditEvent, loadAgencyTree, PeriodicReportEntity, type ReportTrigger } from '@donthu/persistence';
import { figuresSha256, sha256Hex, type ReportDocument } from './report-document';
import { renderReportCsv } from './report-csv';
import { loadReportFacts } from './report-facts';
import { renderReportXlsx } from './report-workbook';

export interface PeriodicReportRequest {
  periodKind: ReportPeriodKind;
  year: number;
  agencyCode: string;
  includeSubordinates: boolean;
  trigger: ReportTrigger;
  /** A user id (on demand) or the schedule's id. */
  generatedBy: string;
  /** The generation instant (epoch ms): decides whether the period has ended, and dates the files. */
  nowMs: number;
}

/** What is kept of a report, without its files. */
export interface StoredReport {
  id: string;
  periodKind: ReportPeriodKind;
  year: number;
  periodFrom: string;
  periodTo: string;
  scopeAgencyCode: string;
  includeSubordinates: boolean;
  scopeAgencies: string[];
  generatedAt: Date;
  trigger: ReportTrigger;
  generatedBy: string;
  xlsxSha256: string;
  csvSha256: string;
  figures: Record<string, unknown>;
}

export interface BuiltReport {
  document: ReportDocument;
  xlsx: Buffer;
  csv: Buffer;
  xlsxSha256: string;
  csvSha256: string;
}

/**
 * A report's figures and files, not yet stored: the period (which must have ended by `nowMs`),
 * the scope from the agency hierarchy, the facts of its cases, the figures (libs/domain), the CSV
 * and the XLSX. Throws InvalidInputError naming `periodKind`, `year` or `agencyCode`.
 */
export async function buildPeriodicReport(manager: EntityManager, tree: AgencyTree, request: PeriodicReportRequest, id: string = randomUUID()): Promise<BuiltReport> {
  const { period, agencies } = checkReportRequest(tree, request);
  const facts = await loadReportFacts(manager, agencies, period);
  const document: ReportDocument = {
    id,
    period,
    scope: { agencyCode: request.agencyCode, includeSubordinates: request.includeSubordinates, agencies: agencies.map((code) => ({ code, name: tree.get(code)?.name ?? code })) },
    // Whole seconds: what the workbook's dates and the ZIP's timestamps can hold.
    generatedAtMs: Math.floor(request.nowMs / 1000) * 1000,
    trigger: request.trigger,
    generatedBy: request.generatedBy,
    figures: computeReportFigures(period, agencies, facts),
  };
  const csv = renderReportCsv(document);
  const csvSha256 = sha256Hex(csv);
  const xlsx = await renderReportXlsx(document, csvSha256);
  return { document, xlsx, csv, xlsxSha256: sha256Hex(xlsx), csvSha256 };
}

/** The period and the agencies a request covers; InvalidInputError when it cannot be made. */
export function checkReportRequest(tree: AgencyTree, request: Pick<PeriodicReportRequest, 'periodKind' | 'year' | 'agencyCode' | 'includeSubordinates' | 'nowMs'>) {
  const period = reportPeriod(request.periodKind, request.year);
  assertReportPeriodEnded(period, localDateAtEpochMs(request.nowMs));
  const agencies = reportScope(tree, request.agencyCode, request.includeSubordinates);
  if (agencies.length === 0) {
    throw new InvalidInputError('agencyCode', 'unknown_agency', {
      vi: `cơ quan ${request.agencyCode} không có trong danh mục cơ quan`,
      en: `agency ${request.agencyCode} is not in the directory (GET /api/v1/agencies)`,
    });
  }
  return { period, agencies };
}

/**
 * Builds a report and keeps it, with its audit event (stream `report`/<agency>, one transaction).
 * A scheduled report is made once per period and scope: a retried or repeated run finds the one
 * already kept and returns it with `created: false` (without building it again). `tree`: the
 * agency hierarchy the caller checked the request against (read from the directory otherwise).
 */
export async function generatePeriodicReport(
  dataSource: DataSource,
  request: PeriodicReportRequest,
  tree?: AgencyTree,
): Promise<{ report: StoredReport; created: boolean }> {
  tree ??= await loadAgencyTree(dataSource);
  if (request.trigger === 'schedule') {
    const existing = await findScheduledReport(dataSource.manager, request);
    if (existing) return { report: existing, created: false };
  }
  const built = await buildPeriodicReport(dataSource.manager, tree, request);
  return storePeriodicReport(dataSource, built);
}

/** Keeps a built report and its audit event in one transaction (a scheduled duplicate is not kept). */
export async function storePeriodicReport(dataSource: DataSource, built: BuiltReport): Promise<{ report: StoredReport; created: boolean }> {
  const doc = built.document;
  return dataSource.transaction(async (manager) => {
    const inserted = await manager.query<Array<{ id: string }>>(
      `INSERT INTO periodic_reports (id, period_kind, year, period_from, period_to, scope_agency_code, include_subordinates, scope_agencies,
                                     generated_at, trigger, generated_by, figures, xlsx, csv, xlsx_sha256, csv_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (period_kind, year, scope_agency_code, include_subordinates) WHERE trigger = 'schedule' DO NOTHING
       RETURNING id`,
      [
        doc.id,
        doc.period.kind,
        doc.period.year,
        formatLocalDate(doc.period.from),
        formatLocalDate(doc.period.to),
        doc.scope.agencyCode,
        doc.scope.includeSubordinates,
        doc.scope.agencies.map((a) => a.code),
        new Date(doc.generatedAtMs),
        doc.trigger,
        doc.generatedBy,
        JSON.stringify(doc.figures),
        built.xlsx,
        built.csv,
        built.xlsxSha256,
        built.csvSha256,
      ],
    );
    if (inserted.length === 0) {
      // Another run of the same schedule kept its report first (ON CONFLICT waited for its commit).
      const existing = await findScheduledReport(manager, { periodKind: doc.period.kind, year: doc.period.year, agencyCode: doc.scope.agencyCode, includeSubordinates: doc.scope.includeSubordinates });
      if (!existing) throw new Error(`scheduled report ${doc.period.kind} ${doc.period.year} ${doc.scope.agencyCode} conflicted but cannot be found`);
      return { report: existing, created: false };
    }
    await appendNextAuditEvent(manager, {
      streamType: 'report',
      streamId: doc.scope.agencyCode,
      type: 'report.generated',
      actor: doc.generatedBy,
      // Facts only: counts and checksums, never a case or a person.
      payload: {
        reportId: doc.id,
        periodKind: doc.period.kind,
        year: doc.period.year,
        from: formatLocalDate(doc.period.from),
        to: formatLocalDate(doc.period.to),
        includeSubordinates: doc.scope.includeSubordinates,
        agencies: doc.scope.agencies.length,
        trigger: doc.trigger,
        generatedAt: new Date(doc.generatedAtMs).toISOString(),
        xlsxSha256: built.xlsxSha256,
        csvSha256: built.csvSha256,
        figuresSha256: figuresSha256(doc.figures),
        citation: REPORT_PERIOD_CITATION,
      },
    });
    const stored = await manager.findOneByOrFail(PeriodicReportEntity, { id: doc.id });
    return { report: toStoredReport(stored), created: true };
  });
}

async function findScheduledReport(
  manager: EntityManager,
  key: { periodKind: ReportPeriodKind; year: number; agencyCode: string; includeSubordinates: boolean },
): Promise<StoredReport | undefined> {
  const row = await manager.findOneBy(PeriodicReportEntity, { periodKind: key.periodKind, year: key.year, scopeAgencyCode: key.agencyCode, includeSubordinates: key.includeSubordinates, trigger: 'schedule' });
  return row ? toStoredReport(row) : undefined;
}

export function toStoredReport(row: PeriodicReportEntity): StoredReport {
  return {
    id: row.id,
    periodKind: row.periodKind,
    year: row.year,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    scopeAgencyCode: row.scopeAgencyCode,
    includeSubordinates: row.includeSubordinates,
    scopeAgencies: row.scopeAgencies,
    generatedAt: row.generatedAt,
    trigger: row.trigger,
    generatedBy: row.generatedBy,
    xlsxSha256: row.xlsxSha256,
    csvSha256: row.csvSha256,
    figures: row.figures,
  };
}

/** The files of a kept report, for download (null when there is no such report). */
export async function loadReportFile(manager: EntityManager, id: string, format: 'xlsx' | 'csv'): Promise<{ bytes: Buffer; sha256: string } | null> {
  const rows = await manager.query<Array<{ bytes: Buffer; sha256: string }>>(
    `SELECT ${format === 'xlsx' ? 'xlsx AS bytes, xlsx_sha256 AS sha256' : 'csv AS bytes, csv_sha256 AS sha256'} FROM periodic_reports WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

