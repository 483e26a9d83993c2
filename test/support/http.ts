import type { Server } from 'node:http';
import request from 'supertest';
import type { Role } from '@donthu/domain';
import { authHeaders } from './auth';

export interface Api {
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
}

/** The api under test, every request sent as a logged-in demo user (`role` in `agencyCode`). */
export async function apiAs(server: Server, role: Role = 'agency_head', agencyCode = 'UBND-HN'): Promise<Api> {
  const agent = request(server);
  const headers = await authHeaders(agent, role, agencyCode);
  return {
    get: (url) => agent.get(url).set(headers),
    post: (url) => agent.post(url).set(headers),
    put: (url) => agent.put(url).set(headers),
    patch: (url) => agent.patch(url).set(headers),
    delete: (url) => agent.delete(url).set(headers),
  };
}
