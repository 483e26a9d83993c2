import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { FileTransportConfig, NotificationConfig, SmtpTransportConfig } from './notification-config';

/** One e-mail, fully determined by its notification row (a re-send is byte-for-byte the same message). */
export interface OutgoingMail {
  from: string;
  to: readonly string[];
  subject: string;
  text: string;
  /** `<…@…>`: fixed per notification. */
  messageId: string;
  /** The Date header: when the notification was created, not when this attempt runs. */
  date: Date;
  headers: Record<string, string>;
}

export interface MailDelivery {
  /** Recipients the server took responsibility for. */
  accepted: string[];
  /** Recipients it refused (the message went to the others). */
  rejected: string[];
  /** The server's final reply, for the log. */
  response: string;
}

/**
 * Where messages go: SMTP in production, .eml files locally. `send` resolves only when the other
 * side has taken the message (SMTP: the 250 reply to the end of DATA), and rejects otherwise;
 * after a rejection the message may still have been taken (a reply lost on the way back), which is
 * why every send of a notification carries the same Message-ID.
 */
export interface MailTransport {
  /** For logs: never credentials. */
  readonly description: string;
  send(mail: OutgoingMail): Promise<MailDelivery>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MailTransport');

const addresses = (list: unknown): string[] => (Array.isArray(list) ? list.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address ?? a))) : []);

/** SMTP through nodemailer (one connection per message), every step bounded in time. */
export class SmtpMailTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: Transporter;

  constructor(
    config: SmtpTransportConfig,
    private readonly sendTimeoutMs: number,
  ) {
    this.description = `SMTP ${config.safeUrl}`;
    const step = Math.max(250, Math.floor(sendTimeoutMs / 3));
    this.transporter = createTransport({ url: config.url, connectionTimeout: step, greetingTimeout: step, socketTimeout: step, dnsTimeout: step });
  }

  async send(mail: OutgoingMail): Promise<MailDelivery> {
    const info = await this.transporter.sendMail({
      from: mail.from,
      to: [...mail.to],
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      date: mail.date,
      headers: mail.headers,
      // The whole exchange, not each step: a send never outlives the claim's lease.
      signal: AbortSignal.timeout(this.sendTimeoutMs),
    });
    return { accepted: addresses(info.accepted), rejected: addresses(info.rejected), response: String(info.response ?? '') };
  }

  close(): void {
    this.transporter.close();
  }
}

/** A file name from a Message-ID: `<notification.<uuid>@host>` → `notification.<uuid>@host.eml`. */
export function emlFileName(messageId: string): string {
  return `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_')}.eml`;
}

/**
 * Without SMTP_URL: each message is written as an .eml file (RFC 5322, openable in any mail
 * client) named by its Message-ID, so a re-send replaces the same file rather than adding one.
 */
export class FileMailTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: Transporter;

  constructor(private readonly config: FileTransportConfig) {
    this.description = `.eml files in ${config.dir}`;
    this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(mail: OutgoingMail): Promise<MailDelivery> {
    const info = await this.transporter.sendMail({ from: mail.from, to: [...mail.to], subject: mail.subject, text: mail.text, messageId: mail.messageId, date: mail.date, headers: mail.headers });
    const message = (info as { message: Buffer }).message;
    await mkdir(this.config.dir, { recursive: true });
    const file = path.join(this.config.dir, emlFileName(mail.messageId));
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, message);
    await rename(partial, file);
    return { accepted: [...mail.to], rejected: [], response: `written to ${file}` };
  }

  close(): void {
    this.transporter.close();
  }
}

export function mailTransportFromConfig(config: NotificationConfig): MailTransport {
  return config.transport.kind === 'smtp' ? new SmtpMailTransport(config.transport, config.sendTimeoutMs) : new FileMailTransport(config.transport);
}
