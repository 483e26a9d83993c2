#!/usr/bin/env bash
# Restores a backup into an EMPTY database, then verifies every audit chain in it.
#   TARGET_DATABASE_URL=postgres://.../donthu_restored infra/backup/restore.sh /backups/donthu-2026-11-26.dump
# Refuses a file whose checksum does not match, and a target database that already has tables.
# Exit code 0 only if the restore completed and every chain verifies.
set -euo pipefail
in="${1:?usage: restore.sh <file.dump>}"
: "${TARGET_DATABASE_URL:?set TARGET_DATABASE_URL (an empty database)}"
here="$(cd "$(dirname "$0")" && pwd)"

if [[ -f "$in.sha256" ]]; then
  [[ "$(sha256sum "$in" | awk '{print $1}')" == "$(cat "$in.sha256")" ]] || { echo "checksum mismatch: $in" >&2; exit 1; }
else
  echo "warning: no $in.sha256 next to the backup; integrity of the file not checked" >&2
fi
tables="$(psql "$TARGET_DATABASE_URL" -Atc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
[[ "$tables" == "0" ]] || { echo "target database is not empty ($tables tables): restore into a new database" >&2; exit 1; }

pg_restore --exit-on-error --no-owner --no-privileges --single-transaction --dbname="$TARGET_DATABASE_URL" "$in"
echo "restored into the target database; verifying every audit chain"

# The verifier: the compiled CLI in the production image, else from source.
if [[ -f "$here/../../dist/apps/cli/src/verify-audit.js" ]]; then
  DATABASE_URL="$TARGET_DATABASE_URL" node "$here/../../dist/apps/cli/src/verify-audit.js"
else
  DATABASE_URL="$TARGET_DATABASE_URL" node "$here/../../node_modules/tsx/dist/cli.mjs" "$here/../../apps/cli/src/verify-audit.ts"
fi
