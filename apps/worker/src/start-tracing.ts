import { startTracing } from '@donthu/tracing';

// Imported first by main.ts, like the api's: spans of workflows and activities, with their service name.
startTracing({ serviceName: 'donthu-worker' });
