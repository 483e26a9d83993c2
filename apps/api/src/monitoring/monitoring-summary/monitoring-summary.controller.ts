import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CASE_KINDS, type CaseKind } from '@donthu/domain';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { monitoringInstantNow } from '../monitoring-instant';
import { commaList } from '../monitoring-params';
import { MonitoringSummaryQuery, type SummaryGrouping } from './monitoring-summary.query';
import { countClocksByState, totalOf, withEscalationCounts } from './monitoring-summary.repository';

export class StateCountsView {
  @ApiProperty({ example: 4, description: 'Sắp đến hạn / due soon: ≤ 3 working days left' }) dueSoon!: number;
  @ApiProperty({ example: 7, description: 'Quá hạn / overdue, not very overdue' }) overdue!: number;
  @ApiProperty({ example: 2, description: 'Quá hạn nghiêm trọng / overdue by more than the period again' }) veryOverdue!: number;
  @ApiProperty({ example: 13, description: 'dueSoon + overdue + veryOverdue' }) total!: number;
}

export class EscalationCountsView {
  @ApiProperty({ example: 3, description: 'Nhắc nhở / overdue clocks whose last recorded escalation step is 1, the reminder on the due date' }) reminder!: number;
  @ApiProperty({ example: 2, description: 'Thanh tra cùng cấp / step 2, reported to the same-level inspectorate' }) inspectorate!: number;
  @ApiProperty({ example: 1, description: 'Cấp trên / step 3, reported to the superior agency' }) superior!: number;
}

export class SummaryGroupView extends StateCountsView {
  @ApiProperty({ type: EscalationCountsView, description: 'Overdue and very overdue clocks of the group by escalation step recorded so far (legal-rules.md §6); each clock once, at its highest step' })
  escalation!: EscalationCountsView;
  @ApiPropertyOptional({ example: 'UBND-PHUONG-HK', description: 'With groupBy agency' }) agencyCode?: string;
  @ApiPropertyOptional({ example: 'Ủy ban nhân dân phường Hoàn Kiếm', nullable: true, type: String, description: 'With groupBy agency' }) agencyName?: string | null;
  @ApiPropertyOptional({ enum: CASE_KINDS, description: 'With groupBy kind' }) kind?: CaseKind;
  @ApiPropertyOptional({ example: 'KN-02', description: 'With groupBy rule' }) rule?: string;
}

export class MonitoringSummaryView {
  @ApiProperty({ example: '2026-11-26T08:30:00.000Z', description: 'The instant the states were computed at' }) asOf!: string;
  @ApiProperty({ example: '2026-11-26', description: 'Its date in Asia/Ho_Chi_Minh' }) today!: string;
  @ApiProperty({ example: ['agency'], type: [String] }) groupBy!: SummaryGrouping[];
  @ApiProperty({ type: [SummaryGroupView], description: 'Groups with at least one clock due soon or overdue, ordered by their keys' }) groups!: SummaryGroupView[];
  @ApiProperty({ type: StateCountsView }) totals!: StateCountsView;
}

@ApiTags('monitoring')
@Controller('api/v1/monitoring')
export class MonitoringSummaryController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Theo dõi thời hạn / running agency clocks due soon, overdue and very overdue, counted by agency, kind or rule',
    description:
      'States are computed at request time from each clock’s stored milestones (legal-rules.md §6), not read from the last recorded state. ' +
      'Only running clocks the agency must act on count (paused clocks and citizens’ windows do not), in the caller’s agencies only.',
  })
  @ApiOkResponse({ type: MonitoringSummaryView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'An unknown grouping, kind or rule, a malformed agency, an unknown parameter' })
  @RequirePermission('list_cases')
  async summary(@Query() query: MonitoringSummaryQuery, @CurrentActor() actor: Actor): Promise<MonitoringSummaryView> {
    const at = monitoringInstantNow();
    const groupBy = commaList(query.groupBy ?? 'agency') as SummaryGrouping[];
    const filters = { agency: query.agency, kind: query.kind, rule: query.rule };
    // Jurisdiction: the agencies the actor may see (an inspectorate: its level and below).
    const scope = { agencyCodes: actor.agencyScope };
    const counts = await countClocksByState(this.dataSource.manager, filters, groupBy, at, scope);
    const groups = await withEscalationCounts(this.dataSource.manager, counts, filters, groupBy, at, scope);
    return { asOf: new Date(at.nowMs).toISOString(), today: at.today, groupBy, groups, totals: totalOf(groups) };
  }
}
