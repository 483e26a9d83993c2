import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AgencyTree } from '@donthu/domain';
import { AgencyEntity } from '@donthu/persistence';

const CACHE_MS = 30_000;

/** The agency hierarchy from the database, cached briefly; `refresh()` after an edit. */
@Injectable()
export class AgencyDirectory {
  private cached: { tree: AgencyTree; at: number } | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async tree(): Promise<AgencyTree> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.tree;
    return this.refresh();
  }

  async refresh(): Promise<AgencyTree> {
    const rows = await this.dataSource.getRepository(AgencyEntity).find({ where: { active: true } });
    const tree = new AgencyTree(rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode })));
    this.cached = { tree, at: Date.now() };
    return tree;
  }
}
