import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ApiMetrics } from './api-metrics.service';
import { HttpMetricsMiddleware } from './http-metrics.middleware';

/** Prometheus metrics of the api (API_METRICS_ADDRESS); the worker's come from the Temporal SDK (WORKER_METRICS_ADDRESS). */
@Module({ imports: [AuthModule], providers: [ApiMetrics], exports: [ApiMetrics] })
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
