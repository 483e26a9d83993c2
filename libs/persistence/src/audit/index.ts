export * from './audit-chain';
export * from './audit-writer';
export * from './verify-all-chains';
