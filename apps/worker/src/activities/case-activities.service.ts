import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { Not, type DataSource, type EntityManager } from 'typeorm';
import {
  CLOCK_NAMES,
  escalationLadder,
  findRule,
  localDateAtEpochMs,
  parseLocalDate,
  priorityFlagsAfterCommand,
  priorityFlagsAfterMilestone,
  SYSTEM_ACTOR,
  toYearMonthDay,
  type CaseKind,
  type ClockName,
  type OfficialCalendar,
} from '@donthu/domain';
import {
  CalendarStore,
  CaseEntity,
  CasePartyEntity,
  createCase,
  loadAgencyTree,
  loadCaseClocks,
  clockAuditFacts,
  computeClocks,
  markMilestoneReached,
  openParty,
  nextDueOn,
  ProjectionConflictError,
  saveClocks,
  writeCaseEvent,
  type CaseClockState,
  type NewNotification,
} from '@donthu/persistence';
import type {
  ApplyTransitionInput,
  ApplyTransitionResult,
  CaseActivities,
  CaseWorkflowInput,
  ClockDeadline,
  RecomputeDeadlinesInput,
  RecordMilestoneInput,
} from '@donthu/workflows';
import { milestoneNotifications } from './milestone-notifications';

/**
 * The case workflow's activities: a Nest service, so they get DI while workflows stay pure
 * (temporalio's nestjs-exchange-rates pattern). Each writes the projection, the audit event and
 * its notifications in one transaction, idempotent by (case, sequence).
 */
