import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { ROLES, ROLE_PERMISSIONS, roleMay, type Permission, type Role } from '@donthu/domain';
import { PERMISSION_KEY, PUBLIC_KEY } from '../../apps/api/src/auth/access.decorators';
import { COMMAND_ENDPOINTS } from '../../apps/api/src/cases/case-commands/command-endpoints';
import { authHeaders } from '../support/auth';
import { apiAs } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

interface Route {
  method: string;
  path: string;
  permission?: Permission;
  isPublic: boolean;
}

/** Where each kind of user sits for "own agency" and "another agency" (sample data of the agencies migration). */
const HOME: Record<Role, { own: string; other: string }> = {
  intake_officer: { own: 'UBND-PHUONG-HK', other: 'UBND-PHUONG-HC' },
  handling_officer: { own: 'UBND-PHUONG-HK', other: 'UBND-PHUONG-HC' },
  agency_head: { own: 'UBND-PHUONG-HK', other: 'UBND-PHUONG-HC' },
  inspector: { own: 'TTR-HN', other: 'TTR-DN' },
  superior_inspector: { own: 'TTR-HN', other: 'TTR-DN' },
  admin: { own: 'CP', other: 'CP' },
  auditor: { own: 'CP', other: 'CP' },
  citizen: { own: 'UBND-PHUONG-HK', other: 'UBND-PHUONG-HC' },
};

interface Fixture {
  /** The case-agency the request concerns (a case in UBND-PHUONG-HK), so "another agency" must not reach it. */
  scoped: boolean;
  url: (code: string) => string;
  body?: (agency: string) => object;
}

const CASE = (code: string) => `/api/v1/cases/${code}`;
let attachmentId = '';
let reportId = '';

/**
 * How to call each endpoint. Every route the api serves must be here (or public): a new endpoint
 * fails this test until its permission is declared and its row is added.
 */
