import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { CasePartyEntity, databaseOptionsFromEnv, MIGRATIONS, openParty, rotatePartyKeys, sealParty } from '@donthu/persistence';
import { IdentityVault, identityVaultFromEnv, Keyring, UnknownKeyError, type Identity } from '@donthu/vault';
import { PartyVault1764190000000 } from '../../libs/persistence/src/migrations/1764190000000-party-vault';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { ensureTestKeys } from '../support/vault';

/** The vault on the real PostgreSQL: the migration that seals existing rows, and master-key rotation (`npm run vault:rotate`). */
describe('identity vault on PostgreSQL', () => {
  const root = path.resolve(__dirname, '../..');
  const b64 = () => randomBytes(32).toString('base64');
  const databases: ThrowawayDatabase[] = [];
  const sources: DataSource[] = [];

  beforeAll(() => ensureTestKeys());
  afterAll(async () => {
    for (const s of sources) if (s.isInitialized) await s.destroy();
    for (const d of databases) await d.drop();
  });

  async function database(migrations: unknown[]): Promise<{ db: ThrowawayDatabase; dataSource: DataSource }> {
    const db = await createThrowawayDatabase();
    databases.push(db);
    const dataSource = new DataSource({ ...databaseOptionsFromEnv({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '4' }), migrations: migrations as never });
    sources.push(dataSource);
    await dataSource.initialize();
    await dataSource.runMigrations();
    return { db, dataSource };
  }

  async function insertCase(dataSource: DataSource, code: string): Promise<string> {
    const rows: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO cases (code, kind, status, agency_code, channel, received_on, subject, content, last_sequence, workflow_id)
       VALUES ($1, 'denunciation', 'received', 'UBND-HN', 'post', '2026-11-20', 'Tố cáo', 'Nội dung', 1, $2) RETURNING id`,
      [code, `case-${code}`],
    );
    return rows[0]!.id;
  }

  const IDENTITIES: Identity[] = [
    { fullName: 'Hoàng Thị Cũ Một', address: 'Số 1 phố Cổ', phone: '0911000001', email: null, idNumber: '001190000001' },
    { fullName: 'Hoàng Văn Cũ Hai', address: null, phone: null, email: 'hai@example.vn', idNumber: null },
  ];

  it('seals the rows that existed before, drops the plaintext columns, and can go back down', async () => {
    const index = MIGRATIONS.indexOf(PartyVault1764190000000);
    expect(index).toBeGreaterThan(0);
    const { dataSource: before } = await database(MIGRATIONS.slice(0, index));
    const caseId = await insertCase(before, 'UBND-HN-2026-000001');
    for (const [i, p] of IDENTITIES.entries()) {
      await before.query('INSERT INTO case_parties (case_id, role, full_name, address, phone, email, id_number) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        caseId,
        i === 0 ? 'denouncer' : 'representative',
        p.fullName,
        p.address,
        p.phone,
        p.email,
        p.idNumber,
      ]);
    }
    const migrated = new DataSource({ ...before.options, migrations: MIGRATIONS.slice(0, index + 1) as never });
    sources.push(migrated);
    await before.destroy();
    await migrated.initialize();
    await migrated.runMigrations();

    const columns: Array<{ column_name: string }> = await migrated.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'case_parties' ORDER BY column_name`);
    expect(columns.map((c) => c.column_name)).toEqual(['case_id', 'encrypted_identity', 'id', 'id_number_index', 'key_id', 'phone_index', 'pseudonym', 'role', 'wrapped_key']);
    const raw = JSON.stringify(await migrated.query('SELECT * FROM case_parties'));
    for (const fragment of ['Hoàng', 'Cũ', 'phố Cổ', '0911000001', '001190000001', 'hai@example']) expect(raw).not.toContain(fragment);

    const vault = identityVaultFromEnv();
    const rows = await migrated.getRepository(CasePartyEntity).find({ order: { role: 'ASC' } });
    expect(rows.map((r) => openParty(r))).toEqual(IDENTITIES);
    expect(rows[0]).toMatchObject({ role: 'denouncer', pseudonym: expect.stringMatching(/^NTC-/), keyId: 'test-1', idNumberIndex: vault.idNumberIndex('001 190 000 001'), phoneIndex: vault.phoneIndex('+84911000001') });
    expect(rows[1]).toMatchObject({ role: 'representative', pseudonym: expect.stringMatching(/^NDD-/), idNumberIndex: null, phoneIndex: null });

    // Down (before go-live only): the plaintext comes back from the vault, unchanged.
    const runner = migrated.createQueryRunner();
    try {
      await new PartyVault1764190000000().down(runner);
    } finally {
      await runner.release();
    }
    const back: Array<Record<string, unknown>> = await migrated.query('SELECT full_name, address, phone, email, id_number FROM case_parties ORDER BY role');
    expect(back).toEqual(IDENTITIES.map((p) => ({ full_name: p.fullName, address: p.address, phone: p.phone, email: p.email, id_number: p.idNumber })));
  });

  it('rotates master keys: add a key, make it active, rotate (resumably), remove the old key, every party still opens', async () => {
    const { db, dataSource } = await database(MIGRATIONS);
    const k1 = b64();
    const k2 = b64();
    const blind = b64();
    const vault = (keys: Array<[string, string]>, active: string) => new IdentityVault(Keyring.parse(keys.map(([id, k]) => `${id}:${k}`).join(','), active), Buffer.from(blind, 'base64'));
    const v1 = vault([['k1', k1]], 'k1');

    const caseId = await insertCase(dataSource, 'UBND-HN-2026-000002');
    const identities = Array.from({ length: 23 }, (_, i): Identity => ({ fullName: `Người tố cáo số ${i}`, address: null, phone: `09120000${String(i).padStart(2, '0')}`, email: null, idNumber: `0011900000${String(i).padStart(2, '0')}` }));
    for (const identity of identities) await dataSource.getRepository(CasePartyEntity).insert(sealParty({ caseId, role: 'denouncer', identity }, v1));
    const ciphertexts = async () => Object.fromEntries((await dataSource.getRepository(CasePartyEntity).find()).map((r) => [r.id, r.encryptedIdentity.toString('hex')]));
    const original = await ciphertexts();

    // k2 added and made active; a first run interrupted after its first batch of 5.
    const v12 = vault([['k1', k1], ['k2', k2]], 'k2');
    await expect(
      rotatePartyKeys(dataSource, v12, {
        batchSize: 5,
        onProgress: () => {
          throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const usage: Array<{ key_id: string; n: number }> = await dataSource.query('SELECT key_id, count(*)::int AS n FROM case_parties GROUP BY key_id ORDER BY key_id');
    expect(usage).toEqual([
      { key_id: 'k1', n: 18 },
      { key_id: 'k2', n: 5 },
    ]);

    // Resumed by the npm script, with the same configuration the api would have.
    const env = { ...process.env, DATABASE_URL: db.url, VAULT_KEYS: `k1:${k1},k2:${k2}`, VAULT_ACTIVE_KEY_ID: 'k2', VAULT_BLIND_INDEX_KEY: blind, NODE_ENV: 'production' };
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const run = spawnSync(tsx, ['apps/cli/src/vault-rotate.ts', '--batch-size', '7'], { cwd: root, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ activeKeyId: 'k2', mode: 'rewrap', before: { k1: 18, k2: 5 }, rotated: 18, after: { k2: 23 } }));
    expect(lines).toContainEqual(expect.objectContaining({ unusedKeyIds: ['k1'] }));
    expect(run.stdout).not.toMatch(/Người|0912|001190/);

    // Idempotent: a second run has nothing to do.
    await expect(rotatePartyKeys(dataSource, v12)).resolves.toMatchObject({ rotated: 0, after: { k2: 23 } });
    // Only the data keys were re-wrapped: the ciphertexts are byte for byte what they were.
    expect(await ciphertexts()).toEqual(original);

    // k1 removed: every party opens with k2 alone; blind indexes unchanged (separate key).
    const v2 = vault([['k2', k2]], 'k2');
    const rows = await dataSource.getRepository(CasePartyEntity).find();
    expect(rows.map((r) => openParty(r, v2).fullName).sort()).toEqual(identities.map((i) => i.fullName).sort());
    expect(rows.map((r) => r.idNumberIndex).sort()).toEqual(identities.map((i) => v2.idNumberIndex(i.idNumber)).sort());

    // A party wrapped with a key nobody configured fails loudly, and rotation refuses to start.
    const stray = sealParty({ caseId, role: 'denouncer', identity: identities[0]! }, vault([['k0', b64()]], 'k0'));
    await dataSource.getRepository(CasePartyEntity).insert(stray);
    expect(() => openParty({ ...stray }, v2)).toThrow(UnknownKeyError);
    await expect(rotatePartyKeys(dataSource, v2)).rejects.toThrow(/key id "k0" is not in VAULT_KEYS, which 1 case_parties row/);
    const refused = spawnSync(tsx, ['apps/cli/src/vault-rotate.ts'], { cwd: root, env: { ...env, VAULT_KEYS: `k2:${k2}` }, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/UnknownKeyError: key id "k0"/);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM case_parties WHERE key_id = 'k0'`)).toEqual([{ n: 1 }]);
  });

  it('refuses to rotate in production without keys', () => {
    const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['apps/cli/src/vault-rotate.ts', '--status'], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/VAULT_KEYS, VAULT_ACTIVE_KEY_ID and VAULT_BLIND_INDEX_KEY must be set in production/);
  });

  it('binds a sealed identity to its row: moved to another case it no longer opens', async () => {
    const { dataSource } = await database(MIGRATIONS);
    const a = await insertCase(dataSource, 'UBND-HN-2026-000003');
    const b = await insertCase(dataSource, 'UBND-HN-2026-000004');
    const row = sealParty({ caseId: a, role: 'denouncer', identity: IDENTITIES[0]!, id: randomUUID() });
    await dataSource.getRepository(CasePartyEntity).insert(row);
    await dataSource.query('UPDATE case_parties SET case_id = $1 WHERE id = $2', [b, row.id]);
    const moved = await dataSource.getRepository(CasePartyEntity).findOneByOrFail({ id: row.id });
    expect(() => openParty(moved)).toThrow(/failed authentication/);
  });
});
