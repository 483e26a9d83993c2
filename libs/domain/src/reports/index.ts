export * from './report-period';
export * from './report-indicators';
export * from './report-figures';
export * from './report-scope';
