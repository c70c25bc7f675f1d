/** A wall-clock time as the portal wrote it, in the portal's time zone (which the text does not say). */
export interface PortalStamp {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/** A stretch of message text: ordinary text, or a quote written with Bitrix's line syntax. */
export interface QuoteBlock {
  kind: 'quote'
  blocks: TextBlock[]
  author?: string
  stamp?: PortalStamp
  /** The header's date as written, when it is not a date this splitter reads (the web messenger's "today, 2:05 pm"). */
  rawStamp?: string
  /** The message quoted, when the header names it (`#chat12/345`). */
  source?: { chatId: number; messageId: number }
}
export type TextBlock = { kind: 'text'; text: string } | QuoteBlock

const DASH_LINE = /^-{20,}$/ // the block quote sits between lines of 54 dashes; be lenient
/**
 * The header Bitrix writes above a quoted message: `Name [date]`, and from the web messenger
 * `Name [date] #chat12/345` naming the message (im/install/js/im/v2/lib/quote/src/quote.js; a private
 * dialog's is `#1:2/345`). The messenger's own reading of it: parser/src/functions/quote.js.
 */
const HEADER = /^(\S.*?)\s+\[([^\]\n]+)\](?:\s+#(chat\d+\/\d+|\d+:\d+\/\d+))?\s*$/i
/** The portal's FORMAT_DATETIME, day first (`31.12.2019 23:36[:49]`) as most cultures write it. */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2}):(\d{2})(?::\d{2})?$/
/** English (US) culture's `MM/DD/YYYY HH:MI:SS` with its am/pm (`12/31/2019 11:36:49 pm`); without am/pm a slashed date could be day first. */
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]m)$/i
const ISO = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::\d{2})?$/

function parseStamp(text: string): PortalStamp | undefined {
  const dotted = DOTTED.exec(text.trim())
  if (dotted) return { day: +dotted[1]!, month: +dotted[2]!, year: +dotted[3]!, hour: +dotted[4]!, minute: +dotted[5]! }
  const us = US.exec(text.trim())
  if (us) {
    const hour = (+us[4]! % 12) + (us[6]!.toLowerCase() === 'pm' ? 12 : 0)
    return { month: +us[1]!, day: +us[2]!, year: +us[3]!, hour, minute: +us[5]! }
  }
  const iso = ISO.exec(text.trim())
  if (iso) return { year: +iso[1]!, month: +iso[2]!, day: +iso[3]!, hour: +iso[4]!, minute: +iso[5]! }
  return undefined
}

/** A quoted message: its "Name [date] #chat1/2" header when it has one, then its own text, quotes and all. */
function toQuoteBlock(lines: string[]): TextBlock {
  const header = lines.length > 1 ? HEADER.exec(lines[0]!) : null
  if (!header) return { kind: 'quote', blocks: splitQuotes(lines.join('\n')) }
  const stamp = parseStamp(header[2]!)
  const named = /^chat(\d+)\/(\d+)$/i.exec(header[3] ?? '')
  return {
    kind: 'quote',
    author: header[1]!,
    stamp,
    rawStamp: stamp ? undefined : header[2]!.trim(),
    source: named ? { chatId: +named[1]!, messageId: +named[2]! } : undefined,
    blocks: splitQuotes(lines.slice(1).join('\n')),
  }
}

/** A line quote that starts after `[br]` or is escaped: only then does `[br]` end its line. */
const QUOTE_AFTER_BR = /(?:^|\n|\[br\])[ \t]*&gt;&gt;|\[br\][ \t]*>>/i

/**
 * The text's lines for quote splitting. Im\Text::parse turns a message's `[br]` into new lines, but
 * an ATTACH's text is not parsed so (the tasks module's notices carry a result's or a message's words
 * there: "[b]Task status summary[/b][br]>>quoted[br]reply"), and such text may come escaped (`&gt;&gt;`):
 * where a quote mark follows `[br]` or is escaped, `[br]` is a line break here too, and the escaped
 * mark is a mark, so the quote is drawn as a quote and no `>>` shows.
 */
function quoteLines(text: string): string[] {
  const lines = (QUOTE_AFTER_BR.test(text) ? text.replace(/[ \t]*\[br\]/gi, '\n') : text).split('\n')
  return lines.map((line) => line.replace(/^(?:&gt;&gt;)+/i, (marks) => '>>'.repeat(marks.length / 8)))
}

/**
 * Bitrix quotes are line syntax, not BB tags: `>>` at the start of a line quotes that line, and a
 * block between two lines of dashes is a quoted message (which may itself hold `>>` lines, split
 * again so no `>>` shows). They are split off before BB parsing.
 */
export function splitQuotes(text: string): TextBlock[] {
  const lines = quoteLines(text)
  const blocks: TextBlock[] = []
  let lineQuote: string[] | null = null
  const flushLineQuote = () => {
    if (lineQuote) blocks.push({ kind: 'quote', blocks: [{ kind: 'text', text: lineQuote.join('\n') }] })
    lineQuote = null
  }
  const pushText = (line: string) => {
    flushLineQuote()
    const last = blocks[blocks.length - 1]
    if (last?.kind === 'text') last.text += `\n${line}`
    else blocks.push({ kind: 'text', text: line })
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (DASH_LINE.test(line.trim())) {
      const close = lines.findIndex((l, j) => j > i && DASH_LINE.test(l.trim()))
      if (close > i) {
        flushLineQuote()
        blocks.push(toQuoteBlock(lines.slice(i + 1, close)))
        i = close
        continue
      }
    }
    // A quote of a quote (`>>>>`) is still one quote: no `>>` is left to show as text.
    if (line.startsWith('>>')) (lineQuote ??= []).push(line.replace(/^(>>\s*)+/, ''))
    else pushText(line)
  }
  flushLineQuote()
  return blocks
}
