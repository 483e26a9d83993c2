import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AgencyTree } from '@donthu/domain';
import { loadAgencyTree } from '@donthu/persistence';

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
    const tree = await loadAgencyTree(this.dataSource);
    this.cached = { tree, at: Date.now() };
    return tree;
  }
}
