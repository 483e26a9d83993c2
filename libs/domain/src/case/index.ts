export * from './case-kind';
export * from './case-status';
export * from './case-command';
export * from './case-code';
export * from './priority-flags';
