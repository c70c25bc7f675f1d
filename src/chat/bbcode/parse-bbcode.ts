/** Text, or a tag with its content; `start`/`end` locate how the tag was written (for tags read back as text). */
export type BbNode = string | BbTag
interface BbTag {
  tag: string
  /** `[tag=value]` (or `[tag value]`) as `{ value: value }`, what was written after the name. */
  attrs: Record<string, string>
  content: BbNode[]
  start: { from: number; to: number }
  end?: { from: number; to: number }
}

/** `[name]`, `[name=value]`, `[name value]` or `[/name]`; a name starts with a letter. */
const TAG = /\[(\/?)([a-z][a-z0-9*_-]*)(?:([= ])([^\]]*))?\]/gi
/** Their content is text, never tags. */
const LITERAL = new Set(['code'])

const unquote = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, '$2')

/**
 * What portals write that the tree would read wrongly, made plain first (callers parse and render the
 * result, so what a tag was written as is sliced from the same string):
 * - `[user=all]` is written without a closing tag; it would be read as text when the same message
 *   also holds a closed [user] tag, so it is closed.
 * - The legacy reader's text parse (Im\Text::parse) wraps a bare address in [URL] even inside [IMG],
 *   where `]` ends the word: `[IMG][URL]https://…/a.png[/IMG][/URL]`. The image's address is unwrapped.
 */
export function normalizeBbcode(source: string): string {
  return source
    .replace(/\[user=all\](?!\s*\[\/user\])/gi, (m) => `${m}[/USER]`)
    .replace(/(\[img(?:[= ][^\]]*)?\])\s*\[url\]([^[\]]*)(?:\[\/url\]\s*\[\/img\]|\[\/img\]\s*\[\/url\])/gi, '$1$2[/IMG]')
}

/**
 * Bitrix BB-code into a tree, for the allow-listed renderer (which decides what any tag becomes).
 * Lenient like the portal's own messenger: a tag with no closing tag after it stands alone
 * (`[br]`, `[user=all]`, or `[b]` left open, which then marks nothing); a closing tag with nothing
 * open to close, and a tag left open inside one closed around it, are kept as the text they were
 * written as; tag names in any case.
 */
export function parseBbcode(source: string): BbNode[] {
  const lower = source.toLowerCase()
  const root: BbTag = { tag: '', attrs: {}, content: [], start: { from: 0, to: 0 } }
  const open: BbTag[] = [root]
  const top = () => open[open.length - 1]!
  const text = (value: string) => {
    if (!value) return
    const content = top().content
    const last = content.length - 1
    if (typeof content[last] === 'string') content[last] += value
    else content.push(value)
  }
  // A tag still open where an enclosing one closes, or at the end: the text it was written as, then its content.
  const unwind = (node: BbTag) => {
    open.pop()
    // It was the last thing its parent got: everything since went into it.
    top().content.pop()
    text(source.slice(node.start.from, node.start.to))
    for (const child of node.content) {
      if (typeof child === 'string') text(child)
      else top().content.push(child)
    }
  }

  let at = 0
  TAG.lastIndex = 0
  for (let match = TAG.exec(source); match; match = TAG.exec(source)) {
    const [written, slash, name, , value] = match
    const from = match.index
    const to = from + written.length
    const key = name!.toLowerCase()
    text(source.slice(at, from))
    at = to
    if (slash) {
      let index = open.length - 1
      while (index > 0 && open[index]!.tag.toLowerCase() !== key) index--
      if (index === 0) {
        text(written)
        continue
      }
      while (open.length - 1 > index) unwind(top())
      const node = open.pop()!
      node.end = { from, to }
      continue
    }
    const node: BbTag = { tag: name!, attrs: value === undefined ? {} : { [unquote(value)]: unquote(value) }, content: [], start: { from, to } }
    const close = lower.indexOf(`[/${key}]`, to)
    top().content.push(node)
    if (close < 0) continue
    if (LITERAL.has(key)) {
      // Literal up to its closing tag: nothing inside is a tag.
      if (close > to) node.content.push(source.slice(to, close))
      node.end = { from: close, to: close + key.length + 3 }
      at = TAG.lastIndex = node.end.to
      continue
    }
    open.push(node)
  }
  text(source.slice(at))
  while (open.length > 1) unwind(top())
  return root.content
}
