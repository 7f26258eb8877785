#!/usr/bin/env bash
# Every check and every test: types, lint, unit and integration tests (embedded PGlite always, real
# PostgreSQL too when TEST_DATABASE_URL is set) and the browser journeys. Ends with the line
# "N passed, N failed" for the whole run.
set -uo pipefail
cd "$(dirname "$0")/.."

reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
status=0

echo "== Type check"
npx tsc --noEmit || status=1
echo "== Lint"
npx biome check . || status=1

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "== TEST_DATABASE_URL is not set: integration tests run on embedded PGlite only"
fi
echo "== Unit and integration tests"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit.json" || status=1
echo "== Browser tests"
npx vitest run --config e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$reports/e2e.json" || status=1

node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) { failed += 1; console.log(`(no report at ${file}: that suite did not run)`); continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  }
  console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (failed > 0) process.exitCode = 1;
' "$reports/unit.json" "$reports/e2e.json" || status=1

exit $status
