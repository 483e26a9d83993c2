import ExcelJS from 'exceljs';
import {
  formatLocalDate,
  indicatorLabel,
  indicatorsOf,
  REPORT_INDICATORS,
  REPORT_NOT_COVERED,
  REPORT_PERIOD_CITATION,
  REPORT_SECTION_INFO,
  REPORT_SECTIONS,
  reportPeriodLabel,
  reportPeriodRangeVi,
  type IndicatorDefinition,
  type IndicatorValues,
  type ReportSection,
} from '@donthu/domain';
import { figuresSha256, formatVietnamTime, type ReportDocument } from './report-document';
import { fixZipTimestamps } from './zip-timestamps';

export const SUMMARY_SHEET = 'Tổng hợp';
export const NOTES_SHEET = 'Ghi chú';
export const REPORT_TITLE = 'BÁO CÁO KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN, XỬ LÝ ĐƠN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO';

/** The sheets of a report, in order. */
export const REPORT_SHEETS: readonly string[] = [SUMMARY_SHEET, ...REPORT_SECTIONS.map((s) => REPORT_SECTION_INFO[s].sheetName), NOTES_SHEET];

const TRIGGER_LABELS = { on_demand: 'lập theo yêu cầu / on demand', schedule: 'lập tự động theo lịch / by schedule' } as const;
const UNIT_LABELS = { count: 'Số', persons: 'Người', rate: '%' } as const;
const LEVEL_LABELS = { first: 'Lần đầu', second: 'Lần hai' } as const;

const THIN = { style: 'thin' } as const;
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

/**
 * The report as an XLSX workbook laid out like the official tables of Thông tư 01/2024/TT-TTCP:
 * a summary sheet (title block, one row per indicator), one sheet per section with the agencies as
 * rows and the numbered indicators as columns (the biểu mẫu's shape), and a notes sheet (what is
 * not covered, how figures are counted, what the checksums cover).
 *
 * The bytes depend only on the document and `csvSha256`: the workbook's created and modified
 * dates and every ZIP entry's timestamp are the generation time, so rendering the stored document
 * again gives the same file, and its SHA-256 identifies the report's content.
 */
export async function renderReportXlsx(doc: ReportDocument, csvSha256: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const at = new Date(doc.generatedAtMs);
  wb.creator = 'donthu';
  wb.lastModifiedBy = 'donthu';
  wb.created = at;
  wb.modified = at;
  wb.title = `${REPORT_TITLE} – ${reportPeriodLabel(doc.period).vi}`;
  wb.subject = reportPeriodRangeVi(doc.period);

  summarySheet(wb, doc);
  for (const section of REPORT_SECTIONS) sectionSheet(wb, doc, section);
  notesSheet(wb, doc, csvSha256);

  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimestamps(bytes, doc.generatedAtMs);
}

/** Agency and national motto, title, period: the heading every official table starts with. Returns the next free row. */
function titleBlock(ws: ExcelJS.Worksheet, doc: ReportDocument, width: number, title: string): number {
  const agencyName = doc.scope.agencies[0]?.name ?? doc.scope.agencyCode;
  const left = Math.max(2, Math.floor(width / 2) - 1);
  ws.mergeCells(1, 1, 1, left);
  ws.getCell(1, 1).value = agencyName.toUpperCase();
  ws.getCell(1, 1).font = { bold: true };
  ws.getCell(1, 1).alignment = CENTER;
  ws.mergeCells(1, left + 1, 1, width);
  ws.getCell(1, left + 1).value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.getCell(1, left + 1).font = { bold: true };
  ws.getCell(1, left + 1).alignment = CENTER;
  ws.mergeCells(2, left + 1, 2, width);
  ws.getCell(2, left + 1).value = 'Độc lập - Tự do - Hạnh phúc';
  ws.getCell(2, left + 1).font = { bold: true, underline: true };
  ws.getCell(2, left + 1).alignment = CENTER;

  const scope = doc.scope.includeSubordinates
    ? `Phạm vi: ${agencyName} (${doc.scope.agencyCode}) và các cơ quan trực thuộc: ${doc.scope.agencies.length} cơ quan`
    : `Phạm vi: ${agencyName} (${doc.scope.agencyCode})`;
  const lines: Array<[string, Partial<ExcelJS.Font>]> = [
    [title, { bold: true, size: 13 }],
    [reportPeriodLabel(doc.period).vi, { bold: true }],
    [reportPeriodRangeVi(doc.period), { italic: true }],
    [scope, {}],
    [`Lập lúc ${formatVietnamTime(doc.generatedAtMs)} (giờ Việt Nam), ${TRIGGER_LABELS[doc.trigger]}`, { italic: true, size: 9 }],
  ];
  let row = 4;
  for (const [text, font] of lines) {
    ws.mergeCells(row, 1, row, width);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = CENTER;
    row += 1;
  }
  return row + 1;
}

