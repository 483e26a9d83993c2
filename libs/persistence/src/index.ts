export * from './entities';
export * from './migrations';
export * from './database-config';
export * from './audit';
export * from './cases';
export * from './calendar';
export * from './vault';
