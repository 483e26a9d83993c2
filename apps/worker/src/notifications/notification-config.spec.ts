import { tmpdir } from 'node:os';
import path from 'node:path';
import { mailTransportFromConfig, SmtpMailTransport } from './mail-transport';
import { mailboxAddress, notificationConfigFromEnv, retryDelayMs } from './notification-config';

describe('notification settings', () => {
  it('defaults to .eml files, a no-reply sender, a 30-second watcher and ten attempts', () => {
    const config = notificationConfigFromEnv({});
    expect(config).toMatchObject({
      transport: { kind: 'files', dir: '.data/mail' },
      fromAddress: 'no-reply@donthu.invalid',
      messageIdDomain: 'donthu.invalid',
      pollIntervalMs: 30_000,
      batchSize: 20,
      maxAttempts: 10,
      claimLeaseMs: 120_000,
      sendTimeoutMs: 60_000,
    });
    expect(notificationConfigFromEnv({ NODE_ENV: 'test' }).transport).toEqual({ kind: 'files', dir: path.join(tmpdir(), 'donthu-test-mail') });
    expect(notificationConfigFromEnv({ MAIL_DIR: '/var/mail/donthu' }).transport).toEqual({ kind: 'files', dir: '/var/mail/donthu' });
  });

  it('takes SMTP_URL (never repeating its credentials) and MAIL_FROM', () => {
    const config = notificationConfigFromEnv({ SMTP_URL: 'smtps://user:secret@mail.example.gov.vn:465', MAIL_FROM: 'Thanh tra Hà Nội <thongbao@thanhtra.hanoi.example.gov.vn>' });
    expect(config.transport).toEqual({ kind: 'smtp', url: 'smtps://user:secret@mail.example.gov.vn:465', safeUrl: 'smtps://mail.example.gov.vn:465' });
    expect(config.fromAddress).toBe('thongbao@thanhtra.hanoi.example.gov.vn');
    expect(config.messageIdDomain).toBe('thanhtra.hanoi.example.gov.vn');
    const transport = mailTransportFromConfig(config);
    expect(transport).toBeInstanceOf(SmtpMailTransport);
    expect(transport.description).toBe('SMTP smtps://mail.example.gov.vn:465');
    transport.close();
  });

  it('refuses what it cannot use, at start, naming the variable', () => {
    expect(() => notificationConfigFromEnv({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL must use smtp:\/\/ or smtps:\/\//);
    expect(() => notificationConfigFromEnv({ SMTP_URL: 'not a url' })).toThrow(/SMTP_URL must be a URL/);
    expect(() => notificationConfigFromEnv({ MAIL_FROM: 'donthu' })).toThrow(/MAIL_FROM/);
    expect(() => notificationConfigFromEnv({ NOTIFICATION_MAX_ATTEMPTS: '0' })).toThrow(/NOTIFICATION_MAX_ATTEMPTS must be an integer ≥ 1/);
    expect(() => notificationConfigFromEnv({ NOTIFICATION_CLAIM_LEASE_MS: '500' })).toThrow(/NOTIFICATION_CLAIM_LEASE_MS/);
    expect(() => notificationConfigFromEnv({ NOTIFICATION_POLL_INTERVAL_MS: '0' })).toThrow(/NOTIFICATION_POLL_INTERVAL_MS must be an integer ≥ 50/);
    expect(() => notificationConfigFromEnv({ NOTIFICATION_RETRY_BASE_MS: '5000', NOTIFICATION_RETRY_MAX_MS: '1000' })).toThrow(/NOTIFICATION_RETRY_MAX_MS/);
  });

  it('keeps every send inside its lease', () => {
    expect(notificationConfigFromEnv({ NOTIFICATION_CLAIM_LEASE_MS: '1500' }).sendTimeoutMs).toBe(750);
  });

  it('reads an address with or without a display name', () => {
    expect(mailboxAddress('no-reply@donthu.invalid')).toBe('no-reply@donthu.invalid');
    expect(mailboxAddress('"Hệ thống" <a.b@c.example>')).toBe('a.b@c.example');
    expect(mailboxAddress('a@b@c')).toBeUndefined();
    expect(mailboxAddress('<>')).toBeUndefined();
  });

  it('backs off exponentially up to the cap', () => {
    const config = { retryBaseMs: 30_000, retryMaxMs: 3_600_000 };
    expect([1, 2, 3, 4, 8, 9, 50].map((n) => retryDelayMs(config, n))).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000]);
  });
});