@Injectable()
export class CaseActivitiesService implements CaseActivities {
  private readonly calendars: CalendarStore;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.calendars = new CalendarStore(dataSource);
  }

  async applyTransition(t: ApplyTransitionInput): Promise<ApplyTransitionResult> {
    const calendar = await this.calendars.current();
    const nowMs = serverNowMs();
    const computed = computeClocks(t.clocks, t.changed, { remote: t.remote, severalSites: t.severalSites }, calendar);
    const deadlines = Object.fromEntries(computed.map((c) => [c.record.name, c.deadline])) as Partial<Record<ClockName, ClockDeadline>>;
    const { actor, role, ...fields } = t.input;
    const children: CaseWorkflowInput[] = [];
    const notifications: NewNotification[] =
      t.command === 'transfer' && t.input.targetAgency
        ? [{ kind: 'case.transferred', recipientRole: 'intake_officer', recipientAgency: t.input.targetAgency, payload: { command: t.command } }]
        : [];
    const outcome = await guard(() =>
      writeCaseEvent(this.dataSource, {
        caseId: t.caseId,
        sequence: t.sequence,
        eventType: t.eventType,
        actor,
        expectedStatus: t.before.status,
        payload: { command: t.command, role, citation: t.citation, before: t.before, after: t.after, ...fields, clocks: clockAuditFacts(computed) },
        notifications,
        apply: async (manager, current) => {
          await saveClocks(manager, t.caseId, computed, calendar, nowMs);
          const allDeadlines = { ...(await storedDeadlines(manager, t.caseId)), ...deadlines };
          // Still overdue if any running agency clock the command did not restart has passed its due date.
          const rows: Array<{ overdue: boolean }> = await manager.query(
            `SELECT EXISTS (SELECT 1 FROM case_clocks WHERE case_id = $1 AND status = 'running' AND owner = 'agency' AND reached ? 'overdue') AS overdue`,
            [t.caseId],
          );
          const overdue = rows[0]?.overdue === true;
          // Priority flags (libs/domain/src/case/priority-flags.ts): flag_priority, unflag_priority, and extend (found complex).
          const priorityFlags = priorityFlagsAfterCommand(current.priorityFlags, t.command, t.input.priorityFlag);
          await manager.update(CaseEntity, { id: t.caseId }, {
            status: t.after.status,
            agencyCode: t.after.agencyCode,
            transferTo: t.after.status === 'transfer_pending' ? (t.input.targetAgency ?? null) : null,
            assignee: t.command === 'assign' ? (t.input.assignee ?? null) : current.assignee,
            nextDueOn: nextDueOn(t.clocks, allDeadlines),
            overdue,
            ...(priorityFlags ? { priorityFlags } : {}),
          });
          const flagFacts = priorityFlags ? { priorityFlags: { before: current.priorityFlags, after: priorityFlags } } : {};
          if (t.command === 'classify') {
            children.push(...(await this.createContents(manager, current, t.input.contents ?? [], actor, calendar, nowMs)));
            return { children: children.map((c) => c.caseCode), ...flagFacts };
          }
          return flagFacts;
        },
      }),
    );
    if (outcome === 'already-applied' && t.command === 'classify') {
      // A retry after the first attempt committed: hand the workflow the contents it created.
      const existing = await this.dataSource.getRepository(CaseEntity).find({ where: { parentCaseId: t.caseId }, order: { code: 'ASC' } });
      for (const child of existing) children.push(await this.workflowInput(this.dataSource.manager, child, nowMs));
    }
    return { deadlines, nowMs, ...(children.length > 0 ? { children } : {}) };
  }

  /**
   * Phân loại đơn: each kind a letter contains becomes a case of its own (legal-rules.md §4: a
   * letter with several contents is split), born with the letter's receipt date and petitioner.
   */
  private async createContents(
    manager: EntityManager,
    letter: CaseEntity,
    kinds: readonly CaseKind[],
    actor: string,
    calendar: OfficialCalendar,
    nowMs: number,
  ): Promise<CaseWorkflowInput[]> {
    const party = await manager.findOne(CasePartyEntity, { where: { caseId: letter.id, role: Not('representative') } });
    const inputs: CaseWorkflowInput[] = [];
    for (const kind of kinds) {
      const child = await createCase(
        manager,
        {
          kind,
          agencyCode: letter.agencyCode,
          channel: letter.channel,
          receivedOn: letter.receivedOn,
          subject: letter.subject,
          content: letter.content,
          respondentBody: letter.respondentBody,
          remote: letter.remote,
          severalSites: letter.severalSites,
          // A letter is never anonymous (its sender is recorded); its contents are not either.
          anonymous: false,
          groupSize: letter.groupSize,
          // The contents are the letter's matter: they keep its priority flags (large_group is derived again from the group size).
          priorityFlags: letter.priorityFlags,
          parentCaseId: letter.id,
          codeYear: toYearMonthDay(localDateAtEpochMs(nowMs)).year,
          // Opened here and sealed again for the child: each row has its own data key, bound to its own id.
          party: party ? openParty(party) : null,
          representatives: [],
          actor,
          auditFacts: { fromLetter: letter.code },
          workflowStartedAt: new Date(nowMs),
        },
        calendar,
        nowMs,
      );
      inputs.push(this.workflowInputOf(child.entity, child.clockState, nowMs));
    }
    return inputs;
  }

  private async workflowInput(manager: EntityManager, child: CaseEntity, nowMs: number): Promise<CaseWorkflowInput> {
    return this.workflowInputOf(child, await loadCaseClocks(manager, child.id), nowMs);
  }

  private workflowInputOf(child: CaseEntity, { clocks, deadlines }: CaseClockState, nowMs: number): CaseWorkflowInput {
    return {
      caseId: child.id,
      caseCode: child.code,
      kind: child.kind,
      agencyCode: child.agencyCode,
      receivedOn: child.receivedOn,
      remote: child.remote,
      severalSites: child.severalSites,
      anonymous: child.anonymous,
      lastSequence: child.lastSequence,
      clocks,
      deadlines,
      nowMs,
    };
  }

  async recordMilestone(m: RecordMilestoneInput): Promise<{ nowMs: number }> {
    const rule = findRule((await this.clockRule(m.caseId, m.clock)) ?? 'XLD-01');
    const area = rule.area === 'denunciation' ? 'denunciation' : rule.area === 'complaint' || rule.area === 'disciplinary_complaint' ? 'complaint' : 'other';
    const calendar = await this.calendars.current();
    const ladder = escalationLadder(parseLocalDate(m.due), area, calendar);
    const step = m.milestone === 'due_today' ? ladder[0] : m.milestone === 'escalated_inspectorate' ? ladder[1] : m.milestone === 'escalated_superior' ? ladder[2] : undefined;
    // Escalation reaches the bodies the agency hierarchy names (inspectorate, superior): legal-rules.md §6.
    const agencies = await loadAgencyTree(this.dataSource);
    await guard(() =>
      writeCaseEvent(this.dataSource, {
        caseId: m.caseId,
        sequence: m.sequence,
        eventType: `clock.${m.milestone}`,
        actor: SYSTEM_ACTOR,
        payload: {
          clock: m.clock,
          rule: rule.id,
          due: m.due,
          milestone: m.milestone,
          ...(step ? { escalationStep: step.step, action: step.action, notify: step.notify, citation: step.citation } : {}),
        },
        notifications: milestoneNotifications(m, step?.notify, agencies),
        apply: async (manager, current) => {
          await markMilestoneReached(manager, m.caseId, m.clock, m.milestone, monitoringStateAfter(m.milestone));
          if (m.milestone === 'overdue') await manager.update(CaseEntity, { id: m.caseId }, { overdue: true });
          // Still unresolved after twice its period: kéo dài (libs/domain/src/case/priority-flags.ts).
          const priorityFlags = priorityFlagsAfterMilestone(current.priorityFlags, m.clock, m.milestone);
          if (!priorityFlags) return;
          await manager.update(CaseEntity, { id: m.caseId }, { priorityFlags });
          return { priorityFlags: { before: current.priorityFlags, after: priorityFlags } };
        },
      }),
    );
    return { nowMs: serverNowMs() };
  }

  async recomputeDeadlines(r: RecomputeDeadlinesInput): Promise<ApplyTransitionResult & { changed: boolean }> {
    const calendar = await this.calendars.refresh();
    const nowMs = serverNowMs();
    const open = CLOCK_NAMES.filter((name) => r.clocks[name] && r.clocks[name].status !== 'stopped');
    const computed = computeClocks(r.clocks, open, { remote: r.remote, severalSites: r.severalSites }, calendar);
    const moved = computed.filter((c) => r.previous[c.record.name]?.due !== c.deadline.due || r.previous[c.record.name]?.dueIgnoringProvisional !== c.deadline.dueIgnoringProvisional);
    const deadlines = Object.fromEntries(computed.map((c) => [c.record.name, c.deadline])) as Partial<Record<ClockName, ClockDeadline>>;
    if (moved.length === 0) return { deadlines, nowMs, changed: false };
    await guard(() =>
      writeCaseEvent(this.dataSource, {
        caseId: r.caseId,
        sequence: r.sequence,
        eventType: 'clock.recomputed',
        actor: SYSTEM_ACTOR,
        payload: {
          calendarVersion: r.calendarVersion,
          reason: { vi: 'Lịch nghỉ chính thức thay đổi', en: 'The official calendar changed' },
          before: Object.fromEntries(moved.map((c) => [c.record.name, r.previous[c.record.name]?.due])),
          clocks: clockAuditFacts(moved),
        },
        apply: async (manager) => {
          await saveClocks(manager, r.caseId, moved, calendar, nowMs);
          await manager.update(CaseEntity, { id: r.caseId }, { nextDueOn: nextDueOn(r.clocks, { ...r.previous, ...deadlines }) });
        },
      }),
    );
    return { deadlines, nowMs, changed: true };
  }

  private async clockRule(caseId: string, clock: ClockName): Promise<string | undefined> {
    const rows: Array<{ rule_id: string }> = await this.dataSource.query('SELECT rule_id FROM case_clocks WHERE case_id = $1 AND name = $2', [caseId, clock]);
    return rows[0]?.rule_id;
  }


  /** The object handed to the Temporal worker: every activity bound to this service. */
  asActivities(): CaseActivities {
    return {
      applyTransition: this.applyTransition.bind(this),
      recordMilestone: this.recordMilestone.bind(this),
      recomputeDeadlines: this.recomputeDeadlines.bind(this),
    };
  }
}

