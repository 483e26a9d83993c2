import { Module } from '@nestjs/common';
import { IntakeScreeningModule } from '../intake-screening/intake-screening.module';
import { CaseCommandSender } from './case-command-sender';
import { CaseCommandsController } from './case-commands/case-commands.controller';
import { GetCaseController } from './get-case/get-case.controller';
import { ListCaseEventsController } from './list-case-events/list-case-events.controller';
import { ListCasesController } from './list-cases/list-cases.controller';
import { RegisterCaseController } from './register-case/register-case.controller';
import { RegisterCaseService } from './register-case/register-case.service';
import { RevealIdentityController } from './reveal-identity/reveal-identity.controller';
import { CaseWorkflowStarter, RECONCILE_INTERVAL_MS } from './workflow-starter/case-workflow-starter.service';

@Module({
  imports: [IntakeScreeningModule],
  controllers: [RegisterCaseController, ListCasesController, GetCaseController, ListCaseEventsController, CaseCommandsController, RevealIdentityController],
  providers: [
    RegisterCaseService,
    CaseWorkflowStarter,
    CaseCommandSender,
    { provide: RECONCILE_INTERVAL_MS, useFactory: () => Number(process.env.WORKFLOW_RECONCILE_INTERVAL_MS ?? 5000) },
  ],
  exports: [CaseWorkflowStarter],
})
export class CasesModule {}
