import { Body, Controller, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorBody } from '../../common/api-error';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { YearParam } from './calendar-year.param';
import { LoadCalendarYearService } from './load-calendar-year.service';
import { RawJsonObjectPipe } from './raw-json-object.pipe';

@ApiTags('legal rules')
@Controller('api/v1/calendar')
export class LoadCalendarYearController {
  constructor(private readonly service: LoadCalendarYearService) {}

  @Put(':year')
  @RequirePermission('load_calendar_year')
  @ApiOperation({
    summary: 'Nạp lịch nghỉ chính thức của một năm (quản trị) / load a year’s official schedule (admin)',
    description: 'Body as one year of vn-official-days-off.json: { daysOff[{date,name,kind,confidence?}], makeUpWorkingDays[{date,replaces}], source, confidence, notes? }. Validated, stored with its SHA-256, audited; open cases recompute their due dates.',
  })
  @ApiBody({ schema: { type: 'object' } })
  @ApiOkResponse({ description: '{ year, sha256, calendarVersion, signalledCases, status, confidence, source }' })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiForbiddenResponse({ type: ApiErrorBody })
  load(@YearParam() year: number, @Body(RawJsonObjectPipe) body: Record<string, unknown>, @CurrentActor() actor: Actor) {
    return this.service.load(year, body, actor);
  }
}
