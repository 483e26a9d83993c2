import ExcelJS from 'exceljs';
import { computeReportFigures, indicatorsOf, parseLocalDate, REPORT_INDICATORS, REPORT_NOT_COVERED, REPORT_SECTION_INFO, reportPeriod, type ReportCaseFacts } from '@donthu/domain';
import { renderReportCsv, REPORT_CSV_COLUMNS } from './report-csv';
import { figuresSha256, reportFileName, sha256Hex, type ReportDocument } from './report-document';
import { NOTES_SHEET, REPORT_SHEETS, REPORT_TITLE, renderReportXlsx, SUMMARY_SHEET } from './report-workbook';
import { fixZipTimestamps } from './zip-timestamps';

const d = parseLocalDate;
const HK = 'UBND-PHUONG-HK';
const BD = 'UBND-PHUONG-BD';
const base = { channel: 'post', groupSize: 1, splitFromLetter: false, handlingDue: null, resolution: null } as const;
const FACTS: ReportCaseFacts[] = [
  { ...base, agencyCode: HK, kind: 'reception', channel: 'in_person', receivedOn: d('2026-02-02'), groupSize: 12, handling: null },
  { ...base, agencyCode: HK, kind: 'complaint', receivedOn: d('2026-01-10'), handling: { on: d('2026-01-12'), outcome: 'accepted' }, resolution: { startDate: d('2026-01-12'), due: d('2026-02-11'), stoppedOn: d('2026-02-20'), ending: 'decision' } },
  { ...base, agencyCode: BD, kind: 'complaint', receivedOn: d('2026-01-15'), handling: { on: d('2026-01-16'), outcome: 'accepted' }, resolution: { startDate: d('2026-01-16'), due: d('2026-02-15'), stoppedOn: d('2026-02-10'), ending: 'decision' } },
  { ...base, agencyCode: BD, kind: 'letter', receivedOn: d('2025-12-01'), handling: null, handlingDue: d('2025-12-15') },
];
// 15/03/2026 00:05 in Hà Nội.
const GENERATED_AT = Date.parse('2026-03-14T17:05:00Z');
const PERIOD = reportPeriod('q1', 2026);

function document(over: Partial<ReportDocument> = {}): ReportDocument {
  return {
    id: '0b6f2a52-8d1e-4b8e-9a55-0c2b7d3e4f10',
    period: PERIOD,
    scope: { agencyCode: 'UBND-HN', includeSubordinates: true, agencies: [{ code: 'UBND-HN', name: 'Ủy ban nhân dân thành phố Hà Nội' }, { code: BD, name: 'Ủy ban nhân dân phường Ba Đình' }, { code: HK, name: 'Ủy ban nhân dân phường Hoàn Kiếm' }] },
    generatedAtMs: GENERATED_AT,
    trigger: 'schedule',
    generatedBy: 'periodic-report-q1-donthu-cases',
    figures: computeReportFigures(PERIOD, ['UBND-HN', BD, HK], FACTS),
    ...over,
  };
}

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[k + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      k++;
    } else cell += ch;
  }
  return rows;
}

