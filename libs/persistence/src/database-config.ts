import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * TypeORM options from the environment. `synchronize` is never on: the schema comes from
 * migrations only. The embedded PGlite server (npm start without DATABASE_URL) multiplexes few
 * connections, so its launcher sets DATABASE_POOL_SIZE small.
 */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DataSourceOptions {
  const poolSize = Number(env.DATABASE_POOL_SIZE ?? 10);
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new Error(`DATABASE_POOL_SIZE must be a positive integer, got "${env.DATABASE_POOL_SIZE}"`);
  return {
    type: 'postgres',
    url: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  };
}
