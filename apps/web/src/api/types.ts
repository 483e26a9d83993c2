import type { CaseCommand, CaseKind, CaseStatus, LocalizedText, Role } from '@donthu/domain';

// Response shapes of the api (apps/api/src/**/**.view.ts, case-views.ts), as the console reads them.

export interface FieldError {
  field: string;
  reason: string;
  reasonVi?: string;
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldError[];
  requestId?: string;
}

export interface SessionUser {
  id: string;
  displayName: string;
  role: Role;
  agencyCode: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

export interface CaseSummary {
  code: string;
  kind: CaseKind;
  status: CaseStatus;
  statusLabel: string;
  remote: boolean;
  severalSites: boolean;
  assignee: string | null;
  nextDueOn: string | null;
  overdue: boolean;
  agencyCode: string;
  channel: string;
  receivedOn: string;
  subject: string;
  content: string;
  respondentBody: string | null;
  workflowId: string;
  workflowStarted: boolean;
  /** Priority monitoring flags (đông người, phức tạp, kéo dài, đất đai) and their Vietnamese labels. */
  priorityFlags?: string[];
  priorityLabels?: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CaseListPage {
  items: CaseSummary[];
  nextCursor: string | null;
}

export interface Clock {
  name: string;
  rule: string;
  ruleVersion: number;
  owner: 'agency' | 'citizen';
  status: 'running' | 'paused' | 'stopped';
  monitoringState: string;
  startDate: string;
  due: string;
  dueIgnoringProvisional: string;
  provisional: boolean;
  reached: string[];
  explanation: string[];
  explanationEn: string[];
}

export interface CaseDetail extends CaseSummary {
  clocks: Clock[];
  allowedCommands: CaseCommand[];
}

export interface AuditEvent {
  sequence: number;
  type: string;
  actor: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export interface RegisteredCase extends CaseSummary {
  tracking: { code: string; secret: string | null };
}

export interface Agency {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  active: boolean;
  inspectorate: string | null;
  superior: string | null;
}

export interface DeadlinePreview {
  due: string;
  provisional: boolean;
  ruleVersion: string;
  explanationText: { vi: string[]; en: string[] };
}

export interface TrackedCase {
  code: string;
  kind: { value: CaseKind; label: LocalizedText };
  status: { value: CaseStatus; label: LocalizedText };
  receivedOn: string;
  currentDeadline: { date: string; label: LocalizedText } | null;
  milestones: { type: string; date: string; label: LocalizedText }[];
}

export interface Tracking extends TrackedCase {
  contents: TrackedCase[];
}

export interface RevealedIdentities {
  code: string;
  parties: { pseudonym: string; role: string; fullName: string; address: string | null; phone: string | null; email: string | null; idNumber: string | null }[];
  auditSequence: number;
}

export interface Attachment {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  description: string | null;
}

export interface StateCounts {
  dueSoon: number;
  overdue: number;
  veryOverdue: number;
  total: number;
}

/** Overdue clocks by escalation step recorded so far: 1 reminder, 2 same-level inspectorate, 3 superior (legal-rules.md §6). */
export interface EscalationCounts {
  reminder: number;
  inspectorate: number;
  superior: number;
}

export interface MonitoringSummary {
  asOf: string;
  today: string;
  groupBy: string[];
  groups: (StateCounts & { agencyCode?: string; agencyName?: string | null; kind?: CaseKind; rule?: string; escalation: EscalationCounts })[];
  totals: StateCounts;
}

/** GET /api/v1/monitoring/overdue (apps/api/src/monitoring/overdue-clocks). */
export interface MonitoredClock {
  caseCode: string;
  caseStatus: string;
  agencyCode: string;
  kind: CaseKind;
  clock: string;
  rule: string;
  due: string;
  dueIgnoringProvisional: string;
  provisional: boolean;
  state: 'due_soon' | 'overdue' | 'very_overdue';
  ageDays: number;
  escalationStep: 0 | 1 | 2 | 3;
  reached: string[];
  assignee: string | null;
}

export interface OverdueClocksPage {
  asOf: string;
  today: string;
  items: MonitoredClock[];
  nextCursor: string | null;
}

/** GET /api/v1/monitoring/trend (apps/api/src/monitoring/trend): one entry per month, zeros included. */
export interface TrendMonth {
  month: string;
  received: number;
  resolved: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
}

export interface MonitoringTrend {
  from: string;
  to: string;
  months: TrendMonth[];
}

/** GET /api/v1/users (apps/api/src/directory/users, UserView). */
export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyCode: string;
  email: string | null;
  disabled: boolean;
  locked: boolean;
}

/** POST /api/v1/intake/screening (apps/api/src/intake-screening/screening.view.ts). */
export interface ScreeningFinding {
  type: string;
  reason: string;
  label: string;
  labelEn: string;
  advice: string;
  adviceEn: string;
  citation: string;
  confidence: string;
  links: { code: string; agencyCode: string; inJurisdiction: boolean; kind?: string; statusLabel?: string; receivedOn?: string; subject?: string; score?: number; note?: string }[];
  grounds: { list: string; code: string; citation: string; label: string; labelEn: string }[];
  competentAgencyCode?: string;
}
