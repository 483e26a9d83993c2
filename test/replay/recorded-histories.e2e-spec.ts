import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Resource } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Worker } from '@temporalio/worker';
import { Keyring } from '@donthu/vault';
import { EncryptionCodec } from '@donthu/temporal';
import { temporalWorkerTracing, type Tracing } from '@donthu/tracing';
import { readableText, replayOptions, transformHistoryPayloads } from '../support/replay';

/**
 * Histories recorded from real runs (RECORD_HISTORIES=1 npm run test:e2e) are replayed against
 * the current workflow code: a change that would break running cases fails here, before it ships.
 * A needed change goes behind `patched()`; the old history keeps replaying.
 *
 * They replay through the project's payload codec, as the worker runs: the fixtures are stored
 * decrypted (no key needed to read them), and the codec passes unencrypted payloads through.
 */
const dir = path.join(__dirname, '../fixtures/histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const codec = new EncryptionCodec(Keyring.of([['replay-1', randomBytes(32)]], 'replay-1'));
const load = (file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

describe('recorded workflow histories replay on the current code', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays without non-determinism', async (file) => {
    await expect(Worker.runReplayHistory(replayOptions(codec), load(file), file)).resolves.toBeUndefined();
  });

  it('replays a history whose payloads are encrypted, as the worker now writes them', async () => {
    const file = files.find((f) => f.startsWith('complaint-registered-accepted')) ?? files[0]!;
    const encrypted = await transformHistoryPayloads(historyFromJSON(load(file)), (p) => codec.encode(p));
    expect(readableText(encrypted)).not.toContain('caseCode');
    await expect(Worker.runReplayHistory(replayOptions(codec), encrypted, file)).resolves.toBeUndefined();
  });
});

describe('the same histories replay with OpenTelemetry tracing switched on', () => {
  it('replays every history with the tracing interceptors in the workflow bundle (they add no commands)', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing: Tracing = { resource: new Resource({ 'service.name': 'replay' }), spanProcessor: new SimpleSpanProcessor(exporter), shutdown: () => Promise.resolve() };
    const options = { ...replayOptions(codec), ...temporalWorkerTracing(tracing) };
    const results: Array<{ workflowId: string; error: unknown }> = [];
    for await (const result of Worker.runReplayHistories(options, files.map((file) => ({ workflowId: file, history: load(file) })))) {
      results.push({ workflowId: result.workflowId, error: result.error });
    }
    expect(results.map((r) => r.workflowId)).toEqual(files);
    expect(results.filter((r) => r.error !== undefined)).toEqual([]);
  });
});
