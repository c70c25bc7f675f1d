// Runs the Playwright suite as shards side by side, each with its own local portal, app server and
// build (E2E_PORT, E2E_APP_PORT, E2E_DIST), so the browser tests take about half the wall time on a
// 2-core machine: most of a spec's time is spent waiting on the portal, not on the CPU. The shards
// get spec files of about equal measured time (e2e-split.mjs), not equal test counts.
// Arguments (spec files, --grep, ...) run one ordinary Playwright process instead.
// E2E_SHARDS=1 runs the suite in one process, as before.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { suiteSplit } from './e2e-split.mjs'

const args = process.argv.slice(2)
const shards = args.length > 0 ? 1 : Math.max(1, Number(process.env['E2E_SHARDS'] ?? 2))
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const split = shards > 1 ? suiteSplit(shards) : []

function run(index) {
  const env = { ...process.env }
  const shardArgs = []
  if (shards > 1) {
    env['E2E_PORT'] = String(8181 + index)
    env['E2E_APP_PORT'] = String(5181 + index)
    env['E2E_DIST'] = `dist-e2e-${index + 1}`
    env['E2E_SHARD'] = `-${index + 1}`
    shardArgs.push(...split[index].files.map((file) => `test/e2e/${file}`))
  }
  const child = spawn(npx, ['playwright', 'test', ...shardArgs, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  const prefix = shards > 1 ? `[${index + 1}/${shards}] ` : ''
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(prefix + line))
  }
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)))
}

const codes = await Promise.all(Array.from({ length: shards }, (_, i) => run(i)))
process.exit(codes.every((code) => code === 0) ? 0 : 1)
