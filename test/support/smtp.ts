import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { freePort, portOpen } from './net';
import { tmpdir } from 'node:os';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { smtpServerCommand } = require('../../infra/tools/smtp-server.js') as {
  smtpServerCommand(options: { host?: string; port: number; folder: string }): { command: string; args: string[]; env: NodeJS.ProcessEnv };
};

/** One message as the SMTP server received it (infra/tools/smtp_sink.py writes these). */
export interface ReceivedMail {
  file: string;
  mailFrom: string;
  rcptTos: string[];
  messageId: string;
  subject: string;
  from: string;
  to: string;
  date: string;
  headers: Record<string, string>;
  text: string;
  /** The bytes after DATA, as sent by the client. */
  raw: Buffer;
}

export interface SmtpSink {
  port: number;
  /** `smtp://127.0.0.1:<port>` */
  url: string;
  folder: string;
  /** Every message received so far, in order of arrival. */
  messages(): ReceivedMail[];
  /** Stops the server: connections to the port are refused until `start()`. */
  stop(): Promise<void>;
  /** Starts it again on the same port and folder. */
  start(): Promise<void>;
  /** Stops it and deletes the folder. */
  close(): Promise<void>;
}

/**
 * A real SMTP server for a test file: the pinned aiosmtpd (installed into .tools/aiosmtpd on
 * first use by infra/tools/smtp-server.js) on a free port of 127.0.0.1, keeping every message it
 * accepts in a temporary folder. It can be stopped and started again to play an outage.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const port = await freePort();
  const folder = mkdtempSync(path.join(tmpdir(), 'smtp-sink-'));
  const { command, args, env } = smtpServerCommand({ port, folder });
  let child: ChildProcess | undefined;
  let output = '';
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const sink: SmtpSink = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    folder,
    messages() {
      return readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => {
          const record = JSON.parse(readFileSync(path.join(folder, f), 'utf8')) as Omit<ReceivedMail, 'raw'>;
          return { ...record, raw: readFileSync(path.join(folder, record.file)) };
        });
    },
    async start() {
      if (child) return;
      output = '';
      const started = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      started.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
      started.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
      started.once('exit', () => {
        if (child === started) child = undefined;
      });
      for (let waited = 0; ; waited += 100) {
        if (await portOpen(port)) return;
        if (child !== started) throw new Error(`aiosmtpd exited before listening on ${port}:\n${output}`);
        if (waited > 30_000) {
          started.kill('SIGKILL');
          throw new Error(`aiosmtpd did not listen on ${port} within 30 s:\n${output}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      const running = child;
      if (!running) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      child = undefined;
    },
    async close() {
      await sink.stop();
      process.removeListener('exit', killOnExit);
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await sink.start();
  return sink;
}

/** Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: Error | undefined;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error instanceof Error ? error : new Error(String(error));
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
