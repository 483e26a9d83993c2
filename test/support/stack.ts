import type { AddressInfo } from 'node:net';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from './temporal-environment';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { temporalDataConverter } from '@donthu/temporal';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createThrowawayDatabase, type ThrowawayDatabase } from './database';
import { ensureTestKeys } from './vault';

export interface Stack {
  api: INestApplication;
  worker: INestApplicationContext | undefined;
  temporal: TestWorkflowEnvironment;
  /**
   * A client with the project's payload codec, like the api's: use it, not `temporal.client`
   * (which sees only encrypted payloads), to query workflows and read their results.
   */
  temporalClient: Client;
  db: ThrowawayDatabase;
  dataSource: DataSource;
  taskQueue: string;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real system for an end-to-end test file: a real Temporal dev server, a throw-away database
 * on the real PostgreSQL, the api (HTTP) and the worker, wired by the same environment variables
 * as in production.
 */
export async function startStack(temporal: TestWorkflowEnvironment): Promise<Stack> {
  ensureTestKeys();
  const db = await createThrowawayDatabase();
  const taskQueue = `e2e-${randomBytes(4).toString('hex')}`;
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_RECONCILE_INTERVAL_MS: '0',
    DEMO_USERS: '1',
    // Tests log in many times from one address; the login limit itself is tested with its own value.
    LOGIN_RATE_LIMIT: process.env.LOGIN_RATE_LIMIT ?? '100000',
  });
  const api = configureApp(await NestFactory.create(AppModule, { bufferLogs: true }));
  await api.init();
  const dataSource = api.get(DataSource);

  const stack: Stack = {
    api,
    worker: undefined,
    temporal,
    temporalClient: new Client({ connection: temporal.connection, namespace: 'default', dataConverter: temporalDataConverter() }),
    db,
    dataSource,
    taskQueue,
    async startWorker() {
      if (stack.worker) return;
      stack.worker = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
      await stack.worker.init();
    },
    async stopWorker() {
      await stack.worker?.close();
      stack.worker = undefined;
    },
    async close() {
      await stack.stopWorker();
      await api.close();
      await db.drop();
    },
  };
  await stack.startWorker();
  return stack;
}

/** Puts the stack's api on a real socket (a free port on 127.0.0.1) and returns its base URL. */
export async function listenOnFreePort(stack: Stack): Promise<string> {
  await stack.api.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(stack.api.getHttpServer().address() as AddressInfo).port}`;
}
