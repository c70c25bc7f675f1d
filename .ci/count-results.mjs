// Sums the JSON reports of Vitest and Playwright into the one line CI reads.
// A failing step that produced no report (lint, type check, a crashed runner) counts as one failure.
import { existsSync, readFileSync } from 'node:fs'

const status = Number(process.argv[2] ?? 0)
let passed = 0
let failed = 0

if (existsSync('reports/vitest.json')) {
  const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8'))
  passed += v.numPassedTests ?? 0
  failed += v.numFailedTests ?? 0
}
if (existsSync('reports/playwright.json')) {
  const p = JSON.parse(readFileSync('reports/playwright.json', 'utf8'))
  passed += p.stats?.expected ?? 0
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0)
}
if (status !== 0 && failed === 0) failed = 1

console.log(`${passed} passed, ${failed} failed`)
process.exit(status === 0 && failed === 0 ? 0 : 1)
