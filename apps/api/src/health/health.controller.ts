import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/access.decorators';
import { TemporalClientProvider } from '../temporal/temporal-client.module';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly temporal: TemporalClientProvider,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Kiểm tra tình trạng hệ thống / PostgreSQL and Temporal reachability' })
  check() {
    return this.health.check([() => this.db.pingCheck('postgres', { timeout: 3000 }), () => this.temporalCheck()]);
  }

  private async temporalCheck() {
    const indicator = this.indicators.check('temporal');
    try {
      await this.temporal.connection.withDeadline(Date.now() + 3000, () => this.temporal.connection.workflowService.getSystemInfo({}));
      return indicator.up({ address: this.temporal.config.address });
    } catch {
      return indicator.down({ address: this.temporal.config.address });
    }
  }
}
