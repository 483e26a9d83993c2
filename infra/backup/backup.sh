#!/usr/bin/env bash
# Backs up donthu's database: a pg_dump custom-format archive and its SHA-256.
#   DATABASE_URL=postgres://... infra/backup/backup.sh /backups/donthu-$(date +%F).dump
# Consistent (pg_dump takes one snapshot), online (api and workers keep running). Temporal's own
# databases are not needed to rebuild cases: every case, clock and audit event is in this one;
# workflows of open cases are restarted from it by the api's reconciler (see README.md here).
set -euo pipefail
out="${1:?usage: backup.sh <file.dump>}"
: "${DATABASE_URL:?set DATABASE_URL}"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$out" "$DATABASE_URL"
sha256sum "$out" | awk '{print $1}' > "$out.sha256"
echo "backup written: $out ($(stat -c %s "$out") bytes, sha256 $(cat "$out.sha256"))"
