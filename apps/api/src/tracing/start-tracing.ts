import { startTracing } from '@donthu/tracing';

// Imported first by main.ts: the HTTP instrumentation must patch `http` before Nest loads it.
startTracing({ serviceName: 'donthu-api', instrumentHttp: true });
