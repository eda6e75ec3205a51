#!/usr/bin/env bash
# `npm test`: type check, lint and formatting check, unit and integration tests (real SQLite, Meilisearch, SMTP),
# the same integration tests on PostgreSQL with several portal processes, then the end-to-end journeys in Chromium
# on SQLite, then on PostgreSQL.
# PostgreSQL: a throwaway cluster of Debian's server (scripts/postgres-cluster.ts); without one installed the
# PostgreSQL part is skipped with a warning, unless REQUIRE_POSTGRESQL=1 (as in .ci/run), which makes it fail.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== Vérification des types"
npx tsc --noEmit
echo "== Lint"
npx eslint .
echo "== Mise en forme (Prettier)"
npx prettier --check .
echo "== Tests unitaires et d'intégration (SQLite)"
npx vitest run

if compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
  PG_DIR=$(mktemp -d /tmp/ccas-pg-XXXXXX)
  trap 'npx tsx scripts/postgres-cluster.ts stop "$PG_DIR" || true' EXIT
  PG_URL=$(npx tsx scripts/postgres-cluster.ts start "$PG_DIR")
  echo "== Tests unitaires et d'intégration (PostgreSQL, grappe jetable $PG_URL)"
  TEST_POSTGRESQL_URL="$PG_URL" npx vitest run
  echo "== Deux processus du portail sur une base PostgreSQL et un Meilisearch externe"
  TEST_POSTGRESQL_URL="$PG_URL" npx vitest run --config vitest.processes.config.ts
elif [ "${REQUIRE_POSTGRESQL:-0}" = "1" ]; then
  echo "PostgreSQL est requis (REQUIRE_POSTGRESQL=1) mais aucun serveur n'est installé : apt-get install -y postgresql" >&2
  exit 1
else
  echo "== PostgreSQL absent de cette machine : tests PostgreSQL NON exécutés (apt-get install -y postgresql pour les lancer)"
fi

echo "== Parcours de bout en bout (Chromium, SQLite)"
npx playwright test
if [ -n "${PG_URL:-}" ]; then
  echo "== Parcours de bout en bout (Chromium, PostgreSQL)"
  E2E_DATABASE_URL="${PG_URL%/postgres}/parcours" npx playwright test
fi
