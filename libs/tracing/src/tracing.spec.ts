import { tracedRequest, tracingEnabled } from './tracing';

describe('when tracing is on', () => {
  it('is on with an OTLP endpoint (all signals or traces only), off without one or when disabled', () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });

  it('traces the api routes, not probes, scrapes or console assets', () => {
    expect(tracedRequest('/api/v1/cases?q=x')).toBe(true);
    expect(tracedRequest('/health')).toBe(false);
    expect(tracedRequest('/metrics')).toBe(false);
    expect(tracedRequest('/assets/index-abc.js')).toBe(false);
    expect(tracedRequest('/apiary')).toBe(false);
    expect(tracedRequest(undefined)).toBe(false);
  });
});
