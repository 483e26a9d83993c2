import { createHash } from 'node:crypto';
import { findRule, SYSTEM_ACTOR } from '@donthu/domain';

/**
 * The record sent to the national complaints database for each event of a case
 * (docs/national-export.md, schema docs/national-export.schema.json). It says what happened to the
 * case, where, when and under which rule; it never says who the citizen is:
 * - no denouncer's identity, nor anything from which it could be read (Luật Tố cáo 2018 Art. 47–48:
 *   the denouncer's name, address, handwriting and other identifying data are secret);
 * - nothing personal of complainants, petitioners or representatives either, only counts
 *   (`groupSize`, `representatives`): the export's legal basis is the state-management statistics of
 *   the national database, which need the case's handling, not the person (data minimisation,
 *   Nghị định 13/2023/NĐ-CP Art. 3);
 * - no free text at all (subject, content, the body complained about, officers' reasons and notes),
 *   because free text routinely holds names; no officer's user id (staff are named by role only).
 * Every field below is picked one by one from the case row, its clocks and the audit event.
 */
export const NATIONAL_EXPORT_SCHEMA_VERSION = 1;
export const NATIONAL_EXPORT_SCHEMA_ID = 'https://donthu.invalid/schemas/national-export/v1.json';

export interface NationalExportClock {
  name: string;
  ruleId: string;
  ruleVersion: number;
  /** The article behind the rule's version (legal-rules.md), when the rule table knows it. */
  citation: string | null;
  status: string;
  owner: 'agency' | 'citizen';
  startDate: string;
  dueDate: string;
  /** The conservative due date (without provisional days off, legal-rules.md §1). */
  dueIgnoringProvisional: string;
  provisional: boolean;
  complex: boolean;
  extensions: number;
}

export interface NationalExportEvent {
  type: string;
  sequence: number;
  occurredAt: string;
  /** `system` for the workflow's own events (timers, escalation), else the acting officer's role when the event records it. */
  actorRole: string | null;
  command: string | null;
  /** Code of the legal ground an officer chose (GET /api/v1/rules/grounds), e.g. a refusal's. */
  legalGround: string | null;
  citation: string | null;
  /** For clock milestones: which clock, and the escalation step (legal-rules.md §6). */
  clock: string | null;
  escalationStep: number | null;
}

export interface NationalExportRecord {
  schemaVersion: typeof NATIONAL_EXPORT_SCHEMA_VERSION;
  recordId: string;
  caseCode: string;
  caseKind: string;
  status: string;
  agencyCode: string;
  channel: string;
  receivedOn: string;
  anonymous: boolean;
  groupSize: number;
  representatives: number;
  parentCaseCode: string | null;
  overdue: boolean;
  nextDueOn: string | null;
  event: NationalExportEvent;
  clocks: NationalExportClock[];
}

/** What the record is made of, as read in the event's transaction. */
export interface ExportFacts {
  caseId: string;
  caseRow: {
    code: string;
    kind: string;
    status: string;
    agencyCode: string;
    channel: string;
    receivedOn: string;
    anonymous: boolean;
    groupSize: number;
    parentCaseCode: string | null;
    overdue: boolean;
    nextDueOn: string | null;
  };
  representatives: number;
  clocks: ReadonlyArray<Omit<NationalExportClock, 'citation'>>;
  event: { type: string; sequence: number; occurredAt: Date; actor: string; payload: Record<string, unknown> };
}

/**
 * The record's id: derived from the case and the event's sequence alone (a UUID-shaped SHA-256),
 * so the same event always has the same id, whichever process writes or re-sends it.
 */
export function exportRecordId(caseId: string, sequence: number): string {
  return nameBasedUuid(`donthu/national-export/${caseId.toLowerCase()}/${sequence}`);
}

/** A UUID derived from a name alone (SHA-256; RFC 9562 version 8, "custom"): the same name, the same id. */
export function nameBasedUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function ruleCitation(ruleId: string, version: number): string | null {
  try {
    return findRule(ruleId).versions.find((v) => v.version === version)?.citation ?? null;
  } catch {
    return null;
  }
}

/** The record of one event. Pure: the same facts give the same record. */
export function buildExportRecord(f: ExportFacts): NationalExportRecord {
  const p = f.event.payload;
  return {
    schemaVersion: NATIONAL_EXPORT_SCHEMA_VERSION,
    recordId: exportRecordId(f.caseId, f.event.sequence),
    caseCode: f.caseRow.code,
    caseKind: f.caseRow.kind,
    status: f.caseRow.status,
    agencyCode: f.caseRow.agencyCode,
    channel: f.caseRow.channel,
    receivedOn: f.caseRow.receivedOn,
    anonymous: f.caseRow.anonymous,
    groupSize: f.caseRow.groupSize,
    representatives: f.representatives,
    parentCaseCode: f.caseRow.parentCaseCode,
    overdue: f.caseRow.overdue,
    nextDueOn: f.caseRow.nextDueOn,
    event: {
      type: f.event.type,
      sequence: f.event.sequence,
      occurredAt: f.event.occurredAt.toISOString(),
      // The audit event's actor is a user id: only the role leaves.
      actorRole: f.event.actor === SYSTEM_ACTOR ? SYSTEM_ACTOR : text(p.role),
      command: text(p.command),
      legalGround: text(p.legalGround),
      citation: text(p.citation),
      clock: text(p.clock),
      escalationStep: typeof p.escalationStep === 'number' ? p.escalationStep : null,
    },
    clocks: [...f.clocks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((c) => ({ ...c, citation: ruleCitation(c.ruleId, c.ruleVersion) })),
  };
}