function monitoringStateAfter(milestone: RecordMilestoneInput['milestone']): string {
  switch (milestone) {
    case 'due_soon':
    case 'due_today':
      return 'due_soon';
    case 'very_overdue':
      return 'very_overdue';
    case 'expired':
      return 'expired';
    default:
      return 'overdue';
  }
}

/**
 * "Now" as Temporal's server sees it (when this attempt was scheduled): the same clock the
 * workflow's timers run on, also under the time-skipping test server.
 */
function serverNowMs(): number {
  return Context.current().info.currentAttemptScheduledTimestampMs;
}

/** The conservative due dates already stored, read on the transaction's own connection. */
async function storedDeadlines(manager: EntityManager, caseId: string): Promise<Partial<Record<ClockName, { dueIgnoringProvisional: string }>>> {
  const rows: Array<{ name: ClockName; due_ignoring_provisional: string }> = await manager.query(
    `SELECT name, to_char(due_ignoring_provisional, 'YYYY-MM-DD') AS due_ignoring_provisional FROM case_clocks WHERE case_id = $1`,
    [caseId],
  );
  return Object.fromEntries(rows.map((r) => [r.name, { dueIgnoringProvisional: r.due_ignoring_provisional }]));
}

/** A disagreement between projection and workflow will not heal by retrying. */
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ProjectionConflictError) throw ApplicationFailure.nonRetryable(error.message, 'ProjectionConflict');
    throw error;
  }
}
