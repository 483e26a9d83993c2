import type { EntityManager } from 'typeorm';
import type { AuditEventEntity } from '../entities';
import { buildExportRecord, type ExportFacts, type NationalExportClock } from './export-record';

interface CaseRow {
  code: string;
  kind: string;
  status: string;
  agency_code: string;
  channel: string;
  received_on: string;
  anonymous: boolean;
  group_size: number;
  parent_code: string | null;
  overdue: boolean;
  next_due_on: string | null;
  representatives: number;
}

interface ClockRow {
  name: string;
  rule_id: string;
  rule_version: number;
  status: string;
  owner: 'agency' | 'citizen';
  start_date: string;
  due_date: string;
  due_ignoring_provisional: string;
  provisional: boolean;
  complex: boolean;
  extensions: number;
}

/**
 * Puts the national-export record of a case event into the outbox, inside the caller's
 * transaction, after the event's projection changes (the record shows the case as the event left
 * it). Idempotent by (case, sequence): a second call for the same event writes nothing.
 */
export async function enqueueNationalExport(manager: EntityManager, caseId: string, event: Pick<AuditEventEntity, 'type' | 'sequence' | 'occurredAt' | 'actor' | 'payload'>): Promise<void> {
  // One round trip: the case, its parent's code, its representatives and its clocks.
  const [c] = await manager.query<Array<CaseRow & { clocks: ClockRow[] }>>(
    `SELECT c.code, c.kind, c.status, c.agency_code, c.channel, to_char(c.received_on, 'YYYY-MM-DD') AS received_on, c.anonymous, c.group_size,
            p.code AS parent_code, c.overdue, to_char(c.next_due_on, 'YYYY-MM-DD') AS next_due_on,
            (SELECT count(*)::int FROM case_parties r WHERE r.case_id = c.id AND r.role = 'representative') AS representatives,
            (SELECT coalesce(json_agg(json_build_object(
                      'name', k.name, 'rule_id', k.rule_id, 'rule_version', k.rule_version, 'status', k.status, 'owner', k.owner,
                      'start_date', to_char(k.start_date, 'YYYY-MM-DD'), 'due_date', to_char(k.due_date, 'YYYY-MM-DD'),
                      'due_ignoring_provisional', to_char(k.due_ignoring_provisional, 'YYYY-MM-DD'),
                      'provisional', k.provisional, 'complex', k.complex, 'extensions', k.extensions) ORDER BY k.name), '[]'::json)
               FROM case_clocks k WHERE k.case_id = c.id) AS clocks
       FROM cases c LEFT JOIN cases p ON p.id = c.parent_case_id
      WHERE c.id = $1`,
    [caseId],
  );
  if (!c) throw new Error(`national export: case ${caseId} does not exist`);
  const clocks = c.clocks;
  const facts: ExportFacts = {
    caseId,
    caseRow: {
      code: c.code,
      kind: c.kind,
      status: c.status,
      agencyCode: c.agency_code,
      channel: c.channel,
      receivedOn: c.received_on,
      anonymous: c.anonymous,
      groupSize: c.group_size,
      parentCaseCode: c.parent_code,
      overdue: c.overdue,
      nextDueOn: c.next_due_on,
    },
    representatives: c.representatives,
    clocks: clocks.map(
      (k): Omit<NationalExportClock, 'citation'> => ({
        name: k.name,
        ruleId: k.rule_id,
        ruleVersion: k.rule_version,
        status: k.status,
        owner: k.owner,
        startDate: k.start_date,
        dueDate: k.due_date,
        dueIgnoringProvisional: k.due_ignoring_provisional,
        provisional: k.provisional,
        complex: k.complex,
        extensions: k.extensions,
      }),
    ),
    event: { type: event.type, sequence: event.sequence, occurredAt: new Date(event.occurredAt), actor: event.actor, payload: event.payload },
  };
  const record = buildExportRecord(facts);
  await manager.query(
    `INSERT INTO national_export_outbox (id, case_id, audit_sequence, record) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id, audit_sequence) DO NOTHING`,
    [record.recordId, caseId, event.sequence, record],
  );
}
