import { ApiProperty, PickType } from '@nestjs/swagger';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { MonitoringFilters } from '../monitoring-params';

/** At most this many months in one trend (two years of a monthly report). */
export const MAX_TREND_MONTHS = 24;

const MONTH = /^(20[0-9]{2}|21[0-9]{2})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM`, a real month from 2000-01 to 2199-12. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** Months from `from` to `to`, both included (`2026-11`, `2026-12`, `2027-01`…); empty when to < from. */
export function monthsBetween(from: string, to: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++) months.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

function IsMonth(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMonth',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: { validate: isMonth, defaultMessage: () => 'must be a month YYYY-MM (Asia/Ho_Chi_Minh), e.g. 2026-01' },
    });
}

/** `to` not before `from` and at most MAX_TREND_MONTHS months after it (checked only when both are months). */
function IsWithinMonthsOf(other: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWithinMonthsOf',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const start = (args.object as Record<string, unknown>)[other];
          if (!isMonth(value) || !isMonth(start)) return true;
          const n = monthsBetween(start, value).length;
          return n >= 1 && n <= MAX_TREND_MONTHS;
        },
        defaultMessage: () => `must not be before ${other}, and at most ${MAX_TREND_MONTHS} months from it (both included)`,
      },
    });
}

/** The months (both included) and filters of GET /api/v1/monitoring/trend (agency and kind as in every monitoring view). */
export class TrendQuery extends PickType(MonitoringFilters, ['agency', 'kind'] as const) {
  @ApiProperty({ example: '2026-01', description: 'Từ tháng / first month (YYYY-MM, Asia/Ho_Chi_Minh)' })
  @IsMonth()
  from!: string;

  @ApiProperty({ example: '2026-11', description: `Đến tháng / last month, included (YYYY-MM); at most ${MAX_TREND_MONTHS} months in all` })
  @IsMonth()
  @IsWithinMonthsOf('from')
  to!: string;
}
