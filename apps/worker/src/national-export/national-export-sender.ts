import { NATIONAL_EXPORT_SCHEMA_ID, NATIONAL_EXPORT_SCHEMA_VERSION, type NationalExportRecord } from '@donthu/persistence';
import type { NationalExportConfig } from './national-export-config';

/** A receiver's refusal or failure (a non-2xx answer): the status and the start of its body. */
export class ReceiverError extends Error {
  override name = 'ReceiverError';
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`HTTP ${status}${body ? `: ${body.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`);
  }
}

/** The request body of one batch (docs/national-export.md, "Delivery"). */
export interface NationalExportBatch {
  schema: typeof NATIONAL_EXPORT_SCHEMA_ID;
  schemaVersion: typeof NATIONAL_EXPORT_SCHEMA_VERSION;
  batchId: string;
  records: NationalExportRecord[];
}

/**
 * POSTs one batch to NATIONAL_DB_URL: JSON, `Idempotency-Key: <batch id>`, the bearer token, within
 * the request timeout. Resolves on 2xx; rejects with a ReceiverError otherwise, or the network error.
 */
export async function postBatch(config: NationalExportConfig, batch: NationalExportBatch): Promise<{ status: number }> {
  const response = await fetch(config.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      'idempotency-key': batch.batchId,
      'user-agent': 'donthu-national-export/1',
      ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
    },
    body: JSON.stringify(batch),
    redirect: 'error',
    signal: AbortSignal.timeout(config.requestTimeoutMs),
  });
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new ReceiverError(response.status, text);
  return { status: response.status };
}
