import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isRealIsoDate, IsLocalDate } from '../../common/is-local-date.validator';
import { MonitoringFilters } from '../monitoring-params';

/** `to` not before `from` (when `from` itself is a date; its own error is reported otherwise). */
function IsNotBefore(other: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const start = (args.object as Record<string, unknown>)[other];
          if (typeof value !== 'string' || typeof start !== 'string' || !isRealIsoDate(value) || !isRealIsoDate(start)) return true;
          return start <= value;
        },
        defaultMessage: () => `must not be before ${other}`,
      },
    });
}

/** The period (local dates, both included) and filters of GET /api/v1/monitoring/on-time-rate. */
export class OnTimeRateQuery extends MonitoringFilters {
  @ApiProperty({ example: '2025-12-15', description: 'Từ ngày / first day of the period (YYYY-MM-DD, Asia/Ho_Chi_Minh)' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2026-06-14', description: 'Đến ngày / last day of the period, included (YYYY-MM-DD)' })
  @IsLocalDate()
  @IsNotBefore('from')
  to!: string;
}
