export * from './rule-types';
export * from './start-events';
export * from './legal-rules';
export * from './rule-lookup';
export * from './rule-table-check';
