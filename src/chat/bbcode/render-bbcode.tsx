import { Fragment, type ReactNode } from 'react'
import { createTranslator, type Translator } from '../../i18n/i18n'
import { highlightText, termPattern } from './highlight'
import { normalizeBbcode, parseBbcode } from './parse-bbcode'
import { renderCode } from './render-codes'
import { readableColor } from './readable-color'
import { safeColor, safeFontSize, safeHref } from './safe-url'

type Node = string | number | null | TagNode
interface TagNode {
  tag: string
  attrs?: Record<string, unknown>
  content?: Node | Node[] | null
  start?: { from: number; to: number }
  end?: { from: number; to: number }
}

export interface RenderContext {
  /** Display name for a mentioned user id, when the page brought it. */
  userName(id: number): string | undefined
  /** Base for relative links (the portal origin). */
  baseUrl?: string
  allLabel: string
  /**
   * The portal's offset from UTC in minutes (+180 for Moscow), when known: quoted-message headers
   * carry the portal's wall-clock time without a zone. Unknown: they show the day only.
   */
  portalUtcOffsetMinutes?: number
  /** A search term whose matches in the text are marked (<mark>), case-insensitively. */
  highlight?: string
  /**
   * A preview inside a control (a search result): links show as their text, since a link may not sit
   * inside an option, and text keeps one size and colour, so the marked term is what stands out.
   */
  preview?: boolean
  /** The reader's language for dates (`[TIMESTAMP]`); MessageText fills it in, else Intl's default. */
  locale?: string
  /** The reader's translations for the words that stand in for codes ("File"); MessageText fills it in, else English. */
  t?: Translator['t']
  /** The chat shown: a quote or `[CONTEXT]` naming one of its messages jumps there. */
  chatId?: number | null
  /** Shows a message of this chat (loading it if need be); without it, references to messages are plain text. */
  jumpTo?(messageId: number): void
}

/** What renderNode needs beyond the caller's context: the highlight compiled once per message. */
interface Rendering extends RenderContext {
  pattern: RegExp | null
  t: Translator['t']
}

let english: Translator | undefined

