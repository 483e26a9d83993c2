export * from './payload-codec';
export * from './search-attributes-registration';
export * from './temporal-config';
export * from './workflow-bundle';
