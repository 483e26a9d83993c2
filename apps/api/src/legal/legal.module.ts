import { Module } from '@nestjs/common';
import { GetCalendarYearController } from './calendar-year/get-calendar-year.controller';
import { LoadCalendarYearController } from './calendar-year/load-calendar-year.controller';
import { LoadCalendarYearService } from './calendar-year/load-calendar-year.service';
import { ListRulesController } from './list-rules/list-rules.controller';
import { PreviewDeadlineController } from './preview-deadline/preview-deadline.controller';

/** The law as the system applies it: rules, the official calendar, due-date previews. */
@Module({
  controllers: [PreviewDeadlineController, ListRulesController, GetCalendarYearController, LoadCalendarYearController],
  providers: [LoadCalendarYearService],
})
export class LegalModule {}
