import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Built exactly like the app and the line floor (same plugin, same node_modules, relative base), so
// that the difference in bytes is the app's own code, not a difference in build settings.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  // Into the gitignored results folder, also when built by hand with `vite build -c bench/floor-feed/vite.config.ts`.
  build: { outDir: fileURLToPath(new URL('../../bench-results/floor-feed-dist', import.meta.url)), emptyOutDir: true },
})
