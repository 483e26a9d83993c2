import { createHash } from 'node:crypto';
import type { CaseAttachmentEntity } from '@donthu/persistence';
import type { AttachmentStore } from '../storage/attachment-store';

export type VerifiedContent = { ok: true; content: Buffer } | { ok: false; problem: string; details: Record<string, unknown> };

/**
 * Reads an attachment whole and checks it against its row (size, SHA-256) before any byte is sent:
 * content that does not match is never served. Reading stops past the recorded size, so a grown
 * object cannot make us buffer more than the upload limit allowed.
 */
export async function readVerifiedContent(store: AttachmentStore, row: CaseAttachmentEntity): Promise<VerifiedContent> {
  const stream = await store.open(row.id);
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > row.sizeBytes) {
        return { ok: false, problem: 'stored content is longer than recorded', details: { expectedSize: row.sizeBytes, sizeAtLeast: size } };
      }
      hash.update(chunk);
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  if (size !== row.sizeBytes) return { ok: false, problem: 'stored content is shorter than recorded', details: { expectedSize: row.sizeBytes, size } };
  const sha256 = hash.digest('hex');
  if (sha256 !== row.sha256) return { ok: false, problem: 'stored content does not match its SHA-256', details: { expected: row.sha256, actual: sha256 } };
  return { ok: true, content: Buffer.concat(chunks, size) };
}