const FIXTURES: Record<string, Fixture> = {
  'GET /api/v1/cases': { scoped: false, url: () => '/api/v1/cases' },
  'POST /api/v1/cases': {
    scoped: false,
    url: () => '/api/v1/cases',
    body: (agency) => ({ kind: 'complaint', agencyCode: agency, channel: 'post', receivedOn: '2026-11-26', subject: 's', content: 'c', petitioner: { fullName: 'Ma Trận' } }),
  },
  'GET /api/v1/cases/:code': { scoped: true, url: CASE },
  'GET /api/v1/cases/:code/events': { scoped: true, url: (code) => `${CASE(code)}/events` },
  'GET /api/v1/audit/verify': { scoped: true, url: (code) => `/api/v1/audit/verify?case=${code}` },
  'POST /api/v1/deadlines/preview': { scoped: false, url: () => '/api/v1/deadlines/preview', body: () => ({ rule: 'KN-03', start: '2026-03-10' }) },
  'GET /api/v1/rules': { scoped: false, url: () => '/api/v1/rules' },
  'GET /api/v1/rules/grounds': { scoped: false, url: () => '/api/v1/rules/grounds' },
  'GET /api/v1/calendar/:year': { scoped: false, url: () => '/api/v1/calendar/2026' },
  'PUT /api/v1/calendar/:year': { scoped: false, url: () => '/api/v1/calendar/2031', body: () => ({ daysOff: [], makeUpWorkingDays: [], source: 'matrix test', confidence: 'low' }) },
  'GET /api/v1/agencies': { scoped: false, url: () => '/api/v1/agencies' },
  'POST /api/v1/agencies': { scoped: false, url: () => '/api/v1/agencies', body: () => ({ code: 'UBND-PHUONG-MT', name: 'Ủy ban nhân dân phường (ma trận)', level: 'commune', parentCode: 'UBND-HN' }) },
  'PATCH /api/v1/agencies/:agencyCode': { scoped: false, url: () => '/api/v1/agencies/UBND-XA-SS', body: () => ({ name: 'Ủy ban nhân dân xã Sóc Sơn' }) },
  'GET /api/v1/users': { scoped: false, url: () => '/api/v1/users' },
  'POST /api/v1/users': { scoped: false, url: () => '/api/v1/users', body: () => ({ username: 'matrix.user', displayName: 'Ma Trận', role: 'intake_officer', agencyCode: 'UBND-HN', password: 'a-long-enough-password' }) },
  'PATCH /api/v1/users/:userId': { scoped: false, url: () => '/api/v1/users/demo.intake_officer.UBND-XA-SS', body: () => ({ unlock: true }) },
  'POST /api/v1/cases/:code/parties/reveal': { scoped: true, url: (code) => `${CASE(code)}/parties/reveal`, body: () => ({ reason: 'Kiểm tra ma trận quyền truy cập' }) },
  'POST /api/v1/cases/:code/attachments': { scoped: true, url: (code) => `${CASE(code)}/attachments`, body: () => ({}) },
  'GET /api/v1/cases/:code/attachments': { scoped: true, url: (code) => `${CASE(code)}/attachments` },
  // A real attachment: an unknown id would be a 404, which the matrix reads as a refusal.
  'GET /api/v1/cases/:code/attachments/:id': { scoped: true, url: (code) => `${CASE(code)}/attachments/${attachmentId}` },
  // Monitoring reads within the caller's jurisdiction (list_cases): never another agency's case by name.
  'GET /api/v1/monitoring/summary': { scoped: false, url: () => '/api/v1/monitoring/summary?groupBy=agency,kind' },
  'GET /api/v1/monitoring/overdue': { scoped: false, url: () => '/api/v1/monitoring/overdue?state=due_soon,overdue,very_overdue' },
  'GET /api/v1/monitoring/on-time-rate': { scoped: false, url: () => '/api/v1/monitoring/on-time-rate?from=2026-01-01&to=2026-11-26' },
  'GET /api/v1/monitoring/priority': { scoped: false, url: () => '/api/v1/monitoring/priority?flag=large_group' },
  'GET /api/v1/monitoring/trend': { scoped: false, url: () => '/api/v1/monitoring/trend?from=2026-01&to=2026-11' },
  // Notifications and their delivery (read_notifications): overseers their agencies', other officers their own.
  'GET /api/v1/notifications': { scoped: false, url: () => '/api/v1/notifications?status=pending,failed' },
  // Screening before intake (register_case): for the caller's own agency only (another one: 403 naming agencyCode).
  'POST /api/v1/intake/screening': {
    scoped: false,
    url: () => '/api/v1/intake/screening',
    body: (agency) => ({ kind: 'complaint', agencyCode: agency, channel: 'post', receivedOn: '2026-11-26', subject: 's', content: 'c', petitioner: { fullName: 'Ma Trận', idNumber: '001190000777' } }),
  },
  // Periodic reports (TT 01/2024): made within the caller's jurisdiction (another agency: 403 naming agencyCode), read likewise (404).
  'POST /api/v1/reports': { scoped: false, url: () => '/api/v1/reports', body: (agency) => ({ periodKind: 'q1', year: 2026, agencyCode: agency }) },
  'GET /api/v1/reports': { scoped: false, url: () => '/api/v1/reports' },
  'GET /api/v1/reports/:id/xlsx': { scoped: true, url: () => `/api/v1/reports/${reportId}/xlsx` },
  'GET /api/v1/reports/:id/csv': { scoped: true, url: () => `/api/v1/reports/${reportId}/csv` },
  ...Object.fromEntries(COMMAND_ENDPOINTS.map((e) => [`POST /api/v1/cases/:code/${e.path}`, { scoped: true, url: (code: string) => `${CASE(code)}/${e.path}`, body: () => ({}) }])),
};

