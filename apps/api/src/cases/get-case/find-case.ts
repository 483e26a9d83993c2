import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CaseEntity, loadCaseClocks } from '@donthu/persistence';
import type { Actor } from '../../auth/actor';
import { assertCaseInScope } from '../../auth/case-scope';
import { caseScreeningView } from '../../intake-screening/screening.view';
import { CaseDetailView } from '../case-views';

/** The case, if the actor may see it; otherwise 404, as if it did not exist. */
export async function findCaseOr404(dataSource: DataSource, code: string, actor: Actor): Promise<CaseEntity> {
  const entity = await dataSource.getRepository(CaseEntity).findOne({ where: { code } });
  if (!entity) throw new NotFoundException({ message: `Case ${code} not found`, errors: [{ field: 'code', reason: 'no case with this code' }] });
  assertCaseInScope(actor, entity.agencyCode, code);
  return entity;
}

/** The case with its clocks (each with its explanation) and the commands its state allows. */
export async function loadCaseDetail(dataSource: DataSource, code: string, actor: Actor): Promise<CaseDetailView> {
  const entity = await findCaseOr404(dataSource, code, actor);
  const { clocks, rows } = await loadCaseClocks(dataSource.manager, entity.id);
  return { ...CaseDetailView.build(entity, clocks, rows), screening: await caseScreeningView(dataSource.manager, entity.id, actor) };
}
