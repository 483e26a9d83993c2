import { httpHardeningFromEnv, parseBodyLimit, parseCorsOrigins, parseTrustProxy } from './http-hardening';
import { perMinuteFromEnv } from './rate-limit';

describe('http hardening settings', () => {
  it('close CORS, limit bodies to 1mb and trust no proxy by default', () => {
    expect(httpHardeningFromEnv({})).toEqual({ corsOrigins: [], bodyLimit: '1mb', trustProxy: false });
  });

  it('open CORS only to exact origins', () => {
    expect(parseCorsOrigins(' https://tiepdan.example.gov.vn , http://localhost:5173 ')).toEqual(['https://tiepdan.example.gov.vn', 'http://localhost:5173']);
    expect(parseCorsOrigins('https://tiepdan.example.gov.vn/')).toEqual(['https://tiepdan.example.gov.vn']);
    expect(parseCorsOrigins('')).toEqual([]);
    for (const wrong of ['*', 'tiepdan.example.gov.vn', 'https://a.gov.vn/app', 'ftp://a.gov.vn', 'https://*.gov.vn']) {
      expect(() => parseCorsOrigins(wrong)).toThrow(/CORS_ORIGINS/);
    }
  });

  it('take body limits in body-parser notation and refuse anything else', () => {
    expect(parseBodyLimit(undefined)).toBe('1mb');
    expect(parseBodyLimit('512KB')).toBe('512kb');
    expect(parseBodyLimit('2mb')).toBe('2mb');
    for (const wrong of ['1 gigabyte', '-1mb', 'mb', '1gb']) expect(() => parseBodyLimit(wrong)).toThrow(/BODY_LIMIT/);
  });

  it('trust a number of proxy hops or named addresses, never any X-Forwarded-For', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY/);
  });

  it('read rate limits from the environment when a request is counted', () => {
    const limit = perMinuteFromEnv('TEST_RATE_LIMIT_XYZ', 10);
    expect(limit()).toBe(10);
    process.env.TEST_RATE_LIMIT_XYZ = '3';
    expect(limit()).toBe(3);
    process.env.TEST_RATE_LIMIT_XYZ = '0';
    expect(() => limit()).toThrow(/TEST_RATE_LIMIT_XYZ/);
    delete process.env.TEST_RATE_LIMIT_XYZ;
  });
});
