export * from './temporal-config';
export * from './workflow-bundle';
