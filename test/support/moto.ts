import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { motoServerPath } = require('../../infra/tools/moto-server.js') as { motoServerPath(): string };

// The SDK warns once per process that its releases after January 2027 need Node 22; said in the
// report of the change that brought it in, not in every test run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Any keys do for moto; real-looking ones keep the SDK's signing path the same as in production. */
export const MOTO_CREDENTIALS = { accessKeyId: 'AKIAMOTOTESTKEY00000', secretAccessKey: 'moto-test-secret-key-0000000000000000000' };
export const MOTO_REGION = 'us-east-1';

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** A client of this server with the test keys (path-style), for creating buckets and looking inside them. */
  client: S3Client;
  /** Creates a bucket with a fresh name and returns the name. */
  createBucket(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real S3-compatible HTTP server for a test file: the pinned `moto_server` (installed into
 * .tools/moto on first use) on a free port of 127.0.0.1, in memory, stopped by `stop()`.
 */
export async function startMotoServer(): Promise<MotoServer> {
  const child = spawn(motoServerPath(), ['-H', '127.0.0.1', '-p', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let endpoint: string;
  try {
    endpoint = await listeningAddress(child);
  } catch (error) {
    child.kill('SIGKILL');
    process.removeListener('exit', killOnExit);
    throw error;
  }
  const client = new S3Client({ endpoint, region: MOTO_REGION, forcePathStyle: true, credentials: MOTO_CREDENTIALS });
  return {
    endpoint,
    client,
    async createBucket() {
      const bucket = `donthu-test-${randomBytes(4).toString('hex')}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return bucket;
    },
    async stop() {
      client.destroy();
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits for werkzeug's " * Running on http://127.0.0.1:PORT" (the port the system chose). */
function listeningAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`moto_server did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) done(match[1]!);
    };
    const onExit = (code: number | null) => fail(new Error(`moto_server exited (${code}) before listening:\n${output}`));
    const cleanUp = () => {
      clearTimeout(timer);
      child.stdout?.removeListener('data', onData);
      child.stderr?.removeListener('data', onData);
      child.removeListener('exit', onExit);
      // Keep draining its output so that a full pipe never blocks the server.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    const done = (endpoint: string) => {
      cleanUp();
      resolve(endpoint);
    };
    const fail = (error: Error) => {
      cleanUp();
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', fail);
  });
}
