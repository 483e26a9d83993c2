import { context, ROOT_CONTEXT, trace, type ContextManager } from '@opentelemetry/api';
import { loggerParams, traceFields } from './logger-params';

describe('request logging', () => {
  const params = loggerParams('api', { LOG_LEVEL: 'info' });
  const pinoHttp = params.pinoHttp as { serializers: { req: (req: object) => object }; redact: { paths: string[] } };

  it('logs only id, method and url of a request, never its body or headers', () => {
    const logged = pinoHttp.serializers.req({
      id: 'r-1',
      method: 'POST',
      url: '/api/v1/cases',
      body: { complainant: { fullName: 'Nguyễn Văn A' } },
      headers: { authorization: 'Bearer secret' },
    });
    expect(logged).toEqual({ id: 'r-1', method: 'POST', url: '/api/v1/cases' });
  });

  it('redacts credentials wherever headers are logged', () => {
    expect(pinoHttp.redact.paths).toEqual(expect.arrayContaining(['req.headers.authorization', 'req.headers.cookie']));
  });
});

describe('logged URLs', () => {
  it('drop the query string, where a misplaced secret could hide', () => {
    const pinoHttp = loggerParams('api', {}).pinoHttp as { serializers: { req: (req: object) => { url: string } } };
    expect(pinoHttp.serializers.req({ id: 'r', method: 'GET', url: '/api/v1/track/X?secret=ABCD' }).url).toBe('/api/v1/track/X');
  });
});

describe('log lines and traces', () => {
  it('carry the trace and span they were written in', () => {
    const spanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 };
    expect(traceFields(trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext(spanContext)))).toEqual({ trace_id: spanContext.traceId, span_id: spanContext.spanId });
  });

  it('carry nothing of the kind outside a span, or with tracing off', () => {
    expect(traceFields(ROOT_CONTEXT)).toEqual({});
    expect(traceFields()).toEqual({});
  });

  it('get the fields from the logger, inside the active span', () => {
    // The smallest context manager (tracing installs the AsyncLocalStorage one): `with` makes a context active.
    let active = ROOT_CONTEXT;
    const manager: ContextManager = {
      active: () => active,
      with: (ctx, fn, thisArg, ...args) => {
        const previous = active;
        active = ctx;
        try {
          return fn.call(thisArg, ...args);
        } finally {
          active = previous;
        }
      },
      bind: (_ctx, target) => target,
      enable() {
        return this;
      },
      disable() {
        return this;
      },
    };
    context.setGlobalContextManager(manager);
    try {
      const pinoHttp = loggerParams('worker', {}).pinoHttp as { mixin: () => object };
      const spanContext = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 };
      expect(context.with(trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext(spanContext)), () => pinoHttp.mixin())).toEqual({ trace_id: spanContext.traceId, span_id: spanContext.spanId });
      expect(pinoHttp.mixin()).toEqual({});
    } finally {
      context.disable();
    }
  });
});
