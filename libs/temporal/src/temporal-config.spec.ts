import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporalConfigFromEnv, temporalConnectionOptions } from './temporal-config';

describe('Temporal connection from the environment', () => {
  it('defaults to the local dev server without TLS', () => {
    expect(temporalConnectionOptions(temporalConfigFromEnv({}))).toEqual({ address: '127.0.0.1:7233' });
  });

  it('uses TLS with a Temporal Cloud API key', () => {
    const options = temporalConnectionOptions(temporalConfigFromEnv({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'k' }));
    expect(options).toEqual({ address: 'ns.acct.tmprl.cloud:7233', apiKey: 'k', tls: true });
  });

  it('reads the mTLS client certificate pair and CA from files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'donthu-tls-'));
    for (const name of ['c.pem', 'k.pem', 'ca.pem']) writeFileSync(join(dir, name), `${name} content`);
    const options = temporalConnectionOptions(
      temporalConfigFromEnv({ TEMPORAL_TLS_CERT_PATH: join(dir, 'c.pem'), TEMPORAL_TLS_KEY_PATH: join(dir, 'k.pem'), TEMPORAL_TLS_CA_PATH: join(dir, 'ca.pem'), TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' }),
    );
    expect(options.tls).toEqual({
      clientCertPair: { crt: Buffer.from('c.pem content'), key: Buffer.from('k.pem content') },
      serverRootCACertificate: Buffer.from('ca.pem content'),
      serverNameOverride: 'temporal.internal',
    });
  });

  it('refuses a certificate without its key', () => {
    expect(() => temporalConfigFromEnv({ TEMPORAL_TLS_CERT_PATH: '/x.pem' })).toThrow('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together');
  });
});