describe('permission matrix: every role × every endpoint × own and another agency', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let routes: Route[];
  let caseCode: string;

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    const scanner = new MetadataScanner();
    const controllers = [...stack.api.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
    routes = controllers.flatMap((wrapper) => {
      const controller = wrapper.metatype as (new () => object) | undefined;
      if (!controller?.prototype) return [];
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      return scanner.getAllMethodNames(controller.prototype).flatMap((name) => {
        const handler = (controller.prototype as Record<string, object>)[name]!;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) return [];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!;
        const full = `/${[base, path].map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
        return [{ method, path: full, permission: Reflect.getMetadata(PERMISSION_KEY, handler) as Permission | undefined, isPublic: Reflect.getMetadata(PUBLIC_KEY, handler) === true }];
      });
    });
    const head = await apiAs(stack.api.getHttpServer(), 'agency_head', 'UBND-PHUONG-HK');
    await (await apiAs(stack.api.getHttpServer(), 'agency_head', 'UBND-PHUONG-HC')).post('/api/v1/cases').send(FIXTURES['POST /api/v1/cases']!.body!('UBND-PHUONG-HC')).expect(201);
    caseCode = (await head.post('/api/v1/cases').send(FIXTURES['POST /api/v1/cases']!.body!('UBND-PHUONG-HK')).expect(201)).body.code;
    attachmentId = (await head.post(`${CASE(caseCode)}/attachments`).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'scan.pdf').expect(201)).body.id;
    reportId = (await head.post('/api/v1/reports').send(FIXTURES['POST /api/v1/reports']!.body!('UBND-PHUONG-HK')).expect(201)).body.id;
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  it('finds the routes of the api', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
  });

  it('has every endpoint either public or declaring a permission from the one table', () => {
    const undeclared = routes.filter((r) => !r.isPublic && !r.permission).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('knows how to call every protected endpoint', () => {
    const missing = routes.filter((r) => !r.isPublic && !FIXTURES[`${r.method} ${r.path}`]).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('refuses every protected endpoint without a token (401)', async () => {
    const http = request(stack.api.getHttpServer());
    for (const route of routes.filter((r) => !r.isPublic && FIXTURES[`${r.method} ${r.path}`])) {
      const fixture = FIXTURES[`${route.method} ${route.path}`]!;
      const res = await http[route.method.toLowerCase() as 'get'](fixture.url(caseCode)).send(fixture.body?.('UBND-PHUONG-HK'));
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
  });

  it('allows and denies exactly what the permission table says, and hides other agencies’ cases', async () => {
    const http = request(stack.api.getHttpServer());
    let cells = 0;
    for (const role of ROLES.filter((r) => r !== 'citizen')) {
      for (const where of ['own', 'other'] as const) {
        const agency = HOME[role][where];
        const headers = await authHeaders(http, role, agency);
        for (const route of routes.filter((r) => !r.isPublic && FIXTURES[`${r.method} ${r.path}`])) {
          const key = `${route.method} ${route.path}`;
          const fixture = FIXTURES[key]!;
          const res = await http[route.method.toLowerCase() as 'get'](fixture.url(caseCode)).set(headers).send(fixture.body?.('UBND-PHUONG-HK'));
          const cell = { role, where, route: key, status: res.status };
          cells += 1;
          if (!roleMay(role, route.permission!)) {
            expect(cell).toEqual({ ...cell, status: 403 });
            expect(res.body.message).toBe(`Role ${role} may not ${route.permission}`);
            continue;
          }
          const seesCase = where === 'own' || role === 'admin' || role === 'auditor';
          if (fixture.scoped && !seesCase) {
            expect(cell).toEqual({ ...cell, status: 404 });
          } else if ((key === 'POST /api/v1/cases' || key === 'POST /api/v1/intake/screening' || key === 'POST /api/v1/reports') && where === 'other') {
            // Registering (or screening) for another agency than one's own: refused, naming the field.
            expect(cell).toEqual({ ...cell, status: 403 });
            expect(res.body.errors[0].field).toBe('agencyCode');
          } else {
            // Let through by access control: whatever the endpoint then says, it is not an access refusal.
            expect([401, 404].includes(res.status) || (res.status === 403 && res.body.message === `Role ${role} may not ${route.permission}`)).toBe(false);
          }
        }
      }
    }
    console.log(`permission matrix: ${cells} role × endpoint × agency cells`);
    expect(cells).toBeGreaterThan(500);
  });

  it('scopes the case list: another agency sees none of this agency’s cases, the inspectorate sees them all', async () => {
    const other = await apiAs(stack.api.getHttpServer(), 'agency_head', 'UBND-PHUONG-HC');
    expect((await other.get('/api/v1/cases').expect(200)).body.items.map((c: { code: string }) => c.code)).not.toContain(caseCode);
    const inspector = await apiAs(stack.api.getHttpServer(), 'inspector', 'TTR-HN');
    expect((await inspector.get('/api/v1/cases').expect(200)).body.items.map((c: { code: string }) => c.code)).toContain(caseCode);
    const farInspector = await apiAs(stack.api.getHttpServer(), 'inspector', 'TTR-DN');
    const far = (await farInspector.get('/api/v1/cases').query({ limit: 200 }).expect(200)).body.items as Array<{ code: string; agencyCode: string }>;
    expect(far.map((c) => c.code)).not.toContain(caseCode);
    expect(far.every((c) => ['UBND-DN', 'UBND-PHUONG-HC'].includes(c.agencyCode))).toBe(true);
  });

  it('keeps every role’s permissions inside the table', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(typeof p).toBe('string');
  });
});
