import { memo, useMemo, type ReactNode } from 'react'
import { dateFormat } from '../../i18n/formatters'
import { useI18n } from '../../i18n/i18n'
import { slashCommand } from './messenger-codes'
import { renderBbcode, type RenderContext } from './render-bbcode'
import { splitQuotes, type PortalStamp, type QuoteBlock, type TextBlock } from './split-quotes'
import './bbcode.css'

type FullContext = RenderContext & { locale: string; t: NonNullable<RenderContext['t']> }

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A quote header's date, said in the reader's zone like every other time in the feed. The text
 * gives the portal's wall clock without a zone: with the portal's offset it becomes an instant;
 * without it only the day is shown, since a clock time in another zone beside ours would mislead.
 */
function QuoteTime({ stamp, offsetMinutes, locale }: { stamp: PortalStamp; offsetMinutes: number | undefined; locale: string }) {
  const { year, month, day, hour, minute } = stamp
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  if (Number.isNaN(wall)) return null
  if (offsetMinutes === undefined) {
    const date = new Date(wall)
    return (
      <time className="bb-quote__time" dateTime={`${year}-${pad(month)}-${pad(day)}`}>
        {dateFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(date)}
      </time>
    )
  }
  const instant = new Date(wall - offsetMinutes * 60_000)
  return (
    <time className="bb-quote__time" dateTime={instant.toISOString()}>
      {dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(instant)}
    </time>
  )
}

/**
 * A quote's author and date. When the header names a message of this chat (the web messenger's
 * `#chat12/345`), the author is a button that jumps to it, named so that it says so; another chat's
 * message, or an old header naming none, shows who and when only.
 */
function QuoteHead({ block, ctx }: { block: QuoteBlock; ctx: FullContext }) {
  const { source, author = '' } = block
  const jumpTo = ctx.jumpTo
  const jumps = source && jumpTo && !ctx.preview && ctx.chatId != null && source.chatId === ctx.chatId
  return (
    <span className="bb-quote__head">
      {jumps ? (
        <button
          type="button"
          className="bb-quote__author bb-quote__jump"
          onClick={() => jumpTo(source.messageId)}
          aria-label={ctx.t('bb.quoteJump', { name: author })}
        >
          {author}
        </button>
      ) : (
        <span className="bb-quote__author">{author}</span>
      )}
      {block.stamp && <QuoteTime stamp={block.stamp} offsetMinutes={ctx.portalUtcOffsetMinutes} locale={ctx.locale} />}
      {block.rawStamp && <span className="bb-quote__time">{block.rawStamp}</span>}
    </span>
  )
}

function renderBlocks(blocks: TextBlock[], ctx: FullContext, key: string): ReactNode[] {
  return blocks.map((block, i) => {
    const k = `${key}.${i}`
    if (block.kind === 'text') return <span key={k}>{renderBbcode(block.text, ctx, `t${k}`)}</span>
    return (
      <blockquote key={k} className="bb-quote">
        {block.author !== undefined && <QuoteHead block={block} ctx={ctx} />}
        {renderBlocks(block.blocks, ctx, k)}
      </blockquote>
    )
  })
}

/**
 * A message's BB-code text as safe React elements, with Bitrix's line-syntax quotes. Dates and the
 * words standing in for codes are in the reader's language unless the context says otherwise.
 */
export const MessageText = memo(function MessageText({ text, ctx }: { text: string; ctx: RenderContext }) {
  const i18n = useI18n()
  const full = useMemo<FullContext>(() => ({ ...ctx, locale: ctx.locale ?? i18n.locale, t: ctx.t ?? i18n.t }), [ctx, i18n])
  const blocks = useMemo(() => {
    const split = splitQuotes(text)
    const first = split[0]
    // `/me` and `/loud` open a message: the messenger styles its first words.
    if (first?.kind === 'text') split[0] = { kind: 'text', text: slashCommand(first.text) }
    return split
  }, [text])
  return <div className="message__text">{renderBlocks(blocks, full, 'b')}</div>
})
