import { randomBytes } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { workflowBundleOptions } from '@donthu/temporal';
import {
  notificationDispatcherStatusQuery,
  wakeNotificationDispatcherSignal,
  type NotificationDeliveryRound,
} from '../../workflows/src/notifications/notification-contract';
import { notificationDispatcherWorkflow } from '../../workflows/src/notifications/notification-dispatcher.workflow';
import { startTimeSkippingServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const round = (r: Partial<NotificationDeliveryRound> = {}): NotificationDeliveryRound => ({ claimed: 0, sent: 0, resent: 0, retrying: 0, failed: 0, more: false, sleepMs: 0, ...r });

/**
 * The dispatcher's loop on the time-skipping server, its activity scripted: when it runs a round,
 * how long it sleeps, what wakes it, and that an idle dispatcher sets no timer at all (months of
 * skipped time cost it nothing, which keeps the case-clock tests fast).
 */
describe('notification dispatcher workflow (time-skipping server, scripted activity)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  let script: NotificationDeliveryRound[];
  let calls: number;
  const taskQueue = `dispatcher-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      ...workflowBundleOptions(),
      activities: {
        deliverPendingNotifications: () => {
          calls += 1;
          return Promise.resolve(script.shift() ?? round());
        },
      },
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  beforeEach(() => {
    script = [];
    calls = 0;
  });

  const start = async (historyLimit?: number) => {
    return env.client.workflow.start(notificationDispatcherWorkflow, {
      workflowId: `dispatcher-${randomBytes(4).toString('hex')}`,
      taskQueue,
      args: [historyLimit ? { historyLimit } : {}],
    });
  };
  const rounds = async (handle: WorkflowHandle<typeof notificationDispatcherWorkflow>) => (await handle.query(notificationDispatcherStatusQuery)).rounds;

  it('runs a round at once, then with nothing waiting sets no timer: a month passes without another round', async () => {
    const handle = await start();
    await env.sleep(30 * DAY);
    expect(calls).toBe(1);
    expect(await rounds(handle)).toBe(1);
    const timers = (await handle.fetchHistory()).events!.filter((e) => e.timerStartedEventAttributes);
    expect(timers).toEqual([]);
    await handle.terminate();
  });

  it('sleeps until the next retry the round reported, and runs the next round straight away when more is due', async () => {
    script = [round({ claimed: 20, sent: 20, more: true }), round({ claimed: 1, retrying: 1, sleepMs: 5 * MINUTE }), round({ claimed: 1, sent: 1 })];
    const handle = await start();
    await env.sleep(MINUTE);
    expect(calls).toBe(2); // the full batch was followed at once by a second round, which asked for 5 minutes
    await env.sleep(5 * MINUTE);
    expect(calls).toBe(3);
    await env.sleep(10 * DAY);
    expect(calls).toBe(3);
    expect(await handle.query(notificationDispatcherStatusQuery)).toMatchObject({ rounds: 3, sent: 21, lastRound: { sent: 1, sleepMs: 0 } });
    await handle.terminate();
  });

  it('is woken by the watcher’s signal, also in the middle of a long sleep', async () => {
    script = [round({ retrying: 1, sleepMs: DAY })];
    const handle = await start();
    await env.sleep(MINUTE);
    expect(calls).toBe(1);
    await handle.signal(wakeNotificationDispatcherSignal);
    await env.sleep(MINUTE);
    expect(calls).toBe(2);
    await handle.signal(wakeNotificationDispatcherSignal);
    await env.sleep(MINUTE);
    expect(calls).toBe(3);
    await handle.terminate();
  });

  it('continues as new past its history limit, and the new run starts with a round', async () => {
    const handle = await start(20);
    for (let i = 0; i < 6; i++) {
      await handle.signal(wakeNotificationDispatcherSignal);
      await env.sleep(MINUTE);
    }
    const latest = env.client.workflow.getHandle<typeof notificationDispatcherWorkflow>(handle.workflowId);
    const description = await latest.describe();
    expect(description.runId).not.toBe(handle.firstExecutionRunId);
    expect(description.status.name).toBe('RUNNING');
    expect(calls).toBeGreaterThanOrEqual(7);
    expect(await rounds(latest)).toBeGreaterThanOrEqual(1);
    await latest.terminate();
  });
});
