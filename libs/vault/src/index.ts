/**
 * The identity vault (issue #6 item 4): envelope encryption of personal data, keyed blind indexes,
 * pseudonyms, and the keyrings the Temporal payload codec shares.
 *
 * A lib of its own rather than libs/persistence/src/vault: it is pure node:crypto (no TypeORM, no
 * Nest, no Temporal), and besides persistence (which maps case_parties rows to it) libs/temporal's
 * payload codec uses its AES-GCM and keyring code; the codec must not pull TypeORM and the entities
 * into the Temporal client and worker set-up. Crypto primitives are node:crypto's, never our own.
 */
export * from './aead';
export * from './blind-index';
export * from './envelope';
export * from './identity-vault';
export * from './keyring';
export * from './pseudonym';
export * from './vault-config';
