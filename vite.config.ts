import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Relative asset paths: the production bundle is uploaded to portals as a static ZIP or served
// from any sub-path, so nothing may assume the site root.
export default defineConfig({
  base: './',
  plugins: [react()],
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
        },
      },
      {
        test: {
          name: 'portal',
          environment: 'node',
          include: ['test/portal/**/*.test.ts'],
        },
      },
    ],
  },
})