const BARE_URL = /\b(https?:\/\/[^\s<>[\]"']+[^\s<>[\]"'.,;:!?)])/g

/** The `[tag=value]` form reaches us as attrs `{value: value}`; `[user=5 REPLACE]` as `{"5 REPLACE": …}`. */
function tagValue(node: TagNode): string {
  const first = Object.keys(node.attrs ?? {})[0]
  return first ?? ''
}

function childrenOf(node: TagNode): Node[] {
  const c = node.content
  return c == null ? [] : Array.isArray(c) ? c : [c]
}

function plainText(nodes: Node[], source: string): string {
  return nodes.map((n) => (n && typeof n === 'object' ? sourceOf(n, source) : String(n ?? ''))).join('')
}

/** The exact characters a tag was written with, so unknown tags read back as typed. */
function sourceOf(node: TagNode, source: string): string {
  const open = node.start ? source.slice(node.start.from, node.start.to) : `[${node.tag}]`
  const close = node.end ? source.slice(node.end.from, node.end.to) : ''
  return open + plainText(childrenOf(node), source) + close
}

function linkifyText(text: string, ctx: Rendering, key: string): ReactNode {
  const parts = text.split(BARE_URL)
  if (parts.length === 1) return highlightText(text, ctx.pattern, key)
  return parts.map((part, i) => {
    const href = i % 2 === 1 && !ctx.preview ? safeHref(part) : null
    const shown = highlightText(part, ctx.pattern, `${key}-${i}`)
    return href ? (
      <a key={`${key}-${i}`} href={href} target="_blank" rel="noopener noreferrer">
        {shown}
      </a>
    ) : (
      <Fragment key={`${key}-${i}`}>{shown}</Fragment>
    )
  })
}

/** The parser hands text over word by word: joined again, a term of several words can be found in it. */
function joinText(nodes: Node[]): Node[] {
  const out: Node[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (node !== null && typeof node !== 'object' && last !== undefined && last !== null && typeof last !== 'object') out[out.length - 1] = `${last}${node}`
    else out.push(node)
  }
  return out
}

function renderNodes(nodes: Node[], source: string, ctx: Rendering, key: string): ReactNode[] {
  return joinText(nodes).map((node, i) => renderNode(node, source, ctx, `${key}.${i}`))
}

function renderNode(node: Node, source: string, ctx: Rendering, key: string): ReactNode {
  if (node === null) return null
  if (typeof node !== 'object') return <Fragment key={key}>{linkifyText(String(node), ctx, key)}</Fragment>
  const inner = () => renderNodes(childrenOf(node), source, ctx, key)
  const value = tagValue(node)
  switch (node.tag.toLowerCase()) {
    case 'b':
      return <strong key={key}>{inner()}</strong>
    case 'i':
      return <em key={key}>{inner()}</em>
    case 'u':
      return <u key={key}>{inner()}</u>
    case 's':
      return <s key={key}>{inner()}</s>
    case 'br':
      return <br key={key} />
    case 'code':
      return (
        <code key={key} className="bb-code">
          {highlightText(plainText(childrenOf(node), source), ctx.pattern, key)}
        </code>
      )
    case 'quote':
      return (
        <blockquote key={key} className="bb-quote">
          {inner()}
        </blockquote>
      )
    case 'url': {
      const label = plainText(childrenOf(node), source)
      const shown = value ? inner() : highlightText(label, ctx.pattern, key)
      const href = ctx.preview ? null : safeHref(value || label, ctx.baseUrl)
      if (!href) return <Fragment key={key}>{shown}</Fragment>
      return (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer">
          {shown}
        </a>
      )
    }
    case 'user': {
      const id = /^(\d+|all)\b/i.exec(value)?.[1]
      if (!id) return <Fragment key={key}>{highlightText(sourceOf(node, source), ctx.pattern, key)}</Fragment>
      const written = plainText(childrenOf(node), source).trim()
      // As the messenger: REPLACE (the legacy reader's form) or no name written takes the user's current name.
      const known = /\sreplace\b/i.test(value) || !written ? ctx.userName(Number(id)) : undefined
      const name = id.toLowerCase() === 'all' ? ctx.allLabel : known || written || ctx.userName(Number(id)) || `#${id}`
      return (
        <span key={key} className="bb-mention">
          @{highlightText(name, ctx.pattern, key)}
        </span>
      )
    }
    case 'color': {
      const color = ctx.preview ? null : safeColor(value)
      // Readable in both themes (bbcode.css picks the dark one): the author's hue, at AA contrast.
      const readable = color ? readableColor(color) : null
      return readable ? (
        <span key={key} style={{ color: readable.light, ['--bb-dark' as string]: readable.dark }}>
          {inner()}
        </span>
      ) : (
        <Fragment key={key}>{inner()}</Fragment>
      )
    }
    case 'size': {
      const size = ctx.preview ? null : safeFontSize(value)
      return size ? (
        <span key={key} style={{ fontSize: `${size}px` }}>
          {inner()}
        </span>
      ) : (
        <Fragment key={key}>{inner()}</Fragment>
      )
    }
    default: {
      const code = renderCode(node.tag.toLowerCase(), {
        key,
        value,
        pattern: ctx.pattern,
        preview: ctx.preview ?? false,
        locale: ctx.locale,
        chatId: ctx.chatId,
        jumpTo: ctx.jumpTo,
        t: ctx.t,
        inner,
        text: () => plainText(childrenOf(node), source),
      })
      if (code !== undefined) return code
      return <Fragment key={key}>{highlightText(sourceOf(node, source), ctx.pattern, key)}</Fragment>
    }
  }
}

/** BB-code to React elements through an allow-list; nothing reaches the DOM as HTML. */
export function renderBbcode(source: string, ctx: RenderContext, key = 'bb'): ReactNode[] {
  source = normalizeBbcode(source)
  let ast: Node[]
  try {
    ast = parseBbcode(source)
  } catch {
    return [source] // a parser failure must never hide the message
  }
  const t = ctx.t ?? (english ??= createTranslator('en')).t
  return renderNodes(ast, source, { ...ctx, t, pattern: termPattern(ctx.highlight) }, key)
}
