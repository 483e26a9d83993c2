import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../auth/access.decorators';
import { LEGAL_GROUND_LISTS, LEGAL_RULES, START_EVENT_LABELS, UNIT_LABELS } from '@donthu/domain';

@ApiTags('legal rules')
@Controller('api/v1/rules')
export class ListRulesController {
  @Get()
  @RequirePermission('read_rules')
  @ApiOperation({
    summary: 'Bảng quy tắc pháp lý / the rule table',
    description: 'Every rule with its versions (effective dates, period, unit, variants, citation, confidence: rows marked "check" are used but flagged).',
  })
  @ApiOkResponse({ description: 'Array of rules with versions' })
  list() {
    return LEGAL_RULES.map((rule) => ({
      ...rule,
      startEventLabel: START_EVENT_LABELS[rule.startEvent],
      versions: rule.versions.map((v) => ({ ...v, unitLabel: v.period.kind === 'none' ? null : UNIT_LABELS[v.period.unit] })),
    }));
  }

  @Get('grounds')
  @RequirePermission('read_rules')
  @ApiOperation({ summary: 'Căn cứ không thụ lý, từ chối / legal grounds to pick from when refusing', description: 'Keyed by list id (complaint_refusal, denunciation_refusal, reception_refusal…).' })
  @ApiOkResponse({ description: 'Lists of { code, citation, label, confidence }' })
  grounds() {
    return LEGAL_GROUND_LISTS;
  }
}
