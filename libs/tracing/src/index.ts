export * from './redacting-exporter';
export * from './temporal';
export * from './tracing';
export * from './flush-on-shutdown';
