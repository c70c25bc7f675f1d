import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The floor page is built exactly like the app (same plugin, same node_modules, relative base) so
// that the difference in bytes is the app's own code, not a difference in build settings.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  // Into the gitignored results folder, also when built by hand with `vite build -c bench/floor/vite.config.ts`.
  build: { outDir: fileURLToPath(new URL('../../bench-results/floor-dist', import.meta.url)), emptyOutDir: true },
})
