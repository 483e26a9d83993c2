import { REPORT_INDICATORS, indicatorLabel } from '@donthu/domain';
import type { ReportDocument } from './report-document';

/** UTF-8 byte order mark: without it Excel opens a CSV in the local code page and garbles Vietnamese. */
const BOM = '\uFEFF';

export const REPORT_CSV_COLUMNS = ['section', 'no', 'indicator_id', 'label_vi', 'label_en', 'level', 'unit', 'value', 'citation'] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV: one row per indicator with the figure of the whole scope (rates as a
 * fraction 0–1, empty when nothing was resolved), UTF-8 with a BOM, CRLF line ends.
 */
export function renderReportCsv(doc: ReportDocument): Buffer {
  const lines = [REPORT_CSV_COLUMNS.join(',')];
  for (const i of REPORT_INDICATORS) {
    const label = indicatorLabel(i);
    lines.push([i.section, i.no, i.id, label.vi, label.en, i.level ?? '', i.unit, doc.figures.totals[i.id] ?? null, i.citation].map(field).join(','));
  }
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
