import { defineConfig } from '@playwright/test'

// Ports of their own so a developer's `npm start` (8080/5173) can keep running beside the tests.
// E2E_PORT, E2E_APP_PORT and E2E_DIST let two runs share a machine (each its own portal, app and build).
const portalPort = Number(process.env['E2E_PORT'] ?? 8181)
const appPort = Number(process.env['E2E_APP_PORT'] ?? 5181)
const dist = process.env['E2E_DIST'] ?? 'dist'
// Set by scripts/e2e-shards.mjs: each shard its own report and artefacts.
const shard = process.env['E2E_SHARD'] ?? ''
export const PORTAL = `http://127.0.0.1:${portalPort}`
export const APP = `http://localhost:${appPort}/`

export default defineConfig({
  testDir: 'test/e2e',
  // One portal, one state: specs reset it and must not race each other.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: `reports/playwright${shard}.json` }]],
  outputDir: `test-results${shard}`,
  use: {
    baseURL: PORTAL,
    // Tall enough for the whole task card, so "in viewport" means visible in the app's own scroller.
    viewport: { width: 1280, height: 960 },
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download cannot work on our machines.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', headless: true } }],
  webServer: {
    command: `npx vite build --outDir ${dist} --emptyOutDir && tsx test/portal/start.ts`,
    env: { PORT: String(portalPort), APP_PORT: String(appPort), APP_MODE: 'dist', APP_DIST: dist, PORTAL_DATA: `.portal-data/e2e-${portalPort}` },
    url: `${PORTAL}/__portal/conditions`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
})
