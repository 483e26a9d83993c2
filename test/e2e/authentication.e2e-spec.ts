import { createHmac } from 'node:crypto';
import request from 'supertest';
import { UserEntity } from '@donthu/persistence';
import type { AuthConfig } from '../../apps/api/src/auth/auth-config';
import { AUTH_CONFIG } from '../../apps/api/src/auth/auth.tokens';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

describe('authentication: local accounts, lockout, rotating refresh tokens', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let http: ReturnType<typeof request>;
  const login = (username: string, password: string) => http.post('/api/v1/auth/login').send({ username, password });

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    http = request(stack.api.getHttpServer());
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  it('logs in with the right password and the token opens what the role may do', async () => {
    const res = await login('demo.intake_officer.UBND-HN', 'donthu-demo').expect(200);
    expect(res.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900, user: { role: 'intake_officer', agencyCode: 'UBND-HN' } });
    await http.get('/api/v1/rules').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    await http.put('/api/v1/calendar/2031').set('Authorization', `Bearer ${res.body.accessToken}`).send({}).expect(403);
  });

  it('answers an unknown user and a wrong password alike', async () => {
    const unknown = await login('nobody.here', 'whatever').expect(401);
    const wrong = await login('demo.agency_head.UBND-HN', 'not-the-password').expect(401);
    expect({ ...unknown.body, requestId: undefined }).toEqual({ ...wrong.body, requestId: undefined });
  });

  it('locks an account after repeated failures, even for the right password, until the lock expires', async () => {
    const username = 'demo.handling_officer.UBND-HN';
    for (let i = 0; i < 5; i++) await login(username, `wrong-${i}`).expect(401);
    const locked = await login(username, 'donthu-demo').expect(423);
    expect(locked.body.errors[0]).toEqual({ field: 'username', reason: 'locked' });
    await stack.dataSource.getRepository(UserEntity).update({ username }, { lockedUntil: new Date(Date.now() - 1000) });
    await login(username, 'donthu-demo').expect(200);
  });

  it('rotates refresh tokens and revokes the whole session when a rotated token is used again', async () => {
    const first = (await login('demo.agency_head.UBND-PHUONG-HK', 'donthu-demo').expect(200)).body;
    const second = (await http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // The old token again: theft is assumed, the family is revoked, the newer token dies too.
    await http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await http.post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('logs out by revoking the refresh token', async () => {
    const session = (await login('demo.agency_head.UBND-HN', 'donthu-demo').expect(200)).body;
    await http.post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await http.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('refuses missing, malformed, forged and expired bearer tokens with 401', async () => {
    await http.get('/api/v1/rules').expect(401);
    await http.get('/api/v1/rules').set('Authorization', 'Basic abc').expect(401);
    const forged = await http.get('/api/v1/rules').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIiwiYWdlbmN5IjoiQ1AifQ.c2lnbmF0dXJl').expect(401);
    expect(forged.body.errors[0].field).toBe('Authorization');
    await http.get('/health').expect(200);
  });

  it('accepts only HS256 with its own key: the same key under another algorithm, or none, is refused', async () => {
    const { jwtSecret } = stack.api.get<symbol, AuthConfig>(AUTH_CONFIG);
    const b64 = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');
    const claims = { sub: 'x', role: 'admin', agency: 'UBND-HN', exp: Math.floor(Date.now() / 1000) + 600 };
    const token = (alg: string, hash?: string) => {
      const unsigned = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
      return `${unsigned}.${hash ? b64(createHmac(hash, jwtSecret).update(unsigned).digest()) : ''}`;
    };
    const rules = (bearer: string) => http.get('/api/v1/rules').set('Authorization', `Bearer ${bearer}`);
    await rules(token('HS256', 'sha256')).expect(200);
    await rules(token('HS512', 'sha512')).expect(401);
    await rules(token('none')).expect(401);
  });
});
