export * from './export-record';
export * from './export-outbox';
