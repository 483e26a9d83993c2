import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { indicatorsOf, REPORT_INDICATORS, REPORT_NOT_COVERED, REPORT_PERIOD_KINDS, REPORT_SCHEDULE, REPORT_SECTION_INFO, type CaseKind, type Role } from '@donthu/domain';
import { NOTES_SHEET, REPORT_SHEETS, SUMMARY_SHEET } from '@donthu/reporting';
import { periodicReportScheduleId } from '../../workflows/src/reports/periodic-report-contract';
import { apiAs, type Api } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

/**
 * Periodic reports (Thông tư 01/2024/TT-TTCP; legal-rules.md §6) on the real stack. Cases are
 * registered and driven over HTTP with past dates around the six-month period of 2026
 * (15/12/2025 → 14/06/2026); each line of FIXTURES says where it counts, and the expected figures
 * below are those sums, written by hand. Then the files, the jurisdiction, the refusals, and the
 * Temporal Schedules on the dev server (the time-skipping server has no schedules:
 * test/workflows/periodic-report.e2e-spec.ts drives the workflow the schedule starts).
 */

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const PETITIONER = { fullName: 'Trần Văn Báo', phone: '0987654321', idNumber: '001190054321' };
const HK = 'UBND-PHUONG-HK';
const BD = 'UBND-PHUONG-BD';

type As = (role: Role, agency: string) => Promise<Api>;

