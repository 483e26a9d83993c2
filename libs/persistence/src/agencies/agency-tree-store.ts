import type { DataSource, EntityManager } from 'typeorm';
import { AgencyTree } from '@donthu/domain';
import { AgencyEntity } from '../entities';

/** The agency hierarchy as the directory holds it now (active agencies), for scoping, routing and escalation. */
export async function loadAgencyTree(db: DataSource | EntityManager): Promise<AgencyTree> {
  const rows = await db.getRepository(AgencyEntity).find({ where: { active: true } });
  return new AgencyTree(rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode })));
}
