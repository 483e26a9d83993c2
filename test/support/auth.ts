import type { Role } from '@donthu/domain';
import type request from 'supertest';

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'donthu-demo';
const sessions = new WeakMap<object, Map<string, Promise<string>>>();

/**
 * Headers that make a test request act as `role` in `agencyCode`: a real login as that demo
 * account (the stack starts the api with DEMO_USERS=1), memoised per api under test.
 */
export async function authHeaders(http: ReturnType<typeof request>, role: Role, agencyCode = 'UBND-HN'): Promise<Record<string, string>> {
  const perApi = sessions.get(http) ?? new Map<string, Promise<string>>();
  sessions.set(http, perApi);
  const key = `${role}@${agencyCode}`;
  let token = perApi.get(key);
  if (!token) {
    token = http
      .post('/api/v1/auth/login')
      .send({ username: `demo.${role}.${agencyCode}`, password: DEMO_PASSWORD })
      .then((res) => {
        if (res.status !== 200) throw new Error(`login as ${key} failed: ${res.status} ${JSON.stringify(res.body)}`);
        return (res.body as { accessToken: string }).accessToken;
      });
    perApi.set(key, token);
  }
  return { Authorization: `Bearer ${await token}` };
}
