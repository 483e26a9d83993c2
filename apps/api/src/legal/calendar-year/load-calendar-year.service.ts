import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { DataSource } from 'typeorm';
import { isTerminal, validateCalendarYear, type CaseKind, type CaseStatus } from '@donthu/domain';
import { appendNextAuditEvent, CalendarStore, CalendarYearEntity } from '@donthu/persistence';
import { calendarChangedSignal } from '@donthu/workflows';
import { badRequestFrom } from '../../common/domain-errors';
import type { Actor } from '../../auth/actor';
import { TemporalClientProvider } from '../../temporal/temporal-client.module';

export const CALENDAR_STREAM = { streamType: 'calendar', streamId: 'vn-official-days-off' } as const;
const SIGNAL_BATCH = 50;

/**
 * Loads a year's official schedule of days off (Bộ Nội vụ notice): validated, stored with its
 * hash, audited, and then every open case workflow is told to recompute its due dates.
 */
@Injectable()
export class LoadCalendarYearService {
  private readonly logger = new Logger(LoadCalendarYearService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarStore,
    private readonly temporal: TemporalClientProvider,
  ) {}

  async load(year: number, body: Record<string, unknown>, actor: Actor) {
    const errors = validateCalendarYear(year, body);
    if (errors.length > 0) throw badRequestFrom(errors);
    const sha256 = createHash('sha256').update(canonicalize(body) ?? '').digest('hex');

    await this.dataSource.transaction(async (manager) => {
      const previous = await manager.findOne(CalendarYearEntity, { where: { year } });
      await manager.save(manager.create(CalendarYearEntity, { year, data: body, sha256, loadedBy: actor.id, loadedAt: new Date() }));
      await appendNextAuditEvent(manager, {
        ...CALENDAR_STREAM,
        type: 'calendar.year_loaded',
        actor: actor.id,
        payload: {
          year,
          sha256,
          previousSha256: previous?.sha256 ?? null,
          daysOff: Array.isArray(body.daysOff) ? body.daysOff.length : 0,
          makeUpWorkingDays: Array.isArray(body.makeUpWorkingDays) ? body.makeUpWorkingDays.length : 0,
          confidence: body.confidence ?? null,
          source: body.source ?? null,
        },
      });
    });
    const calendar = await this.calendars.refresh();
    const signalledCases = await this.signalOpenCases(calendar.version);
    return { ...calendar.yearInfo(year), sha256, calendarVersion: calendar.version, signalledCases };
  }

  /** Fire-and-forget signal to every open case; a case whose signal fails recomputes at its next command. */
  private async signalOpenCases(calendarVersion: string): Promise<number> {
    const rows: Array<{ workflow_id: string; kind: CaseKind; status: CaseStatus }> = await this.dataSource.query(
      'SELECT workflow_id, kind, status FROM cases WHERE workflow_started_at IS NOT NULL',
    );
    const open = rows.filter((r) => !isTerminal(r.kind, r.status));
    let signalled = 0;
    for (let i = 0; i < open.length; i += SIGNAL_BATCH) {
      const results = await Promise.allSettled(
        open.slice(i, i + SIGNAL_BATCH).map((r) => this.temporal.client.workflow.getHandle(r.workflow_id).signal(calendarChangedSignal, { calendarVersion })),
      );
      signalled += results.filter((r) => r.status === 'fulfilled').length;
    }
    if (signalled < open.length) this.logger.warn({ open: open.length, signalled }, 'some open cases were not told of the calendar change');
    return signalled;
  }
}
