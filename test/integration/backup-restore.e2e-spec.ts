import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { todayInVietnam } from '../../apps/api/src/common/local-date';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { apiAs } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

const run = promisify(execFile);

interface VerifyReport {
  ok: boolean;
  streams: number;
  events: number;
  streamsByType: Record<string, number>;
  broken: Array<{ streamType: string; streamId: string; brokenAtSequence: number; reason: string }>;
  casesWithoutTrail: number;
}

async function sql<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The documented backup procedure (infra/backup/README.md), run as written: backup.sh on a
 * database with real cases and audit trails, restore.sh into a new database, every chain verified
 * there — and the verifier shown to catch a tampered event and a lost one in the restored copy.
 */
describe('backup and restore (infra/backup)', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let restored: ThrowawayDatabase;
  const folder = mkdtempSync(join(tmpdir(), 'donthu-backup-'));
  const dump = join(folder, 'donthu.dump');

  const verify = async (url: string): Promise<{ code: number; report: VerifyReport }> => {
    try {
      const { stdout } = await run(process.execPath, [require.resolve('tsx/cli'), 'apps/cli/src/verify-audit.ts'], { env: { ...process.env, DATABASE_URL: url } });
      return { code: 0, report: JSON.parse(stdout) as VerifyReport };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, report: JSON.parse(failed.stdout) as VerifyReport };
    }
  };

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    const http = await apiAs(stack.api.getHttpServer(), 'agency_head', 'UBND-HN');
    const petitioner = { fullName: 'Lương Văn Sao Lưu', phone: '0912000111', idNumber: '001090009999' };
    for (const kind of ['complaint', 'complaint', 'denunciation']) {
      const { body } = await http
        .post('/api/v1/cases')
        .send({ kind, agencyCode: 'UBND-HN', channel: 'post', receivedOn: todayInVietnam(), subject: `Sao lưu ${kind}`, content: 'Nội dung để thử sao lưu và khôi phục.', petitioner })
        .expect(201);
      if (kind === 'complaint') await http.post(`/api/v1/cases/${body.code as string}/accept`).send({ note: 'Đủ điều kiện thụ lý' }).expect(200);
    }
    // Each case: intake event, workflow start, the complaint's acceptance: all committed before the backup.
    restored = await createThrowawayDatabase('donthu_restored');
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
    await restored?.drop();
  });

  it('backs up, restores into an empty database and every audit chain verifies there', async () => {
    const source = await verify(stack.db.url);
    expect(source.code).toBe(0);
    expect(source.report.streamsByType.case).toBe(3);

    const backup = await run('bash', ['infra/backup/backup.sh', dump], { env: { ...process.env, DATABASE_URL: stack.db.url } });
    expect(backup.stdout).toContain('backup written');
    expect(readFileSync(`${dump}.sha256`, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);

    const restore = await run('bash', ['infra/backup/restore.sh', dump], { env: { ...process.env, TARGET_DATABASE_URL: restored.url } });
    const report = JSON.parse(restore.stdout.trim().split('\n').pop()!) as VerifyReport;
    // The same trails, event for event.
    expect(report).toEqual({ ...source.report, ok: true });
    const [cases] = await sql<{ n: number }>(restored.url, 'SELECT count(*)::int AS n FROM cases');
    expect(cases?.n).toBe(3);
  }, 120_000);

  it('refuses a damaged archive and a target that is not empty', async () => {
    const damaged = join(folder, 'damaged.dump');
    const bytes = readFileSync(dump);
    const at = bytes.length - 10;
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(damaged, bytes);
    writeFileSync(`${damaged}.sha256`, readFileSync(`${dump}.sha256`));
    await expect(run('bash', ['infra/backup/restore.sh', damaged], { env: { ...process.env, TARGET_DATABASE_URL: restored.url } })).rejects.toMatchObject({ stderr: expect.stringContaining('checksum mismatch') });
    await expect(run('bash', ['infra/backup/restore.sh', dump], { env: { ...process.env, TARGET_DATABASE_URL: restored.url } })).rejects.toMatchObject({ stderr: expect.stringContaining('target database is not empty') });
  }, 60_000);

  it('the verifier catches an edited event and a deleted newest event in the restored copy', async () => {
    // What an attacker with database superuser rights could do: switch the append-only trigger off.
    // The two accepted complaints have several events each; the denunciation's trail goes entirely.
    const [target, other] = await sql<{ stream_id: string }>(
      restored.url,
      `SELECT stream_id FROM audit_events WHERE stream_type = 'case' GROUP BY stream_id HAVING count(*) >= 2 ORDER BY stream_id`,
    );
    const [denunciation] = await sql<{ id: string }>(restored.url, `SELECT id FROM cases WHERE kind = 'denunciation'`);
    await sql(
      restored.url,
      `ALTER TABLE audit_events DISABLE TRIGGER USER;
       UPDATE audit_events SET payload = payload || '{"note":"sửa lén"}' WHERE stream_type = 'case' AND stream_id = '${target!.stream_id}' AND sequence = 1;
       DELETE FROM audit_events WHERE stream_type = 'case' AND stream_id = '${other!.stream_id}'
         AND sequence = (SELECT max(sequence) FROM audit_events WHERE stream_type = 'case' AND stream_id = '${other!.stream_id}');
       DELETE FROM audit_events WHERE stream_type = 'case' AND stream_id = '${denunciation!.id}';
       ALTER TABLE audit_events ENABLE TRIGGER USER;`,
    );
    const { code, report } = await verify(restored.url);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ streamType: 'case', streamId: target!.stream_id, brokenAtSequence: 1, reason: 'hash does not match the event content' }),
        expect.objectContaining({ streamType: 'case', streamId: other!.stream_id, reason: expect.stringContaining('is missing') }),
      ]),
    );
    expect(report.casesWithoutTrail).toBe(1);
    expect(JSON.stringify(report)).not.toContain('sửa lén'); // ids and sequences only, never content
  }, 60_000);
});
