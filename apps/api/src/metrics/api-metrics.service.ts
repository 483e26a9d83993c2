import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { isTerminal, type CaseKind, type CaseStatus } from '@donthu/domain';
import { AgencyDirectory } from '../auth/agency-directory.service';
import { monitoringInstantNow } from '../monitoring/monitoring-instant';
import { countClocksByState } from '../monitoring/monitoring-summary/monitoring-summary.repository';

/** Business gauges are recomputed at most this often, whatever the scrape interval. */
const BUSINESS_REFRESH_MS = 30_000;

/**
 * The api's Prometheus metrics, served on their own listener (API_METRICS_ADDRESS, e.g.
 * `0.0.0.0:9464`) so that they never go through the public ingress: process metrics, HTTP
 * requests by route and status, and the inspectorate's questions as gauges — open cases by
 * kind, running agency clocks due soon / overdue / very overdue by agency (the same SQL as
 * GET /api/v1/monitoring/summary). Counts only: never a case code or a person.
 */
@Injectable()
export class ApiMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly registry = new Registry();
  private readonly logger = new Logger(ApiMetrics.name);
  private server: Server | undefined;
  private refreshed = 0;
  private refreshing: Promise<void> | undefined;

  readonly httpRequests = new Counter({ name: 'donthu_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  readonly httpDuration = new Histogram({
    name: 'donthu_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly openCases = new Gauge({ name: 'donthu_open_cases', help: 'Cases not yet in a final state, by kind', labelNames: ['kind'] as const, registers: [this.registry] });
  private readonly monitoredClocks = new Gauge({
    name: 'donthu_agency_clocks',
    help: 'Running agency clocks by agency and monitoring state (due_soon, overdue, very_overdue), as GET /api/v1/monitoring/summary',
    labelNames: ['agency', 'state'] as const,
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgencyDirectory,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'donthu_api_' });
  }

  /** Text exposition; business gauges refreshed first when stale (one query at a time). */
  async render(): Promise<string> {
    if (Date.now() - this.refreshed > BUSINESS_REFRESH_MS) {
      this.refreshing ??= this.refreshBusinessGauges().finally(() => (this.refreshing = undefined));
      await this.refreshing.catch((error: Error) => this.logger.warn({ err: error }, 'business gauges not refreshed'));
    }
    return this.registry.metrics();
  }

  private async refreshBusinessGauges(): Promise<void> {
    const byStatus = await this.dataSource.query<Array<{ kind: CaseKind; status: CaseStatus; n: number }>>('SELECT kind, status, count(*)::int AS n FROM cases GROUP BY kind, status');
    const open = new Map<string, number>();
    for (const row of byStatus) if (!isTerminal(row.kind, row.status)) open.set(row.kind, (open.get(row.kind) ?? 0) + row.n);
    this.openCases.reset();
    for (const [kind, n] of open) this.openCases.set({ kind }, n);

    const tree = await this.agencies.tree();
    const groups = await countClocksByState(this.dataSource.manager, {}, ['agency'], monitoringInstantNow(), { agencyCodes: tree.all().map((a) => a.code) });
    this.monitoredClocks.reset();
    for (const g of groups) {
      const agency = g.agencyCode ?? 'unknown';
      this.monitoredClocks.set({ agency, state: 'due_soon' }, g.dueSoon);
      this.monitoredClocks.set({ agency, state: 'overdue' }, g.overdue);
      this.monitoredClocks.set({ agency, state: 'very_overdue' }, g.veryOverdue);
    }
    this.refreshed = Date.now();
  }

  async onApplicationBootstrap(): Promise<void> {
    const address = process.env.API_METRICS_ADDRESS;
    if (!address) return;
    const at = address.lastIndexOf(':');
    const [host, port] = [address.slice(0, at), Number(address.slice(at + 1))];
    if (!host || !Number.isInteger(port)) throw new Error(`API_METRICS_ADDRESS must be host:port, got "${address}"`);
    this.server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      this.render().then(
        (body) => response.writeHead(200, { 'Content-Type': this.registry.contentType }).end(body),
        () => response.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => this.server!.once('error', reject).listen(port, host, resolve));
    this.logger.log({ address }, 'metrics served');
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
