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
  return `${r.date.slice(0, 10)}, median of ${r.runs} runs, Node ${r.environment.node}, ${r.environment.chromium}, ${r.environment.cpus} cores (load ${r.environment.loadAvg.map((n) => n.toFixed(1)).join(' → ')}), ${Math.round(r.seconds)} s in all`
}

export async function writeResults(r: BenchResults, rows: Row[]): Promise<void> {
  await writeFile(`${RESULTS_DIR}/bench.json`, `${JSON.stringify({ ...r, table: rows }, null, 2)}\n`)
  await writeFile(`${RESULTS_DIR}/bench.md`, `# Benchmark\n\n${stamp(r)}\n\n${markdownTable(rows)}\n`)
}

/** How to run it and how each figure is measured; the table under it is replaced by every run. */
const EXPLANATION = `\`npm run bench\` builds the app into \`bench-results/app-dist\` and a *floor* page (\`bench/floor/\`:
React, the SDK's \`initializeB24Frame\`, a TanStack \`QueryClient\`, \`useVirtualizer\`, one \`tasks.task.get\`, one painted
line) into \`bench-results/floor-dist\`, starts the local portal on 8383 with the app on 5383 and the floor on 5384 (the
same task card frames either) and a second portal on 8384 for the conversation figures (8–12, 14), drives Debian's headless
Chromium with Playwright, prints the table and writes \`bench-results/bench.{json,md}\` (about 6 minutes on 2 cores; a
report: it exits 0 whatever is over budget).
\`BENCH_RUNS=1 npm run bench\` is a quicker look. Each figure is the median of 3 runs, each in a fresh browser context;
a probe injected into the app frame measures on the frame's own clock. (1) \`/rest/\` requests the app frame started
before the first \`article\` was put in the DOM (timed at the insertion), and round trips = waves of requests not in flight at the same time
(resource timing); (2) host page navigation start to the animation frame that first shows a message, demo task 1,
portal latency 0 and 150 ms, beside the floor's time to its line, measured alternately in the same run; (3) the entry
chunk named in \`index.html\` and its static imports, and any other \`.js\` the frame asked for before its first message
in the runs of (2), gzip -9, beside the floor's; (4) \`article\` elements in the DOM with 10,000 messages of task 100
loaded (the feed jumped to its top every frame until then; the count is checked against the newest message's
position), against two viewports' worth = scroller height / median article height x 2; (5) \`longtask\` entries and
\`requestAnimationFrame\` deltas in the app frame while scrolling from the newest message back through 5,000 of them
at 400 px per frame, and the long tasks while the pages came in; (6) \`/rest/\` requests while paging per 1,000
messages added, without the live poll and the re-read of the window on screen (timed, not caused by scrolling; with them beside), on a modern portal (10,000)
and a legacy one (no tail and no search: \`im.dialog.messages.get\` only, 3,000), and the most requests in any second after the session's first 50 (the leaky
bucket's burst), with how full a 2/s bucket got and the 503s answered; (7) the app renderer's used JS heap after a
CDP \`HeapProfiler.collectGarbage\`, 10,000 loaded, and again after, with those loaded, "Show in chat" on a task result
15,000 messages back (made before the card opened) and then "Jump to latest". The conversation figures run on the
second portal beside the legacy runs: (8) \`/rest/\` requests of a card of task 1 left open, counted over 90 s after
30 s open (time to back off), per minute, visible, and told it is hidden (\`visibilityState\`, as the e2e suite does)
right after it opened; (9) "Results only" on, "Show in chat" on a task result about 5,000 messages behind the newest of
task 100, from the click's event time to focus on that message's \`article\`, and the \`/rest/\` requests and round
trips started in between; (10) two tabs of task 1 in one browser context (shared storage, Web Locks,
BroadcastChannel), both visible, counted as in (8), against one tab; (11) another member posts 10 messages into task
5's open card, one every 3 s (\`im.message.add\`), 3 times: from sending each to the animation frame that first shows
its text in the feed's viewport; and meanwhile, after the 4th, 6th and 8th, the message posted two before is edited,
liked by a third member (\`im.message.like\`) and deleted: from the call to the frame that first shows the change in
that message's \`article\`, the median of the 9; (12) in task 6's open card, after 30 s open and 0, 7 or 14 s more (the
card quiet, met at different points of its poll), a message shown is edited, deleted or liked by someone else, one kind
a card: timed the same way (60 s at most), the worst of the 3; (14) after the rest of the window, cards of tasks 1, 5,
6, 7 and 100 (every chat user 1 is in) opened one after another as tabs of one browser context, all visible, their
\`/rest/\` requests together counted as in (8). \`BENCH_ONLY=live npm run bench\` runs (8), (10), (11), (12) and
(14) alone and prints them (\`BENCH_ONLY=paging-tabs\`: (13) alone).`

/** Replaces everything from "## Benchmark" (the README's last section) with the explanation and this run's table. */
export async function updateReadme(r: BenchResults, rows: Row[]): Promise<void> {
  const readme = await readFile('README.md', 'utf8')
  const at = readme.search(/^## Benchmark\s*$/m)
  const before = at === -1 ? `${readme.trimEnd()}\n\n` : readme.slice(0, at)
  await writeFile('README.md', `${before}## Benchmark\n\n${EXPLANATION}\n\nLatest run (${stamp(r)}):\n\n${markdownTable(rows)}\n`)
}
