import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CaseEntity } from '@donthu/persistence';
import type { Actor } from '../auth/actor';
import { assertCaseInScope } from '../auth/case-scope';

/** The case, if the actor may see it: a case outside the actor's agencies is a 404, like a missing one. */
export async function findCaseInScope(dataSource: DataSource, actor: Actor, code: string): Promise<CaseEntity> {
  const entity = await dataSource.getRepository(CaseEntity).findOne({ where: { code } });
  if (!entity) throw new NotFoundException({ message: `Case ${code} not found`, errors: [{ field: 'code', reason: 'no case with this code' }] });
  assertCaseInScope(actor, entity.agencyCode, code);
  return entity;
}
