/**
 * Reads a Chromium trace of one cold card opening (trace-first-paint.ts): what the framed page's
 * renderer did from its navigation start to the frame that first showed a message, on its main
 * thread (script, style, layout, paint) and in its CPU profile (JS self time by chunk and by our
 * source file, through the chunk's source map).
 */
import { join } from 'node:path'
import { sourceMapOf } from './trace-sources'

interface TraceEvent {
  name: string
  cat?: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  id?: string
  args?: { data?: Record<string, unknown> } & Record<string, unknown>
}

interface ProfileNode {
  id: number
  parent?: number
  callFrame: { functionName: string; url?: string; scriptId: number; lineNumber?: number; columnNumber?: number; codeType?: string }
}

export interface TraceBreakdown {
  /** Main-thread CPU time (ms) by kind, inside the window (the profile's rows: sampled). */
  mainThread: Record<string, number>
  /** Per chunk (file name): compile on the main thread, parse off it (CPU time) and JS self time. */
  chunks: Record<string, { compileMs: number; backgroundParseMs: number; jsMs: number }>
  /** JS self time (ms) by source area (src/… file, node_modules/<package>, or the chunk where no map says). */
  sources: Record<string, number>
}

/** Main-thread trace events by what they are; sums of complete ('X') events, clipped to the window. */
const KINDS: Record<string, string> = {
  RunTask: 'busy (all tasks)',
  ParseHTML: 'HTML parse',
  ParseAuthorStyleSheet: 'CSS parse',
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'paint (pre-paint, paint, layerize, commit)',
  Paint: 'paint (pre-paint, paint, layerize, commit)',
  Layerize: 'paint (pre-paint, paint, layerize, commit)',
  Commit: 'paint (pre-paint, paint, layerize, commit)',
  'v8.compileModule': 'script compile on the main thread',
  'v8.compile': 'script compile on the main thread',
}

const fileOf = (url: string | undefined): string => (url ? (url.split('/').pop() ?? url) : '(no url)')

/**
 * `origin`: the framed page's (to find its renderer); `syncMark`: a performance.mark() made in the
 * frame while tracing, to put the frame's clock on the trace's; `windowMs`: the frame's time of
 * its first message's frame; `distDir`: where the chunks (and their maps) were built.
 */
export function analyseTrace(events: TraceEvent[], origin: string, syncMark: string, windowMs: number, distDir: string): TraceBreakdown {
  const committed = events.find((e) => e.name === 'FrameCommittedInBrowser' && String(e.args?.data?.['url'] ?? '').startsWith(origin))
  const pid = committed?.args?.data?.['processId'] as number | undefined
  if (pid === undefined) throw new Error(`no renderer for ${origin} in the trace`)
  const sync = events.find((e) => e.pid === pid && e.name === syncMark)
  if (!sync) throw new Error(`no ${syncMark} mark in the trace`)
  const from = sync.ts - Number(sync.args?.data?.['startTime']) * 1000
  const to = from + windowMs * 1000
  const overlapMs = (e: TraceEvent) => Math.max(0, Math.min(e.ts + (e.dur ?? 0), to) - Math.max(e.ts, from)) / 1000
  /**
   * The thread's CPU time (tdur) of the part inside the window: on a machine shared with other work
   * the wall time (dur) also counts the time the thread waited for a core.
   */
  const cpuMs = (e: TraceEvent) => (e.dur ? overlapMs(e) * ((e.tdur ?? e.dur) / e.dur) : 0)

  const mainThread: Record<string, number> = {}
  const chunks: TraceBreakdown['chunks'] = {}
  const chunk = (name: string) => (chunks[name] ??= { compileMs: 0, backgroundParseMs: 0, jsMs: 0 })
  const urlOfScript = new Map<number, string>()
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X') continue
    const data = e.args?.data
    if (typeof data?.['scriptId'] === 'number' && typeof data['url'] === 'string') urlOfScript.set(data['scriptId'], data['url'])
    if (e.tid === pid && KINDS[e.name]) {
      mainThread[KINDS[e.name]!] = (mainThread[KINDS[e.name]!] ?? 0) + cpuMs(e)
      if (e.name.startsWith('v8.compile') && typeof data?.['url'] === 'string') chunk(fileOf(data['url'])).compileMs += cpuMs(e)
    }
    // Streamed off the main thread: its CPU time (tdur), counted when it started inside the window.
    if (e.tid !== pid && e.name === 'v8.parseOnBackground' && e.ts < to && typeof data?.['url'] === 'string')
      chunk(fileOf(data['url'])).backgroundParseMs += (e.tdur ?? e.dur ?? 0) / 1000
  }

  // The CPU profile: a Profile event and its ProfileChunks (nodes, samples, time deltas in µs).
  const profile = events.find((e) => e.pid === pid && e.name === 'Profile')
  const nodes = new Map<number, ProfileNode>()
  const samples: { node: number; at: number }[] = []
  let at = Number(profile?.args?.data?.['startTime'] ?? 0)
  for (const e of events) {
    if (e.pid !== pid || e.name !== 'ProfileChunk' || e.id !== profile?.id) continue
    const cpu = e.args?.data?.['cpuProfile'] as { nodes?: ProfileNode[]; samples?: number[] } | undefined
    const deltas = (e.args?.data?.['timeDeltas'] as number[] | undefined) ?? []
    for (const node of cpu?.nodes ?? []) nodes.set(node.id, node)
    ;(cpu?.samples ?? []).forEach((node, i) => samples.push({ node, at: (at += deltas[i] ?? 0) }))
  }
  const sources: Record<string, number> = {}
  // A sample stands for the time to the next one, but at most a few sampling intervals: a longer gap
  // is the thread (or the sampler) waiting for a core, not running the function sampled.
  const gaps = samples.slice(1).map((s, i) => s.at - samples[i]!.at)
  const interval = gaps.length > 0 ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : 0
  for (let i = 0; i < samples.length - 1; i++) {
    const { node: id, at: t } = samples[i]!
    if (t < from || t >= to) continue
    const ms = Math.min(Math.min(samples[i + 1]!.at, to) - t, interval * 5) / 1000
    const frame = nodes.get(id)?.callFrame
    if (!frame) continue
    const special = /^\((idle|program|garbage collector|root)\)$/.exec(frame.functionName)?.[1]
    if (special === 'idle') continue
    if (special) {
      const kind = special === 'garbage collector' ? 'GC (profile)' : 'native and other (profile)'
      mainThread[kind] = (mainThread[kind] ?? 0) + ms
      continue
    }
    mainThread['JS (profile self time)'] = (mainThread['JS (profile self time)'] ?? 0) + ms
    const url = frame.url || urlOfScript.get(frame.scriptId)
    const file = fileOf(url)
    chunk(file).jsMs += ms
    const own = url?.startsWith(origin) ? sourceMapOf(join(distDir, new URL(url).pathname)) : null
    const area = own?.at(frame.lineNumber ?? 0, frame.columnNumber ?? 0) ?? (url ? `${file} (no map)` : `(${frame.functionName || 'anonymous'}, no script)`)
    sources[area] = (sources[area] ?? 0) + ms
  }
  return { mainThread, chunks, sources }
}
