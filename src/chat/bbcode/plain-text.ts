import type { MessageKey } from '../../i18n/en'
import { createTranslator } from '../../i18n/i18n'
import { iconTitle, ratingValue, slashCommand } from './messenger-codes'
import { normalizeBbcode, parseBbcode, type BbNode } from './parse-bbcode'
import { splitQuotes, type TextBlock } from './split-quotes'
import { formatTimestamp, readTimestamp } from './timestamp'

/** Who reads the excerpt: their language for dates and the words standing in for codes, and people's names. */
interface PlainReader {
  locale?: string
  t?(key: MessageKey, values?: Record<string, string | number>): string
  userName?(id: number): string | undefined
}

// Without a reader: Intl's default language for dates, English words from the catalogue (its first
// part has them all, so comparing texts never waits for the rest).
const english = (key: MessageKey, values?: Record<string, string | number>) => createTranslator('en').t(key, values)

/** A word standing in for a code, bracketed as the messenger's own previews write it ("[File]"). */
const mark = (reader: Required<Pick<PlainReader, 't'>>, key: MessageKey) => ` [${reader.t(key)}] `

function nodesText(nodes: BbNode[], source: string, reader: PlainReader & Required<Pick<PlainReader, 't'>>): string {
  return nodes.map((node) => (typeof node === 'string' ? node : tagText(node, source, reader))).join('')
}

function tagText(node: Exclude<BbNode, string>, source: string, reader: PlainReader & Required<Pick<PlainReader, 't'>>): string {
  const value = Object.keys(node.attrs)[0] ?? ''
  const inner = () => nodesText(node.content, source, reader)
  const orValue = (fallback: string) => inner().trim() || fallback
  switch (node.tag.toLowerCase()) {
    case 'br':
      return '\n'
    case 'user': {
      const id = /^(\d+|all)\b/i.exec(value)?.[1]
      if (id?.toLowerCase() === 'all') return inner() || reader.t('feed.mentionAll')
      return orValue((id && reader.userName?.(Number(id))) || '')
    }
    case 'url':
      return orValue(value)
    case 'timestamp': {
      const stamp = readTimestamp(value)
      return stamp ? formatTimestamp(stamp, reader.locale) : ''
    }
    case 'disk':
      return mark(reader, 'bb.file')
    case 'img':
      return mark(reader, 'bb.image')
    case 'attach':
      return mark(reader, 'bb.attachment')
    case 'icon':
      return iconTitle(value)
    case 'rating': {
      const rating = ratingValue(value)
      return rating === null ? '' : reader.t('bb.rating', { value: rating })
    }
    case 'like':
      return reader.t('bb.like')
    case 'dislike':
      return reader.t('bb.dislike')
    case 'pch':
      return orValue(reader.t('bb.call'))
    case 'chat':
      return orValue(reader.t('bb.chat'))
    case 'send':
    case 'put':
    case 'call':
      return orValue(value)
    default:
      // Formatting and references keep their words; an unknown tag's marks are dropped as before.
      return inner()
  }
}

function blocksText(blocks: TextBlock[], reader: PlainReader & Required<Pick<PlainReader, 't'>>): string {
  return blocks
    .map((block, i) => {
      // A quote is someone else's words: the messenger's previews say "[Quote]" instead (Im\Text::removeBbCodes).
      if (block.kind === 'quote') return mark(reader, 'bb.quote')
      const text = normalizeBbcode(i === 0 ? slashCommand(block.text) : block.text)
      try {
        return nodesText(parseBbcode(text), text, reader)
      } catch {
        return text.replace(/\[\/?[^\]]*\]/g, '')
      }
    })
    .join(' ')
}

/**
 * A message's words without its BB-code tags, whitespace folded, cut to `max` characters with an
 * ellipsis: for reply quotes, the reply banner, spoken announcements and comparing texts. The
 * messenger's codes become what they stand for (a `[TIMESTAMP]` its date in the reader's language,
 * `[DISK]` "[File]"), never the code; quotes become "[Quote]".
 */
export function plainText(text: string, max = Infinity, reader: PlainReader = {}): string {
  const flat = blocksText(splitQuotes(text), { ...reader, t: reader.t ?? english })
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
