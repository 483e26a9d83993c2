import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AuditEventEntity } from '@donthu/persistence';
import { apiAs, type Api } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

const root = path.join(__dirname, '../..');
const golden = (file: string) =>
  (JSON.parse(readFileSync(path.join(root, 'libs/domain/data', file), 'utf8')) as { cases: Array<{ id: string; rule: string; start: string; facts: object; due?: string }> }).cases;

function cli(...args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'apps/cli/src/deadline.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout };
}

describe('legal rules over HTTP: deadline preview, rule table, official calendar', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let http: Api;

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    http = await apiAs(stack.api.getHttpServer());
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  it('previews every golden due date', async () => {
    const cases = [...golden('golden-deadlines.json'), ...golden('golden-deadlines-extra.json')].filter((c) => c.due);
    expect(cases.length).toBeGreaterThanOrEqual(24);
    for (const c of cases) {
      const res = await http.post('/api/v1/deadlines/preview').send({ rule: c.rule, start: c.start, facts: c.facts });
      expect({ id: c.id, status: res.status, due: res.body.due }).toEqual({ id: c.id, status: 200, due: c.due });
    }
  });

  it('gives the same answer and explanation as the CLI', async () => {
    const res = await http
      .post('/api/v1/deadlines/preview')
      .send({ rule: 'TC-04', start: '2026-03-02', facts: { extensions: 1, suspensions: [{ from: '2026-03-10', to: '2026-03-20' }] } })
      .expect(200);
    const fromCli = cli('--rule', 'TC-04', '--start', '2026-03-02', '--extensions', '1', '--suspension', '2026-03-10:2026-03-20', '--json');
    expect(fromCli.status).toBe(0);
    const json = JSON.parse(fromCli.stdout);
    expect(res.body).toMatchObject({ due: json.due, dueIgnoringProvisional: json.dueIgnoringProvisional, provisional: json.provisional, ruleVersion: json.ruleVersionLabel });
    expect(res.body.explanation).toEqual(json.explanation);
    expect(res.body.explanationText.vi.join('\n')).toContain('Luật Tố cáo 2018');
  });

  it('answers an unknown rule, an impossible date, a bad fact and suspensions out of order with 400 naming the field', async () => {
    const bad = async (body: object, field: string) => {
      const res = await http.post('/api/v1/deadlines/preview').send(body).expect(400);
      expect(res.body.errors[0]).toMatchObject({ field, reason: expect.any(String), reasonVi: expect.any(String) });
    };
    await bad({ rule: 'KN-99', start: '2026-02-10' }, 'rule');
    await bad({ rule: 'KN-03', start: '2026-02-30' }, 'start');
    await bad({ rule: 'KN-03', start: '2026-02-10', facts: { urgent: true } }, 'facts.urgent');
    await bad({ rule: 'TC-04', start: '2026-03-02', facts: { extensions: 3 } }, 'facts.extensions');
    const res = await http
      .post('/api/v1/deadlines/preview')
      .send({ rule: 'TC-04', start: '2026-03-02', facts: { suspensions: [{ from: '2026-03-20', to: '2026-03-25' }, { from: '2026-03-10', to: '2026-03-12' }] } })
      .expect(400);
    expect(res.body.errors[0].field).toMatch(/^facts\.suspensions\[1\]/);
    await http.post('/api/v1/deadlines/preview').send({ rule: 'KN-03' }).expect(400);
  });

  it('lists every rule with its versions and citations', async () => {
    const res = await http.get('/api/v1/rules').expect(200);
    const ids = res.body.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['KN-01', 'KN-12', 'KD-02A', 'KD-02B', 'TC-01', 'TC-09', 'TCD-03', 'XLD-01', 'PA-02']));
    const kn02 = res.body.find((r: { id: string }) => r.id === 'KN-02');
    expect(kn02.versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual(['2012-07-01', '2020-10-19', '2026-07-01']);
    expect(kn02.versions[2]).toMatchObject({ confidence: 'check', period: { unit: 'working', days: 7 } });
    const grounds = await http.get('/api/v1/rules/grounds').expect(200);
    expect(grounds.body.complaint_refusal.length).toBe(9);
  });

  it('shows a year of the official calendar, and a derived year as provisional', async () => {
    const y2026 = await http.get('/api/v1/calendar/2026').expect(200);
    expect(y2026.body).toMatchObject({ year: 2026, status: 'official' });
    expect(y2026.body.daysOff).toHaveLength(14);
    expect(y2026.body.daysOff.find((d: { date: string }) => d.date === '2026-11-24')).toMatchObject({ name: 'Ngày Văn hóa Việt Nam', confidence: 'medium' });
    expect(y2026.body.makeUpWorkingDays.map((d: { date: string }) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    const y2028 = await http.get('/api/v1/calendar/2028').expect(200);
    expect(y2028.body.status).toBe('derived');
    expect(y2028.body.daysOff.every((d: { provisional: boolean }) => d.provisional)).toBe(true);
    await http.get('/api/v1/calendar/1999').expect(400);
  });

  it('loads a new schedule as admin: validated, audited, and open cases recompute their due dates', async () => {
    // A citizen reception on 26/11/2026 must be answered within 10 working days (TCD-01).
    const reception = await http
      .post('/api/v1/cases')
      .send({ kind: 'reception', agencyCode: 'UBND-HN', channel: 'in_person', receivedOn: '2026-11-26', subject: 'Tiếp công dân', content: 'Phản ánh về trật tự đô thị', petitioner: { fullName: 'Phạm Văn C' } })
      .expect(201);
    const before = (await http.get(`/api/v1/cases/${reception.body.code}`).expect(200)).body.clocks.find((c: { name: string }) => c.name === 'reply');
    expect(before.due).toBe('2026-12-10');

    const bundled = JSON.parse(readFileSync(path.join(root, 'libs/domain/data/calendar/vn-official-days-off.json'), 'utf8')).years['2026'];
    const amended = { ...bundled, daysOff: [...bundled.daysOff, { date: '2026-12-01', name: 'Nghỉ bù (thử nghiệm)', kind: 'extra' }] };

    const admin = await apiAs(stack.api.getHttpServer(), 'admin', 'CP');
    const refused = await (await apiAs(stack.api.getHttpServer(), 'intake_officer')).put('/api/v1/calendar/2026').send(amended).expect(403);
    expect(refused.body.errors[0].field).toBe('role');
    const invalid = await admin
      .put('/api/v1/calendar/2026')
      .send({ ...bundled, daysOff: [{ date: '2026-12-05', name: 'Thứ Bảy', kind: 'extra' }, ...bundled.daysOff] })
      .expect(400);
    expect(invalid.body.errors[0].field).toMatch(/^daysOff\[0\]/);

    const loaded = await admin.put('/api/v1/calendar/2026').send(amended).expect(200);
    expect(loaded.body).toMatchObject({ year: 2026, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), signalledCases: expect.any(Number) });
    expect(loaded.body.signalledCases).toBeGreaterThanOrEqual(1);
    const audit = await stack.dataSource.getRepository(AuditEventEntity).find({ where: { streamType: 'calendar' }, order: { sequence: 'ASC' } });
    expect(audit.at(-1)).toMatchObject({ type: 'calendar.year_loaded', payload: { year: 2026, sha256: loaded.body.sha256 } });

    // The case's workflow recomputes: 1/12 is now a day off, so the reply is due a day later.
    let after: { due: string } | undefined;
    for (let i = 0; i < 50 && after?.due !== '2026-12-11'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      after = (await http.get(`/api/v1/cases/${reception.body.code}`).expect(200)).body.clocks.find((c: { name: string }) => c.name === 'reply');
    }
    expect(after?.due).toBe('2026-12-11');
    const events = await http.get(`/api/v1/cases/${reception.body.code}/events`).expect(200);
    expect(events.body.at(-1)).toMatchObject({ type: 'clock.recomputed', payload: { before: { reply: '2026-12-10' } } });
  });
});
