import { nationalExportConfigFromEnv } from './national-export-config';

describe('national export settings', () => {
  it('is off without NATIONAL_DB_URL', () => {
    expect(nationalExportConfigFromEnv({})).toBeUndefined();
    expect(() => nationalExportConfigFromEnv({ NATIONAL_DB_TOKEN: 't' })).toThrow('NATIONAL_DB_TOKEN is set without NATIONAL_DB_URL');
  });

  it('takes the URL and the token, with defaults for the rest, and never repeats the token', () => {
    const config = nationalExportConfigFromEnv({ NATIONAL_DB_URL: 'https://csdlqg.example.gov.vn/api/v1/records?src=hn', NATIONAL_DB_TOKEN: 'secret-token' })!;
    expect(config).toMatchObject({ safeUrl: 'https://csdlqg.example.gov.vn/api/v1/records', token: 'secret-token', batchSize: 100, pollIntervalMs: 30_000, retryBaseMs: 30_000, retryMaxMs: 3_600_000, claimLeaseMs: 120_000, requestTimeoutMs: 60_000 });
    expect(config.safeUrl).not.toContain('secret');
    expect(nationalExportConfigFromEnv({ NATIONAL_DB_URL: 'http://10.0.0.5/records', NATIONAL_EXPORT_CLAIM_LEASE_MS: '4000' })).toMatchObject({ token: undefined, requestTimeoutMs: 2_000 });
  });

  it('refuses what cannot work, naming the setting', () => {
    expect(() => nationalExportConfigFromEnv({ NATIONAL_DB_URL: 'not a url' })).toThrow('NATIONAL_DB_URL must be a URL');
    expect(() => nationalExportConfigFromEnv({ NATIONAL_DB_URL: 'ftp://x/records' })).toThrow('must use https://');
    expect(() => nationalExportConfigFromEnv({ NATIONAL_DB_URL: 'https://user:pw@x/records' })).toThrow('must not carry credentials');
    expect(() => nationalExportConfigFromEnv({ NATIONAL_DB_URL: 'https://x/r', NATIONAL_EXPORT_BATCH_SIZE: '5000' })).toThrow('at most 1000');
    expect(() => nationalExportConfigFromEnv({ NATIONAL_DB_URL: 'https://x/r', NATIONAL_EXPORT_RETRY_BASE_MS: '10', NATIONAL_EXPORT_RETRY_MAX_MS: '5' })).toThrow('must not be below');
    expect(() => nationalExportConfigFromEnv({ NATIONAL_DB_URL: 'https://x/r', NATIONAL_EXPORT_POLL_INTERVAL_MS: 'often' })).toThrow('NATIONAL_EXPORT_POLL_INTERVAL_MS must be an integer');
  });
});
