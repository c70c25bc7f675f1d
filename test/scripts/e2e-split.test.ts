import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module script, without types
import { splitSpecs, suiteSplit } from '../../scripts/e2e-split.mjs'

type Split = { files: string[]; time: number }[]

describe('e2e shards by measured time', () => {
  it('gives every spec file to exactly one shard', () => {
    const specs = readdirSync('test/e2e').filter((name) => name.endsWith('.spec.ts'))
    const split = suiteSplit(2) as Split
    expect(split.flatMap((shard) => shard.files).sort()).toEqual([...specs].sort())
  })

  it('balances time, not counts: one long file against many short ones', () => {
    const seconds = { 'long.spec.ts': 90, 'a.spec.ts': 30, 'b.spec.ts': 30, 'c.spec.ts': 30 }
    const split = splitSpecs(Object.keys(seconds), seconds, 2) as Split
    expect(split.map((shard) => shard.time)).toEqual([90, 90])
    expect(split[0]!.files).toEqual(['long.spec.ts'])
  })

  it('counts a file not measured yet as the median', () => {
    const seconds = { 'a.spec.ts': 10, 'b.spec.ts': 20, 'c.spec.ts': 40 }
    const split = splitSpecs(['a.spec.ts', 'b.spec.ts', 'c.spec.ts', 'new.spec.ts'], seconds, 2) as Split
    expect(split.map((shard) => shard.time).sort()).toEqual([40, 50])
  })

  it('keeps the suite within a minute between the two shards', () => {
    const [one, two] = suiteSplit(2) as Split
    expect(Math.abs(one!.time - two!.time)).toBeLessThan(60)
  })
})
