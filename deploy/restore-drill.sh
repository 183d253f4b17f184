#!/usr/bin/env bash
# The restore drill (ADR 32): back up the live PostgreSQL database with the app's own `backup` command, restore the
# dump into a scratch database with `restore`, then prove the copy whole: the audit hash chain verifies and every table
# holds as many rows as the source held when the dump was taken. Run it on a schedule and after each release; a backup
# nobody has restored is a hope, not a backup.
#   deploy/restore-drill.sh APP_FOLDER ENV_FILE
# APP_FOLDER holds the published app (ElderCare.Web); ENV_FILE the node settings (deploy/eldercare.env.example), whose
# ConnectionStrings__App names the database to drill. The scratch database (<name>_drill) is dropped at the end.
# Exits 0 when the copy is whole, 1 with the first difference otherwise.
set -euo pipefail
app=$(cd "$1" && pwd)
set -a; . "$2"; set +a
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Key=value pairs of the Npgsql connection string, as libpq variables for psql.
conn=${ConnectionStrings__App//\"/}
value() { tr ';' '\n' <<<"$conn" | sed -n "s/^ *$1 *= *//Ip" | head -1; }
export PGHOST=$(value Host) PGPORT=$(value Port) PGUSER=$(value Username) PGPASSWORD=$(value Password) PGOPTIONS="-c client_min_messages=warning"
PGPORT=${PGPORT:-5432}
source_db=$(value Database)
drill_db="${source_db}_drill"

counts() {
  psql -d "$1" -tAc "SELECT string_agg(format('%s=%s', c.relname,
                        (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]),
                        ' ' ORDER BY c.relname)
                     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"
}

echo "backup of $source_db…"
# The dump is one snapshot; the counts are taken right after it, so a busy database may differ by the rows written
# in between: run the drill against a quiet moment or a replica's database.
(cd "$app" && ./ElderCare.Web backup "$work/drill.dump")
before=$(counts "$source_db")

echo "restore into $drill_db…"
psql -d postgres -qc "DROP DATABASE IF EXISTS \"$drill_db\"" -qc "CREATE DATABASE \"$drill_db\""
drill_conn=$(sed -E "s/(Database *= *)[^;]*/\1$drill_db/I" <<<"$conn")
(cd "$app" && ConnectionStrings__App="$drill_conn" ./ElderCare.Web restore "$work/drill.dump" --replace)

echo "verify…"
status=0
(cd "$app" && ConnectionStrings__App="$drill_conn" ./ElderCare.Web audit verify) || status=1
after=$(counts "$drill_db")
if [ "$before" != "$after" ]; then
  echo "row counts differ:"; diff <(tr ' ' '\n' <<<"$before") <(tr ' ' '\n' <<<"$after") || true
  status=1
fi
psql -d postgres -qc "DROP DATABASE \"$drill_db\""
if [ "$status" = 0 ]; then echo "restore drill passed: $(wc -w <<<"$after") tables, audit chain verified."; else echo "restore drill FAILED"; fi
exit "$status"
