import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { formatLocalDate, localDate } from '@donthu/domain';
import { CalendarStore } from '@donthu/persistence';
import { RequirePermission } from '../../auth/access.decorators';
import { YearParam } from './calendar-year.param';

@ApiTags('legal rules')
@Controller('api/v1/calendar')
export class GetCalendarYearController {
  constructor(private readonly calendars: CalendarStore) {}

  @Get(':year')
  @RequirePermission('read_calendar')
  @ApiOperation({
    summary: 'Lịch nghỉ chính thức của một năm / official days off and make-up working days of a year',
    description: 'status: official (announced), provisional (low-confidence data), derived (computed from BLLĐ Art. 112 and the lunar calendar). Provisional days are flagged.',
  })
  @ApiOkResponse({ description: '{ year, status, confidence, source, calendarVersion, daysOff[], makeUpWorkingDays[] }' })
  async get(@YearParam() year: number) {
    const calendar = await this.calendars.current();
    const first = localDate(year, 1, 1);
    const last = localDate(year, 12, 31);
    return {
      ...calendar.yearInfo(year),
      calendarVersion: calendar.version,
      daysOff: calendar.daysOffIn(first, last).map((d) => ({ ...d, date: formatLocalDate(d.date) })),
      makeUpWorkingDays: calendar.makeUpDaysIn(first, last).map((d) => ({ ...d, date: formatLocalDate(d.date), replaces: formatLocalDate(d.replaces) })),
    };
  }
}
