import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { earlyScript } from './build/early-script'

// Relative asset paths: the production bundle is uploaded to portals as a static ZIP or served
// from any sub-path, so nothing may assume the site root.
export default defineConfig({
  base: './',
  // The Intl warm-up (src/i18n/warm-intl.ts) runs before the task card's libraries have loaded.
  plugins: [react(), earlyScript({ page: 'index.html', entry: 'warm-intl' })],
  build: {
    // Three pages: the task chat (placement handler), the install page, and the messenger's
    // "Make task result" menu item.
    rollupOptions: {
      input: { main: 'index.html', install: 'install.html', 'context-menu': 'context-menu.html', 'warm-intl': 'src/i18n/warm-intl.ts' },
      output: {
        // What two or more entries or chunks share goes into one file rather than six small ones
        // (each compressed on its own): the libraries, the platform, the SDK edge, the i18n core, and
        // what every page boots with (the boot shell, the wire schemas, who the viewer is).
        // Not TanStack Query and its client (the screen's and the small pages': the first frame reads
        // without them), nor the virtualizer (the screen's alone): in the shared file, which the task
        // card loads first, the first message would wait for them. Catalogues stay one file per language.
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: /node_modules[\\/](?!@tanstack[\\/])|src[\\/](platform[\\/](?!query-client)|b24[\\/](?!pacer)|i18n[\\/]i18n|app[\\/](session-ready|boot-|error-boundary)|chat[\\/](wire\.|conversation[\\/]viewer))/,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
  server: { host: 'localhost', port: 5173, strictPort: true },
  test: {
    // The JSON report is what .ci/run counts; the default reporter is for people.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/setup-dom.ts'],
          // Component tests boot the real SDK against an in-process portal: allow for real HTTP on a
          // loaded 2-core machine (a boot wait of 10 s plus a portal check of 10 s must fit).
          testTimeout: 30_000,
          // Processed by Vitest rather than loaded by Node, so vi.resetModules() gives each test a
          // fresh SDK: it keeps one frame per page in module state, and each test is a new page.
          server: { deps: { inline: ['@bitrix24/b24jssdk'] } },
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
    ],
  },
})
