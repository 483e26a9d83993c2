import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deadlineToJSON, due, parseDeadlineFacts, parseLocalDate, renderExplanation } from '@donthu/domain';
import { CalendarStore } from '@donthu/persistence';
import { RequirePermission } from '../../auth/access.decorators';
import { ApiErrorBody } from '../../common/api-error';
import { withDomainValidation } from '../../common/domain-errors';
import { PreviewDeadlineDto } from './preview-deadline.dto';

@ApiTags('legal rules')
@Controller('api/v1/deadlines')
export class PreviewDeadlineController {
  constructor(private readonly calendars: CalendarStore) {}

  @Post('preview')
  @RequirePermission('preview_deadline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Tính hạn và giải thích / a due date with its explanation',
    description: 'The same calculator as the case clocks and `npm run deadline`: rule version in force on the start date, working days from the official calendar.',
  })
  @ApiOkResponse({ description: '{ due, dueIgnoringProvisional, provisional, ruleVersion, explanation, explanationText }' })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'Unknown rule, impossible date, suspension out of order… naming the field' })
  async preview(@Body() dto: PreviewDeadlineDto) {
    const calendar = await this.calendars.current();
    return withDomainValidation(() => {
      const start = parseLocalDate(dto.start, 'start');
      const facts = parseDeadlineFacts(dto.facts, 'facts');
      const result = due(dto.rule, start, facts, calendar);
      const json = deadlineToJSON(result);
      return {
        ...json,
        ruleVersion: json.ruleVersionLabel,
        ruleVersionNumber: result.ruleVersion,
        explanationText: { vi: renderExplanation(result.explanation, 'vi'), en: renderExplanation(result.explanation, 'en') },
      };
    });
  }
}
