export * from './lifecycle-types';
export * from './kinds';
export * from './case-machine';
export * from './clock-records';
export * from './clock-deadline';
export * from './dialogue-notice';
export * from './case-links';
