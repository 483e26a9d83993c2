export * from './deadline-facts';
export * from './period-resolution';
export * from './count-period';
export * from './explanation';
export * from './calculate-due';
export * from './working-days';
export * from './clock-status';
