import { Body, Controller, HttpCode, HttpStatus, Post, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { dialogueNoticeRefusal, type CaseCommand, type CommandInput } from '@donthu/domain';
import { CalendarStore, CaseEntity } from '@donthu/persistence';
import { ApiErrorBody } from '../../common/api-error';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { AgencyDirectory } from '../../auth/agency-directory.service';
import { IdempotencyKey } from '../../common/idempotency-key';
import { todayInVietnam } from '../../common/local-date';
import { CaseDetailView } from '../case-views';
import { CaseCommandSender } from '../case-command-sender';
import { ApiCaseCodeParam, CaseCodeParam } from '../get-case/case-code.param';
import { findCaseOr404, loadCaseDetail } from '../get-case/find-case';
import { COMMAND_ENDPOINTS } from './command-endpoints';

type Handler = (this: CaseCommandsController, code: string, dto: object, actor: Actor, idempotencyKey: string | undefined) => Promise<CaseDetailView>;

/**
 * POST /api/v1/cases/:code/<command>: every command is a Temporal Update to the case workflow.
 * The routes are made from COMMAND_ENDPOINTS, so that adding a command is a line of data.
 */
@ApiTags('case commands')
@Controller('api/v1/cases')
export class CaseCommandsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commands: CaseCommandSender,
    private readonly calendars: CalendarStore,
    private readonly agencies: AgencyDirectory,
  ) {}

  async execute(command: CaseCommand, code: string, dto: object, actor: Actor, idempotencyKey: string | undefined): Promise<CaseDetailView> {
    const entity = await this.caseFor(command, code, actor);
    if (command === 'transfer' && typeof (dto as { targetAgency?: unknown }).targetAgency === 'string') {
      const target = (dto as { targetAgency: string }).targetAgency;
      if (!(await this.agencies.tree()).has(target) || target === entity.agencyCode) {
        throw new UnprocessableEntityException({ message: 'Unknown receiving agency', errors: [{ field: 'targetAgency', reason: 'must be another agency of the directory (GET /api/v1/agencies)' }] });
      }
    }
    const input: CommandInput = { ...(dto as Partial<CommandInput>), actor: actor.id, role: actor.role, actorAgency: actor.agencyCode, effectiveDate: (dto as { effectiveDate?: string }).effectiveDate ?? todayInVietnam() };
    if (command === 'schedule_dialogue' && input.dialogueDate && input.effectiveDate) {
      // Needs the official calendar, which workflow code does not hold: checked here, before the Update.
      const refusal = dialogueNoticeRefusal(input.effectiveDate, input.dialogueDate, await this.calendars.current());
      if (refusal) throw new UnprocessableEntityException({ message: refusal, errors: [{ field: 'dialogueDate', reason: refusal }] });
    }
    await this.commands.send(entity, { command, input }, idempotencyKey);
    return loadCaseDetail(this.dataSource, code, { ...actor, agencyScope: [...actor.agencyScope, entity.transferTo ?? entity.agencyCode] });
  }

  /**
   * The case the actor may act on: its own agency's, or, while a transfer is pending, the
   * receiving agency's answer (accept-transfer, return-transfer).
   */
  private async caseFor(command: CaseCommand, code: string, actor: Actor): Promise<CaseEntity> {
    if (command !== 'accept_transfer' && command !== 'return_transfer') return findCaseOr404(this.dataSource, code, actor);
    const entity = await this.dataSource.getRepository(CaseEntity).findOne({ where: { code } });
    if (!entity || entity.transferTo === null || !actor.agencyScope.includes(entity.transferTo)) {
      return findCaseOr404(this.dataSource, code, actor);
    }
    return entity;
  }
}

for (const endpoint of COMMAND_ENDPOINTS) {
  const name = endpoint.command.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  const handler: Handler = function (code, dto, actor, idempotencyKey) {
    return this.execute(endpoint.command, code, dto, actor, idempotencyKey);
  };
  const proto = CaseCommandsController.prototype as unknown as Record<string, Handler>;
  proto[name] = handler;
  const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
  // What TypeScript would emit for `(code: string, dto: Dto, actor: Actor, key?: string)`: the validation pipe reads it.
  Reflect.defineMetadata('design:paramtypes', [String, endpoint.dto, Object, String], proto, name);
  CaseCodeParam()(proto, name, 0);
  Body()(proto, name, 1);
  CurrentActor()(proto, name, 2);
  IdempotencyKey()(proto, name, 3);
  for (const decorate of [
    Post(`:code/${endpoint.path}`),
    RequirePermission('act_on_case'),
    HttpCode(HttpStatus.OK),
    ApiOperation({ summary: endpoint.summary, operationId: name }),
    ApiCaseCodeParam(),
    ApiBody({ type: endpoint.dto }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Used as the Update id: a retried command is applied once.' }),
    ApiOkResponse({ type: CaseDetailView }),
    ApiConflictResponse({ type: ApiErrorBody, description: 'Not allowed in the case’s current state' }),
    ApiUnprocessableEntityResponse({ type: ApiErrorBody, description: 'A field the law requires is missing or wrong' }),
    ApiNotFoundResponse({ type: ApiErrorBody }),
  ]) {
    decorate(proto, name, descriptor);
  }
  Object.defineProperty(proto, name, descriptor);
}
