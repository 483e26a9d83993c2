export * from './clock-state-sql';