/** Every entry's DOS date and time in a ZIP (from the central directory). */
function zipStamps(zip: Buffer): Array<[number, number]> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out: Array<[number, number]> = [];
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < zip.readUInt16LE(eocd + 10); n++) {
    out.push([zip.readUInt16LE(at + 14), zip.readUInt16LE(at + 12)]);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

describe('periodic report files', () => {
  let xlsx: Buffer;
  let wb: ExcelJS.Workbook;
  const csv = renderReportCsv(document());

  beforeAll(async () => {
    xlsx = await renderReportXlsx(document(), sha256Hex(csv));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  });

  it('has a summary, one sheet per section and the notes, and the official title block', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...REPORT_SHEETS]);
    expect(REPORT_SHEETS).toEqual([SUMMARY_SHEET, 'I. Tiếp công dân', 'II. Xử lý đơn', 'III. Khiếu nại', 'IV. Tố cáo', 'V. Kiến nghị, phản ánh', NOTES_SHEET]);
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    expect(summary.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI');
    expect(summary.getCell('E1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(summary.getCell('A4').value).toBe(REPORT_TITLE);
    expect(summary.getCell('A5').value).toBe('Quý I năm 2026');
    expect(summary.getCell('A6').value).toBe('Kỳ báo cáo: từ ngày 15/12/2025 đến ngày 14/03/2026');
    expect(summary.getCell('A7').value).toBe('Phạm vi: Ủy ban nhân dân thành phố Hà Nội (UBND-HN) và các cơ quan trực thuộc: 3 cơ quan');
    expect(summary.getCell('A8').value as string).toContain('15/03/2026 00:05');
    expect(wb.created.getTime()).toBe(GENERATED_AT);
    expect(wb.modified.getTime()).toBe(GENERATED_AT);
  });

  it('lists every indicator on the summary with its total', () => {
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    const byId = new Map<string, ExcelJS.CellValue>();
    summary.eachRow((row) => {
      const id = row.getCell(2).value;
      if (typeof id === 'string' && /^[a-z_]+(\.[a-z_]+)+$/.test(id)) byId.set(id, row.getCell(7).value);
    });
    expect([...byId.keys()]).toEqual(REPORT_INDICATORS.map((i) => i.id));
    expect(byId.get('reception.persons')).toBe(12);
    expect(byId.get('complaints.resolved.first')).toBe(2);
    expect(byId.get('complaints.on_time_rate.first')).toBe(0.5);
    expect(byId.get('complaints.on_time_rate.second')).toBeNull();
    expect(byId.get('letters.unprocessed_overdue')).toBe(1);
  });

  it('lays out each section as the official table: numbered columns, one row per agency, a total row', () => {
    const ws = wb.getWorksheet(REPORT_SECTION_INFO.complaints.sheetName)!;
    const indicators = indicatorsOf('complaints');
    let numbersRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'A' && row.getCell(2).value === 'B') numbersRow = n;
    });
    expect(numbersRow).toBeGreaterThan(0);
    expect(indicators.map((_, k) => ws.getRow(numbersRow).getCell(k + 3).value)).toEqual(indicators.map((i) => `(${i.no})`));
    // The measure over its two levels, the level under it.
    expect(ws.getRow(numbersRow - 2).getCell(3).value).toBe('Đơn khiếu nại tiếp nhận trong kỳ');
    expect(ws.getRow(numbersRow - 1).getCell(3).value).toBe('Lần đầu');
    expect(ws.getRow(numbersRow - 1).getCell(4).value).toBe('Lần hai');
    const rows = [1, 2, 3, 4].map((k) => ws.getRow(numbersRow + k));
    expect(rows.map((r) => r.getCell(2).value)).toEqual([
      'Ủy ban nhân dân thành phố Hà Nội (UBND-HN)',
      'Ủy ban nhân dân phường Ba Đình (UBND-PHUONG-BD)',
      'Ủy ban nhân dân phường Hoàn Kiếm (UBND-PHUONG-HK)',
      'Tổng cộng',
    ]);
    const col = (id: string) => indicators.findIndex((i) => i.id === id) + 3;
    expect(rows.map((r) => r.getCell(col('complaints.resolved.first')).value)).toEqual([0, 1, 1, 2]);
    expect(rows.map((r) => r.getCell(col('complaints.late.first')).value)).toEqual([0, 0, 1, 1]);
    expect(rows.map((r) => r.getCell(col('complaints.on_time_rate.first')).value)).toEqual([null, 1, 0, 0.5]);
    expect(rows[3]!.getCell(col('complaints.on_time_rate.first')).numFmt).toBe('0.0%');
  });

  it('names what is not covered and what the checksums cover in the notes', () => {
    const ws = wb.getWorksheet(NOTES_SHEET)!;
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => text.push(typeof c.value === 'string' || typeof c.value === 'number' ? String(c.value) : '')));
    const all = text.join('\n');
    for (const n of REPORT_NOT_COVERED) expect(all).toContain(n.label.vi);
    expect(all).toContain(sha256Hex(csv));
    expect(all).toContain(figuresSha256(document().figures));
    expect(all).toContain('0b6f2a52-8d1e-4b8e-9a55-0c2b7d3e4f10');
  });

  it('gives the same bytes whenever the same report is rendered again: every ZIP entry is stamped with the generation time', async () => {
    jest.useFakeTimers({ now: GENERATED_AT + 3 * 86_400_000 + 7_777, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask'] });
    try {
      const again = await renderReportXlsx(document(), sha256Hex(csv));
      expect(sha256Hex(again)).toBe(sha256Hex(xlsx));
    } finally {
      jest.useRealTimers();
    }
    // 15/03/2026 00:05:00 local, as MS-DOS date and time.
    const stamp: [number, number] = [((2026 - 1980) << 9) | (3 << 5) | 15, (0 << 11) | (5 << 5)];
    expect(new Set(zipStamps(xlsx).map((s) => s.join(' ')))).toEqual(new Set([stamp.join(' ')]));
    // A different report (another generation time) is another file.
    expect(sha256Hex(await renderReportXlsx(document({ generatedAtMs: GENERATED_AT + 60_000 }), sha256Hex(csv)))).not.toBe(sha256Hex(xlsx));
    expect(() => fixZipTimestamps(Buffer.from('not a zip'), GENERATED_AT)).toThrow(/not a ZIP/);
  });

  it('writes the CSV as UTF-8 with a BOM, one row per indicator, quoted where needed', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.toString('utf8').slice(1));
    expect(rows[0]).toEqual([...REPORT_CSV_COLUMNS]);
    expect(rows.length).toBe(REPORT_INDICATORS.length + 1);
    const byId = new Map(rows.slice(1).map((r) => [r[2], r]));
    expect(byId.get('reception.persons')).toEqual(['reception', '2', 'reception.persons', 'Số người được tiếp', 'Persons received', '', 'persons', '12', 'Luật Tiếp công dân 2013; Thông tư 01/2024/TT-TTCP']);
    expect(byId.get('complaints.on_time_rate.first')![7]).toBe('0.5');
    expect(byId.get('complaints.on_time_rate.second')![7]).toBe('');
    // A label with a comma survives the round trip.
    expect(byId.get('letters.received.recommendation')![3]).toBe('Tiếp nhận trong kỳ – Kiến nghị, phản ánh');
  });

  it('names the files after the period and the scope, in ASCII', () => {
    expect(reportFileName(document(), 'xlsx')).toBe('bao-cao-q1-2026-UBND-HN-va-truc-thuoc.xlsx');
    expect(reportFileName({ ...document(), period: reportPeriod('six_months', 2026), scope: { ...document().scope, agencyCode: HK, includeSubordinates: false } }, 'csv')).toBe('bao-cao-six-months-2026-UBND-PHUONG-HK.csv');
  });
});
