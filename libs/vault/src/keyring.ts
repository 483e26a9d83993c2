import { hkdfSync } from 'node:crypto';
import { KEY_BYTES } from './aead';

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** Standard base64 of exactly 32 bytes, as `openssl rand -base64 32` prints it. */
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

/** A sealed value names a key id that the configuration does not hold: never silently skipped. */
export class UnknownKeyError extends Error {
  override readonly name = 'UnknownKeyError';
  constructor(
    readonly keyId: string,
    known: readonly string[],
    variable: string,
  ) {
    super(`key id "${keyId}" is not in ${variable} (known: ${known.join(', ') || 'none'}): add it back to decrypt what it protects`);
  }
}

/** Names of the variables a keyring comes from, for error messages. */
export interface KeyringSource {
  keys: string;
  activeKeyId: string;
}

export const VAULT_KEYRING_SOURCE: KeyringSource = { keys: 'VAULT_KEYS', activeKeyId: 'VAULT_ACTIVE_KEY_ID' };

/** Decodes one base64 key of 32 bytes; the message names the variable, never the value. */
export function parseKey(base64: string, variable: string): Buffer {
  const value = base64.trim();
  if (!BASE64_KEY.test(value)) throw new Error(`${variable}: a key must be 32 random bytes in standard base64 (openssl rand -base64 32)`);
  return Buffer.from(value, 'base64');
}

/**
 * Master keys by id, one of them active. Values are sealed under the active key; any listed key
 * opens what it sealed, so a rotation adds a key, makes it active, re-wraps, then removes the old one.
 */
export class Keyring {
  private constructor(
    readonly activeKeyId: string,
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly source: KeyringSource,
  ) {}

  static of(entries: Iterable<readonly [string, Buffer]>, activeKeyId: string, source: KeyringSource = VAULT_KEYRING_SOURCE): Keyring {
    const keys = new Map<string, Buffer>();
    for (const [id, key] of entries) {
      if (!KEY_ID.test(id)) throw new Error(`${source.keys}: key id "${id}" must be 1-64 letters, digits, '.', '_' or '-'`);
      if (key.length !== KEY_BYTES) throw new Error(`${source.keys}: key "${id}" must be ${KEY_BYTES} bytes`);
      if (keys.has(id)) throw new Error(`${source.keys}: key id "${id}" is listed twice`);
      keys.set(id, Buffer.from(key));
    }
    if (keys.size === 0) throw new Error(`${source.keys} holds no key`);
    if (!keys.has(activeKeyId)) throw new Error(`${source.activeKeyId} "${activeKeyId}" is not one of the ids in ${source.keys} (${[...keys.keys()].join(', ')})`);
    return new Keyring(activeKeyId, keys, source);
  }

  /**
   * `keyId:base64,keyId:base64` and the active id. The active id may be left out only when a
   * single key is listed.
   */
  static parse(list: string, activeKeyId: string | undefined, source: KeyringSource = VAULT_KEYRING_SOURCE): Keyring {
    const entries = list
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map((entry): [string, Buffer] => {
        const colon = entry.indexOf(':');
        if (colon < 1) throw new Error(`${source.keys}: each entry is keyId:base64-key`);
        return [entry.slice(0, colon).trim(), parseKey(entry.slice(colon + 1), `${source.keys} (${entry.slice(0, colon).trim()})`)];
      });
    const active = activeKeyId?.trim() || (entries.length === 1 ? entries[0]![0] : undefined);
    if (!active) throw new Error(`${source.activeKeyId} must name the key that seals new values (${source.keys} lists ${entries.length})`);
    return Keyring.of(entries, active, source);
  }

  get active(): { id: string; key: Buffer } {
    return { id: this.activeKeyId, key: this.key(this.activeKeyId) };
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }

  ids(): string[] {
    return [...this.keys.keys()];
  }

  key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new UnknownKeyError(id, this.ids(), this.source.keys);
    return key;
  }

  /**
   * A keyring of keys derived from these by HKDF-SHA256 under `info` (domain separation: a
   * derived key reveals nothing about its master key or about keys derived under another info).
   */
  derive(info: string, idPrefix: string, source: KeyringSource): Keyring {
    const derived = this.ids().map((id): [string, Buffer] => [`${idPrefix}${id}`, Buffer.from(hkdfSync('sha256', this.key(id), Buffer.alloc(0), info, KEY_BYTES))]);
    return Keyring.of(derived, `${idPrefix}${this.activeKeyId}`, source);
  }
}
