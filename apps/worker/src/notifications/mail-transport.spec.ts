import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emlFileName, FileMailTransport } from './mail-transport';

describe('.eml file transport (no SMTP_URL)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mail-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const mail = {
    from: 'Hệ thống donthu <no-reply@donthu.invalid>',
    to: ['demo.agency_head.UBND-HN@example.invalid'],
    subject: '[donthu] Quá hạn thụ lý: hồ sơ UBND-HN-2026-000042',
    text: 'Hồ sơ UBND-HN-2026-000042 đã quá hạn.',
    messageId: '<0f8fad5b-d9cb-469f-a165-70867728950e@donthu.invalid>',
    date: new Date('2026-11-26T01:02:03Z'),
    headers: { 'Auto-Submitted': 'auto-generated' },
  };

  it('writes one RFC 5322 file per message, named by its Message-ID: a re-send replaces it', async () => {
    const transport = new FileMailTransport({ kind: 'files', dir });
    await expect(transport.send(mail)).resolves.toMatchObject({ accepted: mail.to, rejected: [] });
    const first = readFileSync(path.join(dir, emlFileName(mail.messageId)), 'latin1');
    const headers = first.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' '); // unfolded (RFC 5322 §2.2.3)
    await transport.send(mail);
    expect(readdirSync(dir)).toEqual(['0f8fad5b-d9cb-469f-a165-70867728950e@donthu.invalid.eml']);
    // Deterministic: the same notification gives the same bytes.
    expect(readFileSync(path.join(dir, emlFileName(mail.messageId)), 'latin1')).toBe(first);
    expect(headers).toContain('Message-ID: <0f8fad5b-d9cb-469f-a165-70867728950e@donthu.invalid>\r\n');
    expect(headers).toContain('Date: Thu, 26 Nov 2026 01:02:03 +0000');
    expect(headers).toContain('Auto-Submitted: auto-generated');
    expect(headers).toMatch(/^Subject: =\?UTF-8\?Q\?=5Bdonthu=5D_Qu=C3=A1_h=E1=BA=A1n/m);
    transport.close();
  });

  it('never names a file after anything but the Message-ID, and never outside its folder', () => {
    expect(emlFileName('<../../etc/passwd@x>')).toBe('.._.._etc_passwd@x.eml');
  });
});
