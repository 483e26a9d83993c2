import { DefaultLogger, Runtime } from '@temporalio/worker';

// Quiet logs in tests unless asked for (LOG_LEVEL=debug npm run test:e2e).
process.env.LOG_LEVEL ??= 'silent';

// The Temporal SDK's own logs (worker state changes, bundler output) only when they matter.
Runtime.install({ logger: new DefaultLogger(process.env.TEMPORAL_LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN') });
