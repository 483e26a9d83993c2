import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CASE_KINDS, CASE_STATUSES, CLOCK_NAMES, type CaseKind, type CaseStatus, type ClockName } from '@donthu/domain';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { MONITORED_STATES, type MonitoredState } from '../clock-state-sql';
import { monitoringInstantNow } from '../monitoring-instant';
import { commaList } from '../monitoring-params';
import { decodeOverdueCursor, encodeOverdueCursor } from './overdue-cursor';
import { DEFAULT_STATES, dueDirection, OverdueClocksQuery } from './overdue-clocks.query';
import { findMonitoredClocks, type MonitoredClock } from './overdue-clocks.repository';

/** One running clock that needs attention, with the case it belongs to (no personal data). */
export class MonitoredClockView {
  @ApiProperty({ example: 'UBND-PHUONG-HK-2026-000123' }) caseCode!: string;
  @ApiProperty({ enum: CASE_STATUSES }) caseStatus!: CaseStatus;
  @ApiProperty({ example: 'UBND-PHUONG-HK' }) agencyCode!: string;
  @ApiProperty({ enum: CASE_KINDS }) kind!: CaseKind;
  @ApiProperty({ enum: CLOCK_NAMES, example: 'resolution' }) clock!: ClockName;
  @ApiProperty({ example: 'KN-03' }) rule!: string;
  @ApiProperty({ example: '2026-10-12', description: 'Hạn / the due date' }) due!: string;
  @ApiProperty({ example: '2026-10-12', description: 'The conservative due date monitoring counts from (earlier than `due` only while provisional days off are counted)' })
  dueIgnoringProvisional!: string;
  @ApiProperty() provisional!: boolean;
  @ApiProperty({ enum: MONITORED_STATES, description: 'Computed at request time from the clock’s milestones' }) state!: MonitoredState;
  @ApiProperty({ example: 45, description: 'Số ngày quá hạn / calendar days since the monitored due date (0 on it, negative before it)' }) ageDays!: number;
  @ApiProperty({ enum: [0, 1, 2, 3], description: 'Escalation recorded so far: 1 reminder on the due date, 2 same-level inspectorate, 3 superior (legal-rules.md §6)' })
  escalationStep!: 0 | 1 | 2 | 3;
  @ApiProperty({ type: [String], example: ['due_soon', 'due_today', 'overdue'], description: 'Milestones the workflow has recorded' }) reached!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Cán bộ được giao / user id of the handling officer' }) assignee!: string | null;

  static of(clock: MonitoredClock): MonitoredClockView {
    const { caseId: _internal, ...view } = clock;
    return view;
  }
}

export class OverdueClocksPageView {
  @ApiProperty({ example: '2026-11-26T08:30:00.000Z', description: 'The instant the states were computed at' }) asOf!: string;
  @ApiProperty({ example: '2026-11-26', description: 'Its date in Asia/Ho_Chi_Minh (ages count from it)' }) today!: string;
  @ApiProperty({ type: [MonitoredClockView] }) items!: MonitoredClockView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` (with the same sort) for the next page; null on the last page' }) nextCursor!: string | null;
}

@ApiTags('monitoring')
@Controller('api/v1/monitoring')
export class OverdueClocksController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('overdue')
  @ApiOperation({
    summary: 'Danh sách quá hạn / running agency clocks overdue (optionally due soon or only very overdue), most overdue first',
    description:
      'One item per clock (a case can run several). States are computed at request time from the stored milestones. ' +
      'Cursor pagination: pass the page’s nextCursor as `cursor`, with the same sort, to get the next one.',
  })
  @ApiOkResponse({ type: OverdueClocksPageView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'An unknown state, kind, rule or sort, a malformed agency, minAge, limit or cursor, an unknown parameter' })
  @RequirePermission('list_cases')
  async list(@Query() query: OverdueClocksQuery, @CurrentActor() actor: Actor): Promise<OverdueClocksPageView> {
    const at = monitoringInstantNow();
    const direction = dueDirection(query.sort);
    const { items, next } = await findMonitoredClocks(
      this.dataSource.manager,
      { agency: query.agency, kind: query.kind, rule: query.rule, states: commaList(query.state ?? DEFAULT_STATES) as MonitoredState[], minAge: query.minAge },
      { limit: query.limit, direction, after: query.cursor === undefined ? undefined : decodeOverdueCursor(query.cursor) },
      at,
      // Jurisdiction: the agencies the actor may see (an inspectorate: its level and below).
      { agencyCodes: actor.agencyScope },
    );
    return { asOf: new Date(at.nowMs).toISOString(), today: at.today, items: items.map((c) => MonitoredClockView.of(c)), nextCursor: next ? encodeOverdueCursor(next) : null };
  }
}
