#!/usr/bin/env bash
# Adds a migration named $1 to both providers (DESIGN.md: every model change ships both migration sets).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/ElderCare.Web --context "${provider}AppDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "ElderCare.Web.Data.Migrations.$provider"
done
# With a new migrations folder EF places the model snapshot by namespace; keep it beside its migrations.
for provider in Sqlite Postgres; do
  stray="src/ElderCare.Web/ElderCare/Web/Data/Migrations/$provider"
  if [ -d "$stray" ]; then mv "$stray"/*.cs "src/ElderCare.Web/Data/Migrations/$provider/"; fi
done
rm -rf src/ElderCare.Web/ElderCare
