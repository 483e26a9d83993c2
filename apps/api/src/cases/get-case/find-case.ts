import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CaseEntity } from '@donthu/persistence';

export async function findCaseOr404(dataSource: DataSource, code: string): Promise<CaseEntity> {
  const entity = await dataSource.getRepository(CaseEntity).findOne({ where: { code } });
  if (!entity) throw new NotFoundException({ message: `Case ${code} not found`, errors: [{ field: 'code', reason: 'no case with this code' }] });
  return entity;
}
