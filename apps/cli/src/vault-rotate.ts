/**
 * Master-key rotation of the identity vault (case_parties):
 *   npm run vault:rotate [-- --status] [--reencrypt] [--batch-size N]
 *
 * 1. add the new key to VAULT_KEYS and make it VAULT_ACTIVE_KEY_ID (api and worker restarted:
 *    new parties are sealed under it at once);
 * 2. `npm run vault:rotate`: every data key still wrapped by an older key is re-wrapped by the
 *    active one. The personal data is not re-encrypted: it is encrypted under its data key, which
 *    does not change; only the 32-byte data keys are, so rotation is quick and touches no plaintext.
 *    Idempotent (rows already on the active key are skipped) and resumable (batches commit one by
 *    one: run it again after an interruption);
 * 3. when it reports an old key as unused, remove it from VAULT_KEYS.
 * `--reencrypt` also replaces each row's data key and ciphertext, for when data keys may have
 * leaked (a re-wrap alone does not protect against someone holding the old master key AND a copy
 * of the old wrapped keys, e.g. a backup).
 * `--status` only prints how many parties each key wraps. Prints counts and key ids, never data.
 */
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { databaseOptionsFromEnv, partyKeyUsage, rotatePartyKeys } from '@donthu/persistence';
import { identityVaultFromEnv } from '@donthu/vault';

const USAGE = 'usage: npm run vault:rotate [-- --status] [--reencrypt] [--batch-size N]';

async function main(argv: string[]): Promise<number> {
  let options: { status: boolean; reencrypt: boolean; batchSize: number };
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { status: { type: 'boolean', default: false }, reencrypt: { type: 'boolean', default: false }, 'batch-size': { type: 'string', default: '200' } },
    });
    const batchSize = Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error('--batch-size must be a whole number from 1 to 10000');
    options = { status: values.status ?? false, reencrypt: values.reencrypt ?? false, batchSize };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }

  const vault = identityVaultFromEnv({ warn: (message) => process.stderr.write(`warning: ${message}\n`) });
  const dataSource = new DataSource(databaseOptionsFromEnv({ ...process.env, DATABASE_POOL_SIZE: '2' }));
  await dataSource.initialize();
  try {
    const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
    if (options.status) {
      print({ activeKeyId: vault.activeKeyId, configuredKeyIds: vault.keyring.ids(), partiesByKeyId: await partyKeyUsage(dataSource.manager) });
      return 0;
    }
    const result = await rotatePartyKeys(dataSource, vault, {
      batchSize: options.batchSize,
      reencrypt: options.reencrypt,
      onProgress: (rotated) => print({ rotated }),
    });
    print({ activeKeyId: result.activeKeyId, mode: options.reencrypt ? 'reencrypt' : 'rewrap', before: result.before, rotated: result.rotated, after: result.after });
    if (result.unused.length > 0) print({ unusedKeyIds: result.unused, note: 'no party uses these keys any more: they can be removed from VAULT_KEYS' });
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`vault:rotate failed: ${error.name}: ${error.message}\n`);
    process.exitCode = 1;
  },
);
