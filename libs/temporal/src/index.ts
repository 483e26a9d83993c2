export * from './payload-codec';
export * from './temporal-config';
export * from './workflow-bundle';
