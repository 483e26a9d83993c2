// Quiet logs in tests unless asked for (LOG_LEVEL=debug npm run test:e2e).
process.env.LOG_LEVEL ??= 'silent';
