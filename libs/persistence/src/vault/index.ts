export * from './party-vault';
