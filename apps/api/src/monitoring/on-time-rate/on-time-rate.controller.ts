import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { monitoringInstantNow } from '../monitoring-instant';
import { OnTimeRateQuery } from './on-time-rate.query';
import { onTimeRateByAgency, rate } from './on-time-rate.repository';

export class OnTimeCountsView {
  @ApiProperty({ example: 18, description: 'Đúng hạn / resolution clocks stopped in the period on or before their due date' }) onTime!: number;
  @ApiProperty({ example: 2, description: 'Quá hạn / stopped in the period after their due date' }) late!: number;
  @ApiProperty({ example: 0.9, nullable: true, type: Number, description: 'onTime / (onTime + late); null when none stopped in the period' }) onTimeRate!: number | null;
  @ApiProperty({ example: 3, description: 'Still running and overdue now (whatever the period)' }) stillOverdue!: number;
}

export class AgencyOnTimeView extends OnTimeCountsView {
  @ApiProperty({ example: 'UBND-PHUONG-HK' }) agencyCode!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân phường Hoàn Kiếm', nullable: true, type: String }) agencyName!: string | null;
}

export class OnTimeRateView {
  @ApiProperty({ example: '2025-12-15' }) from!: string;
  @ApiProperty({ example: '2026-06-14' }) to!: string;
  @ApiProperty({ example: '2026-11-26T08:30:00.000Z', description: 'The instant stillOverdue was computed at' }) asOf!: string;
  @ApiProperty({ example: '2026-11-26' }) today!: string;
  @ApiProperty({ type: [AgencyOnTimeView], description: 'Agencies with a resolution clock stopped in the period or still overdue, by code' }) agencies!: AgencyOnTimeView[];
  @ApiProperty({ type: OnTimeCountsView }) totals!: OnTimeCountsView;
}

@ApiTags('monitoring')
@Controller('api/v1/monitoring')
export class OnTimeRateController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('on-time-rate')
  @ApiOperation({
    summary: 'Tỷ lệ giải quyết đúng hạn / per agency, resolution clocks stopped in the period on time or late, and those still overdue',
    description:
      'A resolution clock counts in the period when the date of the act that stopped it (its effective date in the audit trail) is within [from, to]; ' +
      'on time when that date is on or before its (conservative) due date. The agency is the one holding the case now.',
  })
  @ApiOkResponse({ type: OnTimeRateView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'A missing or malformed from/to, to before from, an unknown kind or rule, a malformed agency, an unknown parameter' })
  @RequirePermission('list_cases')
  async onTimeRate(@Query() query: OnTimeRateQuery, @CurrentActor() actor: Actor): Promise<OnTimeRateView> {
    const at = monitoringInstantNow();
    const agencies = await onTimeRateByAgency(
      this.dataSource.manager,
      { from: query.from, to: query.to },
      { agency: query.agency, kind: query.kind, rule: query.rule },
      at,
      // Jurisdiction: the agencies the actor may see (an inspectorate: its level and below).
      { agencyCodes: actor.agencyScope },
    );
    const onTime = agencies.reduce((n, a) => n + a.onTime, 0);
    const late = agencies.reduce((n, a) => n + a.late, 0);
    const stillOverdue = agencies.reduce((n, a) => n + a.stillOverdue, 0);
    return {
      from: query.from,
      to: query.to,
      asOf: new Date(at.nowMs).toISOString(),
      today: at.today,
      agencies,
      totals: { onTime, late, onTimeRate: rate(onTime, late), stillOverdue },
    };
  }
}
