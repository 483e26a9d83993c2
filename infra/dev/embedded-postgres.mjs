// Embedded PostgreSQL for `npm start` without DATABASE_URL: PGlite (PostgreSQL compiled to
// WebAssembly) behind its socket server, so the ordinary `pg` driver and TypeORM talk to it.
// The server multiplexes a few connections onto PGlite's single session and keeps a transaction
// on one connection until it ends. Data lives in a git-ignored folder.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';

const dataDir = process.env.EMBEDDED_PG_DATA_DIR ?? '.data/pglite';
const port = Number(process.env.EMBEDDED_PG_PORT ?? 5433);
const maxConnections = Number(process.env.EMBEDDED_PG_MAX_CONNECTIONS ?? 12);

mkdirSync(dataDir, { recursive: true });
// Case search (migration 1764250000000-case-search) needs unaccent and pg_trgm, as on a real server.
const db = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm } });
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections });
await server.start();
process.stdout.write(`embedded PostgreSQL (PGlite) ready on 127.0.0.1:${port}, data in ${dataDir}\n`);

const stop = async () => {
  await server.stop();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
