import { readFileSync, readdirSync } from 'node:fs'

/**
 * The spec files split into `shards` lists of about equal running time: the longest first, each to
 * the shard with the least time so far. Playwright's own --shard splits by test count, and the
 * suite's files differ tenfold in time (the paging spec alone takes a minute and a half), which left
 * one shard a minute or two behind the other. A file not measured yet counts as the median.
 */
export function splitSpecs(files, seconds, shards) {
  const known = files
    .map((file) => seconds[file])
    .filter((s) => typeof s === 'number')
    .sort((a, b) => a - b)
  const median = known.length > 0 ? known[Math.floor(known.length / 2)] : 1
  const timed = files.map((file) => ({ file, time: seconds[file] ?? median }))
  // Longest first; equal times by name, so that the split is the same on every machine.
  timed.sort((a, b) => b.time - a.time || a.file.localeCompare(b.file))
  const lists = Array.from({ length: shards }, () => ({ files: [], time: 0 }))
  for (const { file, time } of timed) {
    const least = lists.reduce((min, list) => (list.time < min.time ? list : min))
    least.files.push(file)
    least.time += time
  }
  return lists
}

/** The suite's spec files (test/e2e/*.spec.ts) and their measured seconds (e2e-durations.json). */
export function suiteSplit(shards) {
  const files = readdirSync(new URL('../test/e2e/', import.meta.url)).filter((name) => name.endsWith('.spec.ts'))
  const { seconds } = JSON.parse(readFileSync(new URL('./e2e-durations.json', import.meta.url), 'utf8'))
  return splitSpecs(files, seconds, shards)
}
