// Sums the JSON reports of Vitest and Playwright into the one line CI reads.
// A failing step that produced no report (lint, type check, a crashed runner) counts as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs'

const status = Number(process.argv[2] ?? 0)
let passed = 0
let failed = 0

if (existsSync('reports/vitest.json')) {
  const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8'))
  passed += v.numPassedTests ?? 0
  failed += v.numFailedTests ?? 0
}
// One report per Playwright shard (scripts/e2e-shards.mjs): playwright.json, or playwright-1.json, -2, ...
const playwrightReports = existsSync('reports') ? readdirSync('reports').filter((f) => /^playwright(-\d+)?\.json$/.test(f)) : []
for (const file of playwrightReports) {
  const p = JSON.parse(readFileSync(`reports/${file}`, 'utf8'))
  passed += p.stats?.expected ?? 0
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0)
}
if (status !== 0 && failed === 0) failed = 1

console.log(`${passed} passed, ${failed} failed`)
process.exit(status === 0 && failed === 0 ? 0 : 1)
