import { describe, expect, it } from 'vitest'
import { parseBbcode, type BbNode } from './parse-bbcode'

/** The tree without positions, tags as [name, value, children]: what the renderer decides on. */
const shape = (nodes: BbNode[]): unknown[] =>
  nodes.map((n) => (typeof n === 'string' ? n : [n.tag, Object.keys(n.attrs)[0] ?? null, shape(n.content), n.end !== undefined]))

describe('parseBbcode', () => {
  it('nests tags in any case, with values in both forms and quotes taken off', () => {
    expect(shape(parseBbcode('a [B]b [i]c[/I][/b] [url="https://x.io/?a=1"]x[/url] [USER=5 REPLACE]Ann[/USER]'))).toEqual([
      'a ',
      ['B', null, ['b ', ['i', null, ['c'], true]], true],
      ' ',
      ['url', 'https://x.io/?a=1', ['x'], true],
      ' ',
      ['USER', '5 REPLACE', ['Ann'], true],
    ])
  })

  it('lets a tag with no closing tag after it stand alone, and keeps what follows as text', () => {
    expect(shape(parseBbcode('one[br]two [b]open'))).toEqual(['one', ['br', null, [], false], 'two ', ['b', null, [], false], 'open'])
  })

  it('keeps a stray closing tag, and a tag left open inside a closed one, as the text they were written as', () => {
    expect(shape(parseBbcode('x[/b] [b]bold [i]open[/b] after[/i]'))).toEqual(['x[/b] ', ['b', null, ['bold [i]open'], true], ' after[/i]'])
  })

  it('reads [code] literally, and leaves brackets that are not tags as text', () => {
    // A tag name starts with a letter: a quote header's date or a footnote mark is text.
    expect(shape(parseBbcode('[code][b]x[/b][/CODE] [1] [ ] [03.11.2026 10:00]'))).toEqual([['code', null, ['[b]x[/b]'], true], ' [1] [ ] [03.11.2026 10:00]'])
  })

  it('locates each tag as written, so an unknown one can be read back exactly', () => {
    const [node] = parseBbcode('[foo=bar]x[/FOO]') as [Exclude<BbNode, string>]
    expect(node.start).toEqual({ from: 0, to: 9 })
    expect(node.end).toEqual({ from: 10, to: 16 })
  })
})
