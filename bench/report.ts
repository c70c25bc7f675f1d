import { readFile, writeFile } from 'node:fs/promises'
import { RESULTS_DIR } from './config'
import type { BenchResults, Row } from './results'

const HEADER = ['Figure', 'App', 'Reference', 'Budget', 'Verdict'] as const
const cells = (row: Row): string[] => [row.figure, row.app, row.reference, row.budget, row.verdict === 'over' ? 'OVER' : row.verdict]

/** The table as aligned plain text for the terminal. */
export function textTable(rows: Row[]): string {
  const all = [[...HEADER], ...rows.map(cells)]
  const widths = HEADER.map((_, i) => Math.max(...all.map((line) => line[i]!.length)))
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n')
}

function markdownTable(rows: Row[]): string {
  const escape = (v: string) => v.replaceAll('|', '\\|')
  return [`| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cells(r).map(escape).join(' | ')} |`)].join('\n')
}

export function overBudget(rows: Row[]): Row[] {
  return rows.filter((r) => r.verdict === 'over')
}

function stamp(r: BenchResults): string {
  return `${r.date.slice(0, 10)}, median of ${r.firstPaintRuns !== undefined && r.firstPaintRuns !== r.runs ? `${r.firstPaintRuns} runs (first paint) and ${r.runs} (the rest)` : `${r.runs} runs`}, Node ${r.environment.node}, ${r.environment.chromium}, ${r.environment.cpus} cores (load ${r.environment.loadAvg.map((n) => n.toFixed(1)).join(' → ')}), ${Math.round(r.seconds)} s in all`
}

export async function writeResults(r: BenchResults, rows: Row[]): Promise<void> {
  await writeFile(`${RESULTS_DIR}/bench.json`, `${JSON.stringify({ ...r, table: rows }, null, 2)}\n`)
  await writeFile(`${RESULTS_DIR}/bench.md`, `# Benchmark\n\n${stamp(r)}\n\n${markdownTable(rows)}\n`)
}

/** How to run it, in short; how each figure is measured is docs/benchmark.md. The table under it is replaced by every run. */
const EXPLANATION = `\`npm run bench\` (about 6 minutes on 2 cores; \`BENCH_RUNS=1\` for a quicker look) prints this table and writes it here;
how each figure is measured: [docs/benchmark.md](docs/benchmark.md).`

/** Replaces everything from "## Benchmark" (the README's last section) with the explanation and this run's table. */
export async function updateReadme(r: BenchResults, rows: Row[]): Promise<void> {
  const readme = await readFile('README.md', 'utf8')
  const at = readme.search(/^## Benchmark\s*$/m)
  const before = at === -1 ? `${readme.trimEnd()}\n\n` : readme.slice(0, at)
  await writeFile('README.md', `${before}## Benchmark\n\n${EXPLANATION}\n\nLatest run (${stamp(r)}):\n\n${markdownTable(rows)}\n`)
}
