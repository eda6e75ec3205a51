#!/usr/bin/env bash
# `npm test`: type check, lint and formatting check, unit and integration tests (real SQLite, Meilisearch, SMTP),
# then the end-to-end journeys in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== Vérification des types"
npx tsc --noEmit
echo "== Lint"
npx eslint .
echo "== Mise en forme (Prettier)"
npx prettier --check .
echo "== Tests unitaires et d'intégration"
npx vitest run
echo "== Parcours de bout en bout (Chromium)"
npx playwright test