function summarySheet(wb: ExcelJS.Workbook, doc: ReportDocument): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET, { pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers = ['STT', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Indicator', 'Cấp', 'Đơn vị tính', 'Số liệu', 'Căn cứ'];
  ws.columns = [{ width: 6 }, { width: 34 }, { width: 52 }, { width: 48 }, { width: 9 }, { width: 9 }, { width: 11 }, { width: 48 }];
  let row = titleBlock(ws, doc, headers.length, REPORT_TITLE);
  headers.forEach((h, k) => headerCell(ws.getCell(row, k + 1), h));
  const headerRow = row;
  row += 1;
  let n = 0;
  for (const section of REPORT_SECTIONS) {
    const info = REPORT_SECTION_INFO[section];
    ws.mergeCells(row, 1, row, headers.length);
    const cell = ws.getCell(row, 1);
    cell.value = `${info.numeral}. ${info.title.vi.toUpperCase()} / ${info.title.en}`;
    cell.font = { bold: true };
    cell.border = BOX;
    row += 1;
    for (const i of indicatorsOf(section)) {
      n += 1;
      const label = indicatorLabel(i);
      const values = [n, i.id, label.vi, label.en, i.level ? (i.column?.vi ?? LEVEL_LABELS[i.level]) : '', UNIT_LABELS[i.unit], doc.figures.totals[i.id] ?? null, i.citation];
      values.forEach((v, k) => {
        const c = ws.getCell(row, k + 1);
        c.value = v;
        c.border = BOX;
        c.alignment = { vertical: 'middle', wrapText: k === 2 || k === 3 || k === 7 };
      });
      figureFormat(ws.getCell(row, 7), i);
      row += 1;
    }
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
}

/** One section as the official table: agencies down, numbered indicators across, a total row. */
function sectionSheet(wb: ExcelJS.Workbook, doc: ReportDocument, section: ReportSection): void {
  const info = REPORT_SECTION_INFO[section];
  const indicators = indicatorsOf(section);
  const width = indicators.length + 2;
  const ws = wb.addWorksheet(info.sheetName, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 6 }, { width: 40 }, ...indicators.map(() => ({ width: 12 }))];
  const top = titleBlock(ws, doc, width, `BIỂU ${info.numeral}. ${info.title.vi.toUpperCase()}`);

  // Three header rows: the measure (merged across its columns), its breakdown, the column numbers.
  ws.mergeCells(top, 1, top + 1, 1);
  headerCell(ws.getCell(top, 1), 'STT');
  ws.mergeCells(top, 2, top + 1, 2);
  headerCell(ws.getCell(top, 2), 'Đơn vị');
  headerCell(ws.getCell(top + 2, 1), 'A');
  headerCell(ws.getCell(top + 2, 2), 'B');
  for (let k = 0; k < indicators.length; ) {
    const i = indicators[k]!;
    let span = 1;
    while (k + span < indicators.length && indicators[k + span]!.measure === i.measure) span += 1;
    const col = k + 3;
    if (i.column === null) {
      ws.mergeCells(top, col, top + 1, col);
      headerCell(ws.getCell(top, col), i.group.vi);
    } else {
      if (span > 1) ws.mergeCells(top, col, top, col + span - 1);
      headerCell(ws.getCell(top, col), i.group.vi);
      for (let s = 0; s < span; s++) headerCell(ws.getCell(top + 1, col + s), indicators[k + s]!.column!.vi);
    }
    for (let s = 0; s < span; s++) headerCell(ws.getCell(top + 2, col + s), `(${indicators[k + s]!.no})`);
    k += span;
  }
  ws.getRow(top).height = 60;
  ws.getRow(top + 1).height = 30;

  const names = new Map(doc.scope.agencies.map((a) => [a.code, a.name]));
  let row = top + 3;
  const dataRow = (stt: number | string, name: string, values: IndicatorValues, bold: boolean) => {
    const first = ws.getCell(row, 1);
    first.value = stt;
    const second = ws.getCell(row, 2);
    second.value = name;
    for (const c of [first, second]) {
      c.border = BOX;
      c.font = { bold };
    }
    first.alignment = CENTER;
    second.alignment = { vertical: 'middle', wrapText: true };
    indicators.forEach((i, k) => {
      const c = ws.getCell(row, k + 3);
      c.value = values[i.id] ?? null;
      c.border = BOX;
      c.font = { bold };
      c.alignment = { horizontal: 'right', vertical: 'middle' };
      figureFormat(c, i);
    });
    row += 1;
  };
  doc.figures.byAgency.forEach((a, k) => dataRow(k + 1, `${names.get(a.agencyCode) ?? a.agencyCode} (${a.agencyCode})`, a.values, false));
  dataRow('', 'Tổng cộng', doc.figures.totals, true);
  ws.views = [{ state: 'frozen', ySplit: top + 2, xSplit: 2 }];
}

function notesSheet(wb: ExcelJS.Workbook, doc: ReportDocument, csvSha256: string): void {
  const ws = wb.addWorksheet(NOTES_SHEET);
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 60 }, { width: 60 }];
  let row = 1;
  const heading = (text: string) => {
    ws.mergeCells(row, 1, row, 4);
    ws.getCell(row, 1).value = text;
    ws.getCell(row, 1).font = { bold: true };
    row += 1;
  };
  const line = (cells: Array<string | number>, bold = false) => {
    cells.forEach((v, k) => {
      const c = ws.getCell(row, k + 1);
      c.value = v;
      c.border = BOX;
      c.font = { bold };
      c.alignment = { vertical: 'top', wrapText: true };
    });
    row += 1;
  };

  heading('1. Chỉ tiêu của Thông tư 01/2024/TT-TTCP chưa có số liệu / Indicators of TT 01/2024 not covered');
  line(['STT', 'Mã / Id', 'Chỉ tiêu (lý do)', 'Indicator (reason)'], true);
  REPORT_NOT_COVERED.forEach((n, k) => line([k + 1, n.id, `${n.label.vi} (${n.reason.vi})`, `${n.label.en} (${n.reason.en})`]));
  row += 1;

  heading('2. Cách tính / How the figures are counted');
  const rules: Array<[string, string]> = [
    [
      'Kỳ báo cáo tính từ ngày 15/12 năm trước đến hết ngày chốt số liệu (14/03, 14/06, 14/09, 14/12), theo ngày ở Việt Nam.',
      `Periods run from 15/12 of the previous year to the end of the cut-off day (14/03, 14/06, 14/09, 14/12), local dates. ${REPORT_PERIOD_CITATION}.`,
    ],
    [
      'Mỗi vụ việc được tính cho cơ quan đang giữ hồ sơ tại thời điểm lập báo cáo; ngày của mỗi hành vi là ngày hiệu lực ghi trong nhật ký.',
      'Each case counts for the agency holding it when the report is made; each act is dated by the effective date recorded in the audit trail.',
    ],
    [
      'Đơn kỳ trước chuyển sang: nhận trước ngày đầu kỳ, chưa xử lý đến ngày đầu kỳ. Đơn tách từ một đơn nhiều nội dung không tính lại là đơn.',
      'Carried over: received before the first day and not yet handled on it. Contents split from a letter are not counted again as letters.',
    ],
    [
      'Đang giải quyết kỳ trước chuyển sang: thời hạn giải quyết bắt đầu trước ngày đầu kỳ, chưa kết thúc đến ngày đầu kỳ. Đang giải quyết tại thời điểm chốt: chưa kết thúc đến hết ngày chốt.',
      'Carried over resolutions began before the first day and had not ended by it; still open at the cut-off: not ended by the end of the cut-off day.',
    ],
    [
      'Đúng hạn: văn bản kết thúc việc giải quyết có hiệu lực trong hoặc trước ngày hết hạn (ngày hết hạn thận trọng, như khi theo dõi); quá hạn tại thời điểm chốt: hạn là ngày chốt hoặc sớm hơn.',
      'On time: the act ending the resolution took effect on or before its (conservative) due date, as in monitoring; overdue at the cut-off: due on the cut-off day or earlier and still open.',
    ],
    ['Đoàn đông người: từ 5 người trở lên (Luật Tiếp công dân 2013, Điều 29).', 'Large groups: 5 or more people (Law on Citizen Reception 2013, Art. 29).'],
  ];
  for (const [vi, en] of rules) {
    ws.mergeCells(row, 1, row, 2);
    ws.getCell(row, 1).value = '•';
    ws.getCell(row, 3).value = vi;
    ws.getCell(row, 4).value = en;
    ws.getCell(row, 3).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(row, 4).alignment = { wrapText: true, vertical: 'top' };
    row += 1;
  }
  row += 1;

  heading('3. Dữ liệu kiểm tra / Checksum inputs');
  const facts: Array<[string, string]> = [
    ['Mã báo cáo / report id', doc.id],
    ['Kỳ / period', `${doc.period.kind} ${doc.period.year}: ${formatLocalDate(doc.period.from)} → ${formatLocalDate(doc.period.to)}`],
    ['Cơ quan / agency', doc.scope.agencyCode],
    ['Gồm cơ quan trực thuộc / includes subordinates', doc.scope.includeSubordinates ? 'có / yes' : 'không / no'],
    ['Các cơ quan / agencies covered', doc.scope.agencies.map((a) => a.code).join(', ')],
    ['Lập lúc / generated at (UTC)', new Date(doc.generatedAtMs).toISOString()],
    ['Cách lập / trigger', `${doc.trigger} (${doc.generatedBy})`],
    ['Số chỉ tiêu / indicators', String(REPORT_INDICATORS.length)],
    ['SHA-256 số liệu / figures (canonical JSON, RFC 8785)', figuresSha256(doc.figures)],
    ['SHA-256 tệp CSV / CSV file', csvSha256],
    ['SHA-256 tệp XLSX / this file', 'lưu cùng báo cáo, gửi trong tiêu đề X-Content-SHA256 khi tải về / stored with the report, sent as X-Content-SHA256'],
  ];
  for (const [k, v] of facts) {
    ws.mergeCells(row, 1, row, 2);
    ws.getCell(row, 1).value = k;
    ws.mergeCells(row, 3, row, 4);
    ws.getCell(row, 3).value = v;
    ws.getCell(row, 3).alignment = { wrapText: true };
    row += 1;
  }
}

function headerCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { bold: true };
  cell.alignment = CENTER;
  cell.border = BOX;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
}

function figureFormat(cell: ExcelJS.Cell, i: IndicatorDefinition): void {
  cell.numFmt = i.unit === 'rate' ? '0.0%' : '#,##0';
}
