import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { EncryptionCodec, temporalDataConverter, workflowBundleOptions } from '@donthu/temporal';

type History = temporal.api.history.v1.IHistory;

/** The replayer's options: the project's codec decodes encrypted histories and passes older, plain ones through. */
export function replayOptions(codec: PayloadCodec = projectCodec()): Parameters<typeof Worker.runReplayHistory>[0] {
  return { ...workflowBundleOptions(), dataConverter: { payloadCodecs: [codec] } };
}

function projectCodec(): PayloadCodec {
  const codec = temporalDataConverter().payloadCodecs?.[0];
  if (!(codec instanceof EncryptionCodec)) throw new Error('the project data converter has no encryption codec');
  return codec;
}

/** A Payload message: a metadata map of bytes and data bytes (no other history message has both). */
function isPayload(value: object): value is Payload {
  const { metadata, data } = value as Payload;
  return (
    typeof metadata === 'object' && metadata !== null && (data === undefined || data === null || ArrayBuffer.isView(data)) && 'data' in value && Object.values(metadata).every((v) => ArrayBuffer.isView(v))
  );
}

/**
 * Applies `transform` (a codec's encode or decode) to every payload of a history, in place,
 * except search attributes, which codecs never touch.
 */
export async function transformHistoryPayloads<T extends object>(history: T, transform: (payloads: Payload[]) => Promise<Payload[]>): Promise<T> {
  const payloads: Payload[] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return;
    if (isPayload(value)) {
      payloads.push(value);
      return;
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'searchAttributes') visit(child);
  };
  visit(history);
  const transformed = await transform(payloads);
  payloads.forEach((payload, i) => Object.assign(payload, { metadata: transformed[i]!.metadata, data: transformed[i]!.data }));
  return history;
}

/** A history as a reader without the codec keys sees it: every payload's bytes as text (JSON payloads are readable). */
export function readableText(history: History): string {
  const parts: string[] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (ArrayBuffer.isView(value)) {
      parts.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8'));
      return;
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(history);
  return `${historyToJSON(history)}\n${parts.join('\n')}`;
}

/** A decrypted copy of a history (fixtures are kept without encryption: no test key is needed to replay them). */
export async function decodedHistory(history: History, codec: PayloadCodec = projectCodec()): Promise<History> {
  return transformHistoryPayloads(historyFromJSON(JSON.parse(historyToJSON(history))), (p) => codec.decode(p));
}

/**
 * Replays the histories of workflows a test just drove against the current workflow code (any
 * non-determinism fails the test), and with RECORD_HISTORIES=1 saves them, decrypted, under
 * test/fixtures/histories/, where test/replay replays them on every later change.
 */
export async function replayAndRecord(client: Client, workflows: Array<{ workflowId: string; name: string }>): Promise<void> {
  const histories = await Promise.all(workflows.map(async (w) => ({ ...w, history: await client.workflow.getHandle(w.workflowId).fetchHistory() })));
  const results = Worker.runReplayHistories(
    replayOptions(),
    histories.map((h) => ({ workflowId: h.workflowId, history: h.history })),
  );
  for await (const result of results) {
    if (result.error) throw result.error;
  }
  if (process.env.RECORD_HISTORIES === '1') {
    for (const h of histories) writeFileSync(path.join(__dirname, '../fixtures/histories', `${h.name}.json`), historyToJSON(await decodedHistory(h.history)));
  }
}
