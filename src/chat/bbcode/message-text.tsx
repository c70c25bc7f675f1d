import { memo, type ReactNode } from 'react'
import { dateFormat } from '../../i18n/formatters'
import { useI18n } from '../../i18n/i18n'
import { renderBbcode, type RenderContext } from './render-bbcode'
import { splitQuotes, type PortalStamp, type TextBlock } from './split-quotes'

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

function renderBlocks(blocks: TextBlock[], ctx: RenderContext, locale: string, key: string): ReactNode[] {
  return blocks.map((block, i) => {
    const k = `${key}.${i}`
    if (block.kind === 'text') return <span key={k}>{renderBbcode(block.text, ctx, `t${k}`)}</span>
    const head = block.author !== undefined && (
      <span className="bb-quote__head">
        <span className="bb-quote__author">{block.author}</span>
        {block.stamp && <QuoteTime stamp={block.stamp} offsetMinutes={ctx.portalUtcOffsetMinutes} locale={locale} />}
        {block.rawStamp && <span className="bb-quote__time">{block.rawStamp}</span>}
      </span>
    )
    return (
      <blockquote key={k} className="bb-quote">
        {head}
        {renderBlocks(block.blocks, ctx, locale, k)}
      </blockquote>
    )
  })
}

/** A message's BB-code text as safe React elements, with Bitrix's line-syntax quotes. */
export const MessageText = memo(function MessageText({ text, ctx }: { text: string; ctx: RenderContext }) {
  const { locale } = useI18n()
  return <div className="message__text">{renderBlocks(splitQuotes(text), ctx, locale, 'b')}</div>
})
