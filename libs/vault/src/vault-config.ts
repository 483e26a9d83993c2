import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KEY_BYTES } from './aead';
import { IdentityVault } from './identity-vault';
import { Keyring, parseKey } from './keyring';

/** Where the vault's keys come from. */
export interface VaultConfig {
  keyring: Keyring;
  blindIndexKey: Buffer;
  /** Set when the keys are the development keys of `npm start` (never in production). */
  devKeyFile: string | null;
}

export const DEFAULT_DEV_KEY_FILE = '.data/vault-dev-key';

/**
 * The vault's keys from the environment:
 * - `VAULT_KEYS` (`keyId:base64,…`, 32 random bytes each), `VAULT_ACTIVE_KEY_ID` (the key that
 *   wraps new data keys) and `VAULT_BLIND_INDEX_KEY` (base64, 32 bytes; never rotated with the
 *   master keys, or duplicate detection would stop matching older rows);
 * - none of them outside production: a development key pair created once in the git-ignored
 *   `.data/vault-dev-key` (`VAULT_DEV_KEY_FILE`);
 * - none of them with NODE_ENV=production: an error, so the process refuses to start.
 */
export function vaultConfigFromEnv(env: NodeJS.ProcessEnv = process.env): VaultConfig {
  if (env.VAULT_KEYS?.trim()) {
    const keyring = Keyring.parse(env.VAULT_KEYS, env.VAULT_ACTIVE_KEY_ID);
    if (!env.VAULT_BLIND_INDEX_KEY?.trim()) {
      throw new Error('VAULT_BLIND_INDEX_KEY must be set with VAULT_KEYS (32 random bytes, base64): blind indexes cannot follow the rotating master keys');
    }
    return { keyring, blindIndexKey: parseKey(env.VAULT_BLIND_INDEX_KEY, 'VAULT_BLIND_INDEX_KEY'), devKeyFile: null };
  }
  if (env.VAULT_ACTIVE_KEY_ID || env.VAULT_BLIND_INDEX_KEY) throw new Error('VAULT_ACTIVE_KEY_ID / VAULT_BLIND_INDEX_KEY are set but VAULT_KEYS is not');
  if (env.NODE_ENV === 'production') {
    throw new Error('VAULT_KEYS, VAULT_ACTIVE_KEY_ID and VAULT_BLIND_INDEX_KEY must be set in production: personal data is never stored under a development key');
  }
  const file = path.resolve(env.VAULT_DEV_KEY_FILE ?? DEFAULT_DEV_KEY_FILE);
  const dev = readOrCreateDevKeys(file);
  return { keyring: Keyring.of([[dev.keyId, dev.key]], dev.keyId), blindIndexKey: dev.blindIndexKey, devKeyFile: file };
}

interface DevKeys {
  keyId: string;
  key: Buffer;
  blindIndexKey: Buffer;
}

/**
 * Reads the development keys, creating them first if needed. Created under a temporary name and
 * hard-linked into place, so that an api and a worker starting together agree on one key pair.
 */
function readOrCreateDevKeys(file: string): DevKeys {
  try {
    return parseDevKeys(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const content = JSON.stringify({ keyId: 'dev', key: randomBytes(KEY_BYTES).toString('base64'), blindIndexKey: randomBytes(KEY_BYTES).toString('base64') });
  writeFileSync(temporary, `${content}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return parseDevKeys(readFileSync(file, 'utf8'), file);
}

function parseDevKeys(text: string, file: string): DevKeys {
  const parsed = JSON.parse(text) as { keyId?: unknown; key?: unknown; blindIndexKey?: unknown };
  if (typeof parsed.keyId !== 'string' || typeof parsed.key !== 'string' || typeof parsed.blindIndexKey !== 'string') {
    throw new Error(`${file} is not a vault development key file (delete it only together with the data it protects)`);
  }
  return { keyId: parsed.keyId, key: parseKey(parsed.key, file), blindIndexKey: parseKey(parsed.blindIndexKey, file) };
}

export type VaultWarn = (message: string) => void;

const defaultWarn: VaultWarn = (message) => process.emitWarning(message, { code: 'DONTHU_VAULT_DEV_KEY' });
const warned = new Set<string>();
let memo: { signature: string; vault: IdentityVault } | undefined;

/**
 * The process's identity vault, built from the environment on first use (and again only if the
 * vault variables change, as they do between test stacks). Warns once, loudly, on development keys.
 */
export function identityVaultFromEnv(options: { env?: NodeJS.ProcessEnv; warn?: VaultWarn } = {}): IdentityVault {
  const env = options.env ?? process.env;
  const signature = createHash('sha256')
    .update(JSON.stringify([env.VAULT_KEYS, env.VAULT_ACTIVE_KEY_ID, env.VAULT_BLIND_INDEX_KEY, env.VAULT_DEV_KEY_FILE, env.NODE_ENV, process.cwd()]))
    .digest('hex');
  if (memo?.signature === signature) return memo.vault;
  const config = vaultConfigFromEnv(env);
  if (config.devKeyFile) warnDevKey(config.devKeyFile, options.warn);
  memo = { signature, vault: new IdentityVault(config.keyring, config.blindIndexKey) };
  return memo.vault;
}

/** The development-key warning, once per process and file. */
export function warnDevKey(file: string, warn: VaultWarn = defaultWarn): void {
  if (warned.has(file)) return;
  warned.add(file);
  warn(
    `VAULT_KEYS is not set: personal data is encrypted with the DEVELOPMENT key in ${file}. ` +
      'Never use it in production (NODE_ENV=production refuses to start without VAULT_KEYS); deleting it makes every stored party unreadable.',
  );
}
