#!/usr/bin/env bash
# Adds a migration for a model change to both migration sets (ADR 3), with EF Core's own tool:
#   scripts/add-migration.sh AddRoomToSlots
# writes Infrastructure/Data/Migrations/Sqlite/<time>_AddRoomToSlots.cs and …/Postgres/<time>_AddRoomToSlots.cs,
# each with its updated model snapshot. Review both, then run the tests. Nothing connects to a database.
# To take back the last migration of both sets: scripts/add-migration.sh --remove
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export NUGET_CERT_REVOCATION_MODE="${NUGET_CERT_REVOCATION_MODE:-offline}"

name="${1:-}"
if [[ ! "$name" =~ ^(--remove|[A-Z][A-Za-z0-9]*)$ ]]; then
  echo "usage: scripts/add-migration.sh <MigrationName in PascalCase> | --remove" >&2
  exit 2
fi

dotnet tool restore >/dev/null
project=src/Driehoek.Web
dotnet build "$project" -c Debug --nologo -v quiet
for provider in Sqlite Postgres; do
  if [[ "$name" == "--remove" ]]; then
    # --force: the design-time contexts point at no real database, so there is nothing to check or revert.
    dotnet ef migrations remove --project "$project" --context "${provider}AppDbContext" --no-build --force
  else
    dotnet ef migrations add "$name" --project "$project" --context "${provider}AppDbContext" \
      --output-dir "Infrastructure/Data/Migrations/$provider" --no-build
  fi
done