/** Collects a binary body (supertest gives text for text/csv and nothing useful for XLSX otherwise). */
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('periodic reports: on demand over HTTP, figures as computed by hand, XLSX and CSV, jurisdiction, schedules', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  const staff: Record<string, Api> = {};
  const as: As = async (role, agency) => (staff[`${role}@${agency}`] ??= await apiAs(stack.api.getHttpServer(), role, agency));
  const codes: Record<string, string> = {};

  const register = async (name: string, agency: string, kind: CaseKind, receivedOn: string, more: Record<string, unknown> = {}) => {
    const res = await (await as('agency_head', agency))
      .post('/api/v1/cases')
      .send({ kind, agencyCode: agency, channel: 'post', receivedOn, subject: `${name}: ${kind} ${receivedOn}`, content: `Nội dung vụ việc ${name} để thử báo cáo định kỳ.`, petitioner: PETITIONER, ...more });
    if (res.status !== 201) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
    const code: string = res.body.code;
    codes[name] = code;
    return code;
  };
  const command = async (name: string, agency: string, path: string, body: Record<string, unknown>) => {
    const res = await (await as('agency_head', agency)).post(`/api/v1/cases/${codes[name]}/${path}`).send(body);
    if (res.status !== 200) throw new Error(`${name} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };

  /**
   * Six months of 2026: 15/12/2025 → 14/06/2026. Where each case counts, by hand:
   * E1  complaint accepted before the period, decided inside, on time → complaints: carried over, resolved on time (not a letter of the period)
   * E2  complaint received 10/06, untouched → letter received, not handled (KN-02 not yet due); complaint received
   * E3  denunciation accepted 08/01, still open → letter handled and eligible; resolution open and overdue at the cut-off
   * E4  recommendation lodged in person, replied a week after acceptance → letter eligible; replied on time; a matter lodged in person
   * E5  letter received 10/12/2025, filed 16/12 → carried over, handled, filed
   * E6  letter received 12/06, classified on 20/06 (after the cut-off) into a complaint → letter not handled at the cut-off; the complaint it contains counts as received
   * E7  reception of a group of 6 → session, 6 persons, a large group
   * E8  reception refused (Luật TCD Art. 9) → session, 1 person, refused
   * E9  (Ba Đình) complaint refused → letter handled, refused; complaint received and refused
   * E10 (Ba Đình) letter transferred to Hoàn Kiếm, not yet taken → letter handled: transferred (still held by Ba Đình)
   * E11 complaint accepted 05/01, decided 20/03, past KN-03's due date → resolved late
   * E14 (UBND-HN) second-level complaint of E11, accepted 15/04, KN-07 past due at the cut-off → open and overdue
   * E16 denunciation accepted 25/11/2025, concluded 20/06 (after the cut-off) → carried over, open and overdue at the cut-off
   * E12 (Đà Nẵng) and E13 (received 15/06, after the cut-off) → nowhere in this report
   */
  async function drive(): Promise<void> {
    await register('E1', HK, 'complaint', '2025-12-01');
    await command('E1', HK, 'accept', { effectiveDate: '2025-12-05' });
    await command('E1', HK, 'decide', { effectiveDate: '2025-12-26', documentNumber: '01/QĐ-UBND' });
    await register('E2', HK, 'complaint', '2026-06-10');
    await register('E3', HK, 'denunciation', '2026-01-05');
    await command('E3', HK, 'accept', { effectiveDate: '2026-01-08' });
    await register('E4', HK, 'recommendation', '2026-02-02', { channel: 'in_person' });
    await command('E4', HK, 'accept', { effectiveDate: '2026-02-03' });
    await command('E4', HK, 'reply', { effectiveDate: '2026-02-10', documentNumber: '15/UBND-TL' });
    await register('E5', HK, 'letter', '2025-12-10');
    await command('E5', HK, 'file', { effectiveDate: '2025-12-16', reason: 'Đơn trùng nội dung đã xử lý' });
    await register('E6', HK, 'letter', '2026-06-12');
    await command('E6', HK, 'classify', { effectiveDate: '2026-06-20', contents: ['complaint'] });
    await register('E7', HK, 'reception', '2026-03-03', { channel: 'in_person', groupSize: 6, representatives: [{ fullName: 'Lê Thị Đại Diện' }] });
    await register('E8', HK, 'reception', '2026-03-04', { channel: 'in_person' });
    await command('E8', HK, 'refuse', { effectiveDate: '2026-03-04', legalGround: 'threatening_or_disorderly' });
    await register('E9', BD, 'complaint', '2026-01-20');
    await command('E9', BD, 'refuse', { effectiveDate: '2026-01-22', legalGround: 'limitation_expired' });
    await register('E10', BD, 'letter', '2026-02-01');
    await command('E10', BD, 'transfer', { effectiveDate: '2026-02-03', targetAgency: HK, reason: 'Thuộc thẩm quyền phường Hoàn Kiếm' });
    await register('E11', HK, 'complaint', '2026-01-02');
    await command('E11', HK, 'accept', { effectiveDate: '2026-01-05' });
    await command('E11', HK, 'decide', { effectiveDate: '2026-03-20', documentNumber: '09/QĐ-UBND' });
    await command('E11', HK, 'send-decision', { effectiveDate: '2026-03-21' });
    await register('E14', 'UBND-HN', 'complaint_second_level', '2026-04-10', { parentCaseCode: codes.E11 });
    await command('E14', 'UBND-HN', 'accept', { effectiveDate: '2026-04-15' });
    await register('E16', HK, 'denunciation', '2025-11-20');
    await command('E16', HK, 'accept', { effectiveDate: '2025-11-25' });
    await command('E16', HK, 'conclude', { effectiveDate: '2026-06-20', documentNumber: '03/KL-UBND' });
    await register('E12', 'UBND-PHUONG-HC', 'complaint', '2026-01-10');
    await register('E13', HK, 'complaint', '2026-06-15');
  }

  /** The non-zero figures of the whole province by hand; every other count is 0 and every other rate null. */
  const HA_NOI: Record<string, number | null> = {
    'reception.sessions': 2, // E7, E8
    'reception.persons': 7, // 6 + 1
    'reception.cases': 1, // E4
    'reception.large_groups': 1, // E7
    'reception.large_group_persons': 6,
    'reception.refused': 1, // E8
    // Letters received: E2, E3, E4, E6, E9, E10, E11, E14; carried over: E5 (E1 and E16 were handled before the period).
    'letters.received.all': 8,
    'letters.received.complaint': 4, // E2, E9, E11, E14
    'letters.received.denunciation': 1, // E3
    'letters.received.recommendation': 1, // E4
    'letters.received.unclassified': 2, // E6, E10
    'letters.carried_over.all': 1,
    'letters.carried_over.unclassified': 1,
    'letters.total.all': 9,
    'letters.total.complaint': 4,
    'letters.total.denunciation': 1,
    'letters.total.recommendation': 1,
    'letters.total.unclassified': 3,
    // Handled in the period: E3, E4, E5, E9, E10, E11, E14.
    'letters.processed.all': 7,
    'letters.processed.complaint': 3,
    'letters.processed.denunciation': 1,
    'letters.processed.recommendation': 1,
    'letters.processed.unclassified': 2,
    'letters.eligible.all': 4, // E3, E4, E11, E14 accepted
    'letters.eligible.complaint': 2,
    'letters.eligible.denunciation': 1,
    'letters.eligible.recommendation': 1,
    'letters.within_competence': 5, // and E9 refused
    'letters.transferred': 1, // E10
    'letters.filed': 1, // E5
    'letters.refused': 1, // E9
    'letters.unprocessed': 2, // E2, E6
    // Complaints, first level: received E2, E9, E11 and E6's content; resolutions E1 (carried over, on time) and E11 (late).
    'complaints.received.first': 4,
    'complaints.accepted.first': 1,
    'complaints.refused.first': 1,
    'complaints.carried_over.first': 1,
    'complaints.to_resolve.first': 2,
    'complaints.resolved.first': 2,
    'complaints.resolved_by_decision.first': 2,
    'complaints.on_time.first': 1,
    'complaints.late.first': 1,
    'complaints.on_time_rate.first': 0.5,
    'complaints.received.second': 1, // E14
    'complaints.accepted.second': 1,
    'complaints.to_resolve.second': 1,
    'complaints.open_at_cutoff.second': 1,
    'complaints.overdue_at_cutoff.second': 1,
    // Denunciations: E3 received and accepted, open; E16 carried over, open (concluded after the cut-off); both past due.
    'denunciations.received.first': 1,
    'denunciations.accepted.first': 1,
    'denunciations.carried_over.first': 1,
    'denunciations.to_resolve.first': 2,
    'denunciations.open_at_cutoff.first': 2,
    'denunciations.overdue_at_cutoff.first': 2,
    'recommendations.received': 1,
    'recommendations.accepted': 1,
    'recommendations.to_resolve': 1,
    'recommendations.resolved': 1,
    'recommendations.on_time': 1,
    'recommendations.on_time_rate': 1,
  };
  const BA_DINH: Record<string, number | null> = {
    'letters.received.all': 2,
    'letters.received.complaint': 1,
    'letters.received.unclassified': 1,
    'letters.total.all': 2,
    'letters.total.complaint': 1,
    'letters.total.unclassified': 1,
    'letters.processed.all': 2,
    'letters.processed.complaint': 1,
    'letters.processed.unclassified': 1,
    'letters.within_competence': 1,
    'letters.transferred': 1,
    'letters.refused': 1,
    'complaints.received.first': 1,
    'complaints.refused.first': 1,
  };
  const full = (nonZero: Record<string, number | null>) => Object.fromEntries(REPORT_INDICATORS.map((i) => [i.id, i.id in nonZero ? nonZero[i.id] : i.unit === 'rate' ? null : 0]));

  let provinceReport: { id: string; xlsxSha256: string; csvSha256: string; agencies: string[]; totals: Record<string, number | null> };

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    await drive();
    const res = await (await as('inspector', 'TTR-HN')).post('/api/v1/reports').send({ periodKind: 'six_months', year: 2026, agencyCode: 'UBND-HN', includeSubordinates: true }).expect(201);
    provinceReport = res.body;
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  it('makes the province’s six-month report with the figures computed by hand, agreeing with the on-time rate of monitoring', async () => {
    expect(provinceReport).toMatchObject({
      periodKind: 'six_months',
      year: 2026,
      periodLabel: { vi: '6 tháng đầu năm 2026', en: 'First six months of 2026' },
      from: '2025-12-15',
      to: '2026-06-14',
      agencyCode: 'UBND-HN',
      includeSubordinates: true,
      trigger: 'on_demand',
      generatedBy: 'demo.inspector.TTR-HN',
      created: true,
    });
    expect(provinceReport.agencies).toEqual(expect.arrayContaining(['UBND-HN', HK, BD, 'TTR-HN', 'SO-TNMT-HN']));
    expect(provinceReport.agencies).not.toContain('UBND-PHUONG-HC');
    expect(provinceReport.totals).toEqual(full(HA_NOI));

    const stored = await stack.dataSource.query<Array<{ figures: { byAgency: Array<{ agencyCode: string; values: Record<string, number | null> }> } }>>('SELECT figures FROM periodic_reports WHERE id = $1', [provinceReport.id]);
    const byAgency = new Map(stored[0]!.figures.byAgency.map((a) => [a.agencyCode, a.values]));
    expect(byAgency.get(BD)).toEqual(full(BA_DINH));
    expect(byAgency.get('UBND-HN')).toMatchObject({ 'complaints.received.second': 1, 'complaints.overdue_at_cutoff.second': 1, 'letters.eligible.complaint': 1 });

    // The same clocks, the same definition: the monitoring on-time rate over the period says 2 on time, 1 late.
    const rate = await (await as('inspector', 'TTR-HN')).get('/api/v1/monitoring/on-time-rate').query({ from: '2025-12-15', to: '2026-06-14' }).expect(200);
    const onTime = REPORT_INDICATORS.filter((i) => i.measure === 'on_time').reduce((n, i) => n + (provinceReport.totals[i.id] as number), 0);
    const late = REPORT_INDICATORS.filter((i) => i.measure === 'late').reduce((n, i) => n + (provinceReport.totals[i.id] as number), 0);
    expect({ onTime: rate.body.totals.onTime, late: rate.body.totals.late }).toEqual({ onTime, late });
    expect(onTime).toBe(2);
  });

  it('serves the XLSX laid out like the official tables, with its SHA-256 in a header', async () => {
    const res = await (await as('inspector', 'TTR-HN')).get(`/api/v1/reports/${provinceReport.id}/xlsx`).buffer(true).parse(binary).expect(200);
    const bytes = res.body as Buffer;
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('bao-cao-six-months-2026-UBND-HN-va-truc-thuoc.xlsx');
    expect(res.headers['x-content-sha256']).toBe(sha256(bytes));
    expect(res.headers['x-content-sha256']).toBe(provinceReport.xlsxSha256);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...REPORT_SHEETS]);
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    expect(summary.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI');
    expect(summary.getCell('A5').value).toBe('6 tháng đầu năm 2026');
    expect(summary.getCell('A6').value).toBe('Kỳ báo cáo: từ ngày 15/12/2025 đến ngày 14/03/2026'.replace('14/03', '14/06'));
    const summaryValues = new Map<string, ExcelJS.CellValue>();
    summary.eachRow((row) => {
      const id = row.getCell(2).value;
      if (typeof id === 'string' && /^[a-z_]+(\.[a-z_]+)+$/.test(id)) summaryValues.set(id, row.getCell(7).value);
    });
    expect(Object.fromEntries(summaryValues)).toEqual(full(HA_NOI));

    // Section III: agencies down, numbered indicators across, the total row last.
    const ws = wb.getWorksheet(REPORT_SECTION_INFO.complaints.sheetName)!;
    const indicators = indicatorsOf('complaints');
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => rows.push(row));
    const numbers = rows.find((r) => r.getCell(1).value === 'A' && r.getCell(2).value === 'B')!;
    expect(indicators.map((_, k) => numbers.getCell(k + 3).value)).toEqual(indicators.map((i) => `(${i.no})`));
    const total = rows[rows.length - 1]!;
    expect(total.getCell(2).value).toBe('Tổng cộng');
    const col = (id: string) => indicators.findIndex((i) => i.id === id) + 3;
    expect(total.getCell(col('complaints.resolved.first')).value).toBe(2);
    expect(total.getCell(col('complaints.on_time_rate.first')).value).toBe(0.5);
    const bd = rows.find((r) => r.getCell(2).value === `Ủy ban nhân dân phường Ba Đình (${BD})`)!;
    expect(bd.getCell(col('complaints.refused.first')).value).toBe(1);
    expect(rows.filter((r) => typeof r.getCell(1).value === 'number')).toHaveLength(provinceReport.agencies.length);

    const notes: string[] = [];
    wb.getWorksheet(NOTES_SHEET)!.eachRow((row) => row.eachCell((c) => notes.push(typeof c.value === 'string' ? c.value : '')));
    for (const n of REPORT_NOT_COVERED) expect(notes.join('\n')).toContain(n.label.vi);
    expect(notes.join('\n')).toContain(provinceReport.csvSha256);
  });

  it('serves the CSV: UTF-8 with a BOM, one row per indicator, its SHA-256 in a header', async () => {
    const res = await (await as('inspector', 'TTR-HN')).get(`/api/v1/reports/${provinceReport.id}/csv`).buffer(true).parse(binary).expect(200);
    const bytes = res.body as Buffer;
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['x-content-sha256']).toBe(sha256(bytes));
    expect(res.headers['x-content-sha256']).toBe(provinceReport.csvSha256);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('section,no,indicator_id,label_vi,label_en,level,unit,value,citation');
    expect(lines).toHaveLength(REPORT_INDICATORS.length + 1);
    // Fields are plain or quoted; the figure is the 8th field from the left of the unquoted id column.
    const valueOf = (id: string) => {
      const line = lines.find((l) => l.split(',')[2] === id)!;
      const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
      return fields[7];
    };
    expect(valueOf('reception.persons')).toBe('7');
    expect(valueOf('complaints.on_time_rate.first')).toBe('0.5');
    expect(valueOf('denunciations.on_time_rate.first')).toBe('');
    expect(valueOf('letters.unprocessed')).toBe('2');
  });

  it('records each report in the audit trail and never lets a kept report change', async () => {
    const events = await stack.dataSource.query<Array<{ actor: string; type: string; payload: Record<string, unknown> }>>(
      `SELECT actor, type, payload FROM audit_events WHERE stream_type = 'report' AND stream_id = 'UBND-HN' AND payload->>'reportId' = $1`,
      [provinceReport.id],
    );
    expect(events).toEqual([
      {
        actor: 'demo.inspector.TTR-HN',
        type: 'report.generated',
        payload: expect.objectContaining({ periodKind: 'six_months', year: 2026, from: '2025-12-15', to: '2026-06-14', trigger: 'on_demand', xlsxSha256: provinceReport.xlsxSha256, csvSha256: provinceReport.csvSha256 }),
      },
    ]);
    await expect(stack.dataSource.query(`UPDATE periodic_reports SET year = 2025 WHERE id = $1`, [provinceReport.id])).rejects.toThrow(/UPDATE refused/);
  });

  it('keeps every report within the jurisdiction of who asks: an agency head reports on their own agency only', async () => {
    const head = await as('agency_head', HK);
    const own = await head.post('/api/v1/reports').send({ periodKind: 'six_months', year: 2026, agencyCode: HK }).expect(201);
    expect(own.body.agencies).toEqual([HK]);
    // By hand, Hoàn Kiếm alone: letters received E2, E3, E4, E6, E11; the refusal and the transfer were Ba Đình's.
    expect(own.body.totals).toMatchObject({ 'letters.received.all': 5, 'letters.refused': 0, 'letters.transferred': 0, 'complaints.received.second': 0, 'denunciations.to_resolve.first': 2 });

    const refused = async (api: Api, body: object) => {
      const res = await api.post('/api/v1/reports').send({ periodKind: 'six_months', year: 2026, ...body }).expect(403);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'agencyCode' })]);
    };
    await refused(head, { agencyCode: 'UBND-HN', includeSubordinates: true });
    await refused(head, { agencyCode: BD });
    await refused(await as('inspector', 'TTR-DN'), { agencyCode: 'UBND-HN', includeSubordinates: true });
    const officer = await (await as('intake_officer', HK)).post('/api/v1/reports').send({ periodKind: 'six_months', year: 2026, agencyCode: HK }).expect(403);
    expect(officer.body.message).toBe('Role intake_officer may not generate_report');

    // Lists and downloads: a province's report is not shown to one of its communes, nor to another province.
    const listed = async (api: Api) => ((await api.get('/api/v1/reports').expect(200)).body.items as Array<{ id: string }>).map((r) => r.id);
    expect(await listed(head)).toEqual([own.body.id]);
    expect(await listed(await as('inspector', 'TTR-HN'))).toEqual(expect.arrayContaining([provinceReport.id, own.body.id]));
    expect(await listed(await as('inspector', 'TTR-DN'))).toEqual([]);
    await head.get(`/api/v1/reports/${provinceReport.id}/xlsx`).expect(404);
    await (await as('inspector', 'TTR-DN')).get(`/api/v1/reports/${own.body.id}/csv`).expect(404);
    await (await as('agency_head', HK)).get(`/api/v1/reports/${own.body.id}/csv`).expect(200);
    const filtered = await (await as('inspector', 'TTR-HN')).get('/api/v1/reports').query({ agency: HK, periodKind: 'six_months', year: 2026, trigger: 'on_demand' }).expect(200);
    expect(filtered.body.items.map((r: { id: string }) => r.id)).toEqual([own.body.id]);
    expect(filtered.body.truncated).toBe(false);
  });

  it('refuses what cannot be reported, naming the field and the reason', async () => {
    const inspector = await as('inspector', 'TTR-HN');
    const field = async (body: object, status: number) => {
      const res = await inspector.post('/api/v1/reports').send({ periodKind: 'q1', year: 2026, agencyCode: 'UBND-HN', ...body }).expect(status);
      return res.body.errors as Array<{ field: string; reason: string; reasonVi?: string }>;
    };
    expect(await field({ periodKind: 'quarter_2' }, 400)).toEqual([expect.objectContaining({ field: 'periodKind' })]);
    expect(await field({ year: 1999 }, 400)).toEqual([expect.objectContaining({ field: 'year' })]);
    expect(await field({ year: '2026' }, 400)).toEqual([expect.objectContaining({ field: 'year' })]);
    expect(await field({ agencyCode: 'ubnd hn' }, 400)).toEqual([expect.objectContaining({ field: 'agencyCode' })]);
    expect(await field({ extra: true }, 400)).toEqual([expect.objectContaining({ field: 'extra' })]);
    // A period whose cut-off (14/12/2099) has not come: 422, saying from when it can be made.
    const notEnded = await field({ periodKind: 'annual', year: 2099 }, 422);
    expect(notEnded).toEqual([expect.objectContaining({ field: 'year', reason: expect.stringContaining('has not ended') })]);
    expect(notEnded[0]!.reasonVi).toContain('14/12/2099');
    expect(await field({ agencyCode: 'UBND-KHONG-CO' }, 422)).toEqual([expect.objectContaining({ field: 'agencyCode' })]);

    expect((await inspector.get('/api/v1/reports/not-a-report/xlsx').expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    await inspector.get('/api/v1/reports/0b6f2a52-8d1e-4b8e-9a55-0c2b7d3e4f10/xlsx').expect(404);
    expect((await inspector.get('/api/v1/reports').query({ year: 'abc' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    expect((await inspector.get('/api/v1/reports').query({ periodKind: 'weekly' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'periodKind' })]);
  });

  it('has a schedule per kind of period whose next runs are exactly 00:05 Asia/Ho_Chi_Minh on the day after each cut-off (computed by the dev server)', async () => {
    for (const kind of REPORT_PERIOD_KINDS) {
      const description = await stack.temporalClient.schedule.getHandle(periodicReportScheduleId(kind, stack.taskQueue)).describe();
      expect(description.spec.timezone).toBe('Asia/Ho_Chi_Minh');
      const next = description.info.nextActionTimes.map((d) => d.toISOString());
      expect(next.length).toBeGreaterThanOrEqual(3);
      // 00:05 at UTC+7 on the 15th is 17:05 UTC on the 14th; one run a year, the first one still ahead.
      const { month } = REPORT_SCHEDULE.runs[kind];
      const first = new Date(next[0]!);
      const expected = next.map((_, k) => new Date(Date.UTC(first.getUTCFullYear() + k, month - 1, 14, 17, 5)).toISOString());
      expect(next).toEqual(expected);
      expect(first.getTime()).toBeGreaterThan(Date.now());
      expect(first.getTime() - 365 * 86_400_000).toBeLessThanOrEqual(Date.now());
      expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'periodicReportWorkflow', taskQueue: stack.taskQueue, args: [{ kind, scheduleId: periodicReportScheduleId(kind, stack.taskQueue) }] });
    }
  });

  it('makes each province’s report once when the schedule is triggered, the same figures as on demand; a second run adds nothing', async () => {
    const scheduleId = periodicReportScheduleId('q1', stack.taskQueue);
    const handle = stack.temporalClient.schedule.getHandle(scheduleId);
    const runOnce = async (n: number) => {
      await handle.trigger();
      let actions: Awaited<ReturnType<typeof handle.describe>>['info']['recentActions'] = [];
      for (let t = 0; t < 120 && actions.length < n; t++) {
        actions = (await handle.describe()).info.recentActions;
        if (actions.length < n) await new Promise((r) => setTimeout(r, 250));
      }
      expect(actions).toHaveLength(n);
      const run = actions[n - 1]!.action.workflow;
      return stack.temporalClient.workflow.getHandle(run.workflowId, run.firstExecutionRunId).result();
    };

    const first = await runOnce(1);
    // Today is after 15/03/2026 and before 15/03/2027: the latest first quarter that has ended is 2026's.
    expect(first).toMatchObject({ kind: 'q1', year: 2026 });
    expect(first.reports.map((r: { agencyCode: string; created: boolean }) => [r.agencyCode, r.created])).toEqual(expect.arrayContaining([['UBND-HN', true], ['UBND-DN', true]]));
    const scheduled = await stack.dataSource.query<Array<{ id: string; scope_agency_code: string; include_subordinates: boolean; generated_by: string; figures: { totals: Record<string, number | null> } }>>(
      `SELECT id, scope_agency_code, include_subordinates, generated_by, figures FROM periodic_reports WHERE trigger = 'schedule' AND period_kind = 'q1' AND year = 2026 ORDER BY scope_agency_code`,
    );
    expect(scheduled.map((r) => [r.scope_agency_code, r.include_subordinates, r.generated_by])).toEqual(expect.arrayContaining([['UBND-DN', true, scheduleId], ['UBND-HN', true, scheduleId]]));

    const onDemand = await (await as('inspector', 'TTR-HN')).post('/api/v1/reports').send({ periodKind: 'q1', year: 2026, agencyCode: 'UBND-HN', includeSubordinates: true }).expect(201);
    expect(scheduled.find((r) => r.scope_agency_code === 'UBND-HN')!.figures.totals).toEqual(onDemand.body.totals);
    // Quý I 2026 by hand: E3 accepted and open (and overdue), E16 carried over, E4 replied on time, E11 decided late (20/03, after the cut-off: still open then).
    expect(onDemand.body.totals).toMatchObject({ 'recommendations.on_time': 1, 'complaints.late.first': 0, 'complaints.open_at_cutoff.first': 1, 'denunciations.open_at_cutoff.first': 2 });
    const listed = await (await as('inspector', 'TTR-HN')).get('/api/v1/reports').query({ trigger: 'schedule' }).expect(200);
    expect(listed.body.items.map((r: { agencyCode: string }) => r.agencyCode)).toEqual(['UBND-HN']);

    const second = await runOnce(2);
    expect(second.reports.every((r: { created: boolean }) => !r.created)).toBe(true);
    const after = await stack.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM periodic_reports WHERE trigger = 'schedule'`);
    expect(after[0]!.n).toBe(scheduled.length);
    const audited = await stack.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_events WHERE stream_type = 'report' AND payload->>'trigger' = 'schedule'`);
    expect(audited[0]!.n).toBe(scheduled.length);
  });
});
