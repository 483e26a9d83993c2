import { blindIndex, normaliseIdNumber, normalisePhone } from './blind-index';
import { EnvelopeCipher, type SealedRecord, type WrappedKey } from './envelope';
import { KEY_BYTES } from './aead';
import type { Keyring } from './keyring';

/** What identifies a person (người khiếu nại, người tố cáo…): only ever stored sealed. */
export interface Identity {
  fullName: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
}

/** A sealed identity and its blind indexes (for duplicate detection without the plain values). */
export interface SealedIdentity extends SealedRecord {
  idNumberIndex: string | null;
  phoneIndex: string | null;
}

const FIELDS = ['fullName', 'address', 'phone', 'email', 'idNumber'] as const;

/**
 * The identity vault: seals an identity under envelope encryption, bound to a context (the row it
 * lives in), and computes its keyed blind indexes. The blind-index key is separate from the master
 * keys: master keys rotate, blind indexes must stay comparable across rotations.
 */
export class IdentityVault {
  private readonly envelope: EnvelopeCipher;

  constructor(
    readonly keyring: Keyring,
    private readonly blindIndexKey: Buffer,
  ) {
    if (blindIndexKey.length !== KEY_BYTES) throw new Error(`the blind-index key must be ${KEY_BYTES} bytes`);
    this.envelope = new EnvelopeCipher(keyring);
  }

  get activeKeyId(): string {
    return this.keyring.activeKeyId;
  }

  seal(identity: Identity, context: string): SealedIdentity {
    const record: Identity = { fullName: identity.fullName, address: identity.address, phone: identity.phone, email: identity.email, idNumber: identity.idNumber };
    return {
      ...this.envelope.seal(Buffer.from(JSON.stringify(record), 'utf8'), context),
      idNumberIndex: this.idNumberIndex(identity.idNumber),
      phoneIndex: this.phoneIndex(identity.phone),
    };
  }

  open(record: SealedRecord, context: string): Identity {
    const plaintext = this.envelope.open(record, context);
    const parsed = JSON.parse(plaintext.toString('utf8')) as Record<string, unknown>;
    plaintext.fill(0);
    if (typeof parsed.fullName !== 'string') throw new Error('sealed identity has no full name');
    const out = { fullName: parsed.fullName } as Identity;
    for (const field of FIELDS.slice(1) as Array<Exclude<(typeof FIELDS)[number], 'fullName'>>) {
      const value = parsed[field];
      out[field] = typeof value === 'string' ? value : null;
    }
    return out;
  }

  isCurrent(record: Pick<SealedRecord, 'keyId'>): boolean {
    return this.envelope.isCurrent(record);
  }

  /** Master-key rotation: the data key re-wrapped by the active key; the ciphertext is kept. */
  rewrap(record: WrappedKey, context: string): WrappedKey {
    return this.envelope.rewrap(record, context);
  }

  /** A fresh data key and ciphertext (after a suspected data-key leak). */
  reencrypt(record: SealedRecord, context: string): SealedRecord {
    return this.envelope.reencrypt(record, context);
  }

  idNumberIndex(idNumber: string | null | undefined): string | null {
    const normalised = normaliseIdNumber(idNumber);
    return normalised === null ? null : blindIndex(this.blindIndexKey, 'id_number', normalised);
  }

  /**
   * The keyed tag of a citizen's tracking secret (a machine-made random token, already canonical):
   * the same HMAC construction as the blind indexes, in its own field.
   */
  trackingSecretTag(canonicalSecret: string): string {
    return blindIndex(this.blindIndexKey, 'tracking_secret', canonicalSecret);
  }

  phoneIndex(phone: string | null | undefined): string | null {
    const normalised = normalisePhone(phone);
    return normalised === null ? null : blindIndex(this.blindIndexKey, 'phone', normalised);
  }
}
