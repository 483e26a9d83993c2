import { DataSource } from 'typeorm';
import { databaseOptionsFromEnv } from '@donthu/persistence';
import { createThrowawayDatabase, type ThrowawayDatabase } from './database';

/** A throw-away database on the real PostgreSQL with every migration applied. */
export async function migratedDatabase(): Promise<{ db: ThrowawayDatabase; dataSource: DataSource; close(): Promise<void> }> {
  const db = await createThrowawayDatabase();
  const dataSource = new DataSource({ ...databaseOptionsFromEnv({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '4' }) });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    db,
    dataSource,
    async close() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
