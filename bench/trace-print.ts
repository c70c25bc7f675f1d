import type { RestEntry } from './in-frame/probe-api'
import type { TraceBreakdown } from './trace-analyse'

/** One traced opening: the probe's times (framed page's clock) and where its frame started on the host page's. */
export interface TracedOpening {
  /** The framed page's navigation start, ms after the host page's. */
  frameStart: number
  documentEnd: number
  handshakeAt: number | null
  firstArticle: number
  firstPaint: number
  composerReady: number | null
  rest: RestEntry[]
  scripts: RestEntry[]
  marks: { name: string; at: number }[]
  breakdown: TraceBreakdown
  /** Compressed bytes over the wire: each REST answer, and the framed page's scripts (all of them, lazy ones too). */
  bytes: { rest: number[]; scripts: number }
}

const ms = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '-' : `${n.toFixed(1)}`)

function table(title: string, header: string[], rows: (string | number | undefined)[][]): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' || c === undefined ? ms(c) : c)))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)))
  console.log(`\n${title}`)
  for (const [i, row] of cells.entries()) {
    console.log(row.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  '))
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
}

/** The steps to the first message, ms after the host page's navigation start. */
function steps(o: TracedOpening): Record<string, number | undefined> {
  const rest = [...o.rest].sort((a, b) => a.start - b.start)[0]
  const scriptsEnd = Math.max(...o.scripts.filter((s) => !rest || s.start < rest.start).map((s) => s.end))
  const host = (t: number | null | undefined) => (t === null || t === undefined || !Number.isFinite(t) ? undefined : o.frameStart + t)
  return {
    'frame navigation start': o.frameStart,
    'frame document received': host(o.documentEnd),
    'initial scripts loaded': host(scriptsEnd),
    'handshake answered (SDK ready)': host(o.handshakeAt),
    'REST request sent': host(rest?.start),
    'REST answered': host(rest?.end),
    'first message in the DOM': host(o.firstArticle),
    'first message painted': host(o.firstPaint),
    'composer takes typing': host(o.composerReady),
  }
}

const between = (s: Record<string, number | undefined>, a: string, b: string) => (s[a] === undefined || s[b] === undefined ? undefined : s[b]! - s[a]!)

function segments(o: TracedOpening): Record<string, number | undefined> {
  const s = steps(o)
  return {
    'card → frame navigation': s['frame navigation start'],
    'frame document': between(s, 'frame navigation start', 'frame document received'),
    'initial scripts (document → last script loaded)': between(s, 'frame document received', 'initial scripts loaded'),
    'handshake (scripts loaded → SDK ready)': between(s, 'initial scripts loaded', 'handshake answered (SDK ready)'),
    'SDK ready → REST sent': between(s, 'handshake answered (SDK ready)', 'REST request sent'),
    'network (REST sent → answered)': between(s, 'REST request sent', 'REST answered'),
    'answer → first message in the DOM': between(s, 'REST answered', 'first message in the DOM'),
    'DOM → painted frame': between(s, 'first message in the DOM', 'first message painted'),
    'total to the first message': s['first message painted'],
  }
}

function sideBySide(title: string, app: Record<string, number | undefined>, floor: Record<string, number | undefined>, limit = Infinity): void {
  const keys = [...new Set([...Object.keys(app), ...Object.keys(floor)])]
  const rows = keys.map(
    (k) =>
      [k, app[k], floor[k], app[k] === undefined ? undefined : app[k]! - (floor[k] ?? 0)] as [
        string,
        number | undefined,
        number | undefined,
        number | undefined,
      ],
  )
  table(title, ['', 'app ms', 'floor ms', 'gap ms'], rows.slice(0, limit))
}

export function printTrace(condition: string, app: TracedOpening, floor: TracedOpening, totals: { app: number[]; feed: number[] }): void {
  const list = (ns: number[]) => ns.map((n) => n.toFixed(0)).join(', ')
  console.log(`\n=== ${condition}: the app against the 50-article floor ===`)
  console.log(
    `Time to the first message in every traced opening: app ${list(totals.app)} ms; floor ${list(totals.feed)} ms. Shown: the median opening of each.`,
  )
  console.log(
    `Bytes over the wire (compressed): REST answers app ${app.bytes.rest.join(', ')}, floor ${floor.bytes.rest.join(', ')}; scripts app ${app.bytes.scripts}, floor ${floor.bytes.scripts} (the app's include chunks loaded after its first message)`,
  )
  sideBySide('Steps, ms after the card (host page) started navigating', steps(app), steps(floor))
  sideBySide('Segments to the first message', segments(app), segments(floor))
  sideBySide("Framed page's main thread until its first message (CPU ms; the profile's rows are sampled)", app.breakdown.mainThread, floor.breakdown.mainThread)
  for (const [name, o] of [
    ['app', app],
    ['50-article floor', floor],
  ] as const) {
    const rows = Object.entries(o.breakdown.chunks)
      .filter(([, c]) => c.jsMs + c.compileMs + c.backgroundParseMs >= 0.05)
      .sort((a, b) => b[1].jsMs + b[1].compileMs - (a[1].jsMs + a[1].compileMs))
      .map(([chunk, c]) => [chunk, c.compileMs, c.backgroundParseMs, c.jsMs])
    table(`Script per chunk, ${name}, until the first message`, ['chunk', 'compile (main) ms', 'parse (background, CPU) ms', 'JS self ms'], rows)
  }
  const byApp = Object.fromEntries(Object.entries(app.breakdown.sources).sort((a, b) => b[1] - a[1]))
  sideBySide('JS self time by source until the first message (app order; top 30)', byApp, floor.breakdown.sources, 30)
  const marks = app.marks.filter((m) => m.name.startsWith('tc:'))
  if (marks.length === 0) console.log("\nThe app's tc: marks: none")
  else
    table(
      "The app's tc: marks, ms after the card started navigating",
      ['mark', 'at ms'],
      marks.map((m) => [m.name, app.frameStart + m.at]),
    )
}
