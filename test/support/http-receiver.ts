import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver got it: the raw bytes of its body, parsed when JSON. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  json: unknown;
}

export interface HttpReceiver {
  /** `http://127.0.0.1:<port>/records` */
  url: string;
  /** Every request received so far, in order of arrival. */
  requests(): ReceivedRequest[];
  /** Records kept, de-duplicated by `recordId` (first arrival wins), in order of first arrival. */
  records(): Array<Record<string, unknown>>;
  /** Records received again after their first arrival (a re-sent batch). */
  duplicates(): number;
  /** Answers every following request with this status (and does not keep its records) until set back to 200. */
  respondWith(status: number): void;
  /** Closes the port: connections are refused until `start()`. */
  stop(): Promise<void>;
  /** Listens again on the same port (nothing if it listens already). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP receiver standing in for the national database (a node http server on a free port
 * of 127.0.0.1): it keeps every request's bytes, and de-duplicates records by id as the national
 * database does (docs/national-export.md).
 */
export async function startHttpReceiver(): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const kept = new Map<string, Record<string, unknown>>();
  let duplicates = 0;
  let status = 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        json = undefined;
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw, json });
      if (status !== 200) {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unavailable' }));
        return;
      }
      const records = ((json as { records?: unknown } | undefined)?.records ?? []) as Array<Record<string, unknown>>;
      for (const r of records) {
        const id = String(r.recordId);
        if (kept.has(id)) duplicates += 1;
        else kept.set(id, r);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: records.length }));
    });
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: `http://127.0.0.1:${port}/records`,
    requests: () => [...requests],
    records: () => [...kept.values()],
    duplicates: () => duplicates,
    respondWith: (s) => {
      status = s;
    },
    stop,
    start: () => (server.listening ? Promise.resolve() : listen(port)),
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
