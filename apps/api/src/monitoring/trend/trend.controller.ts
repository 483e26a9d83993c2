import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { MAX_TREND_MONTHS, TrendQuery } from './trend.query';
import { trendByMonth } from './trend.repository';

export class TrendMonthView {
  @ApiProperty({ example: '2026-10', description: 'Tháng / YYYY-MM in Asia/Ho_Chi_Minh' }) month!: string;
  @ApiProperty({ example: 42, description: 'Tiếp nhận / cases received that month (received_on)' }) received!: number;
  @ApiProperty({ example: 30, description: 'Đã giải quyết / resolution clocks stopped that month (onTime + late)' }) resolved!: number;
  @ApiProperty({ example: 27, description: 'Đúng hạn / stopped on or before their due date' }) onTime!: number;
  @ApiProperty({ example: 3, description: 'Trễ hạn / stopped after it' }) late!: number;
  @ApiProperty({ example: 0.9, nullable: true, type: Number, description: 'onTime / resolved; null when none was resolved' }) onTimeRate!: number | null;
}

export class TrendView {
  @ApiProperty({ example: '2026-01' }) from!: string;
  @ApiProperty({ example: '2026-11' }) to!: string;
  @ApiProperty({ type: [TrendMonthView], description: 'Every month from `from` to `to`, in order, zeros included' }) months!: TrendMonthView[];
}

@ApiTags('monitoring')
@Controller('api/v1/monitoring')
export class TrendController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('trend')
  @ApiOperation({
    summary: 'Xu hướng theo tháng / cases received and resolved (on time, late) per month',
    description:
      'Months are local (Asia/Ho_Chi_Minh). Received: by the case’s receipt date. Resolved: resolution clocks stopped that month, by the effective date of the act ' +
      `that stopped them, on time as the on-time rate counts it (legal-rules.md §6). The agency is the one holding the case now. At most ${MAX_TREND_MONTHS} months.`,
  })
  @ApiOkResponse({ type: TrendView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: `A missing or malformed from/to, to before from or more than ${MAX_TREND_MONTHS} months, an unknown kind, a malformed agency, an unknown parameter` })
  @RequirePermission('list_cases')
  async trend(@Query() query: TrendQuery, @CurrentActor() actor: Actor): Promise<TrendView> {
    const months = await trendByMonth(
      this.dataSource.manager,
      { from: query.from, to: query.to },
      { agency: query.agency, kind: query.kind },
      // Jurisdiction: the agencies the actor may see (an inspectorate: its level and below).
      { agencyCodes: actor.agencyScope },
    );
    return { from: query.from, to: query.to, months };
  }
}
