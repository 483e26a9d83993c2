import { nationalExportBatchErrors } from '../../../../test/support/national-export-schema';
import { buildExportRecord, exportRecordId, NATIONAL_EXPORT_SCHEMA_ID, NATIONAL_EXPORT_SCHEMA_VERSION, type ExportFacts } from './export-record';

const CASE_ID = '6f1d8a8e-3c3a-4b8e-9b1e-2f1c0a7d5e41';
const clock = { name: 'acceptance', ruleId: 'KN-02', ruleVersion: 3, status: 'running', owner: 'agency' as const, startDate: '2026-11-26', dueDate: '2026-12-07', dueIgnoringProvisional: '2026-12-07', provisional: false, complex: false, extensions: 0 };
const facts = (event: Partial<ExportFacts['event']> = {}, caseRow: Partial<ExportFacts['caseRow']> = {}): ExportFacts => ({
  caseId: CASE_ID,
  caseRow: { code: 'UBND-HN-2026-000042', kind: 'denunciation', status: 'received', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-26', anonymous: false, groupSize: 1, parentCaseCode: null, overdue: false, nextDueOn: '2026-12-07', ...caseRow },
  representatives: 0,
  clocks: [clock],
  event: { type: 'case.registered', sequence: 1, occurredAt: new Date('2026-11-26T02:03:04.567Z'), actor: 'demo.intake_officer.UBND-HN', payload: { kind: 'denunciation', status: 'received' }, ...event },
});
const batch = (records: unknown[]) => ({ schema: NATIONAL_EXPORT_SCHEMA_ID, schemaVersion: NATIONAL_EXPORT_SCHEMA_VERSION, batchId: '0f8fad5b-d9cb-469f-a165-70867728950e', records });

describe('national export record (docs/national-export.schema.json)', () => {
  it('validates against the documented schema: a registration, a command with its legal ground, a milestone of the ladder', () => {
    const records = [
      buildExportRecord(facts()),
      buildExportRecord(facts({ type: 'case.refused', sequence: 2, payload: { command: 'refuse', role: 'agency_head', legalGround: 'verifiable_content', citation: 'Luật Tố cáo 2018, Điều 29' } }, { status: 'refused', nextDueOn: null })),
      buildExportRecord(facts({ type: 'clock.escalated_superior', sequence: 7, actor: 'system', payload: { clock: 'acceptance', escalationStep: 3, citation: 'legal-rules.md §6; Luật Tố cáo 2018, Điều 37 khoản 1 điểm b, Điều 38' } }, { overdue: true })),
    ];
    expect(nationalExportBatchErrors(batch(records))).toEqual([]);
    expect(records[1]!.event).toEqual({ type: 'case.refused', sequence: 2, occurredAt: '2026-11-26T02:03:04.567Z', actorRole: 'agency_head', command: 'refuse', legalGround: 'verifiable_content', citation: 'Luật Tố cáo 2018, Điều 29', clock: null, escalationStep: null });
    expect(records[2]!.event).toMatchObject({ actorRole: 'system', clock: 'acceptance', escalationStep: 3 });
    // The rule's citation comes from the rule table, by the version the clock was counted under.
    expect(records[0]!.clocks[0]).toMatchObject({ ruleId: 'KN-02', ruleVersion: 3, citation: expect.stringContaining('Điều') });
  });

  it('has a stable record id per (case, sequence): the receiver de-duplicates by it', () => {
    expect(buildExportRecord(facts()).recordId).toBe(exportRecordId(CASE_ID, 1));
    expect(exportRecordId(CASE_ID, 1)).toBe(exportRecordId(CASE_ID.toUpperCase(), 1));
    expect(exportRecordId(CASE_ID, 1)).not.toBe(exportRecordId(CASE_ID, 2));
    expect(exportRecordId(CASE_ID, 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('takes nothing personal from the event: no name, reason, note or identifier reaches the record', () => {
    const record = buildExportRecord(
      facts({
        type: 'case.transferred',
        sequence: 3,
        payload: { command: 'transfer', role: 'intake_officer', reason: 'Theo đơn của ông Phạm Văn Khải, 0987654321', note: 'CCCD 001185067890', petitioner: { fullName: 'Phạm Văn Khải' }, targetAgency: 'UBND-PHUONG-HK' },
      }),
    );
    expect(JSON.stringify(record)).not.toMatch(/Phạm Văn Khải|0987654321|001185067890|reason|note|petitioner|demo\.intake_officer/);
    expect(nationalExportBatchErrors(batch([record]))).toEqual([]);
  });

  it('is refused by the schema when a field is added (a leak would have to change the documented format first)', () => {
    const record = { ...buildExportRecord(facts()), denouncerName: 'Nguyễn Văn A' };
    expect(nationalExportBatchErrors(batch([record]))).toContain('/records/0 must NOT have additional properties');
    const badId = { ...buildExportRecord(facts()), recordId: 'not-a-uuid' };
    expect(nationalExportBatchErrors(batch([badId]))).toContain('/records/0/recordId must match pattern "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"');
  });
});
