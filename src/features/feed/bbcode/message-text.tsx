import { memo } from 'react'
import { renderBbcode, type RenderContext } from './render-bbcode'
import { splitQuotes } from './split-quotes'

/** A message's BB-code text as safe React elements, with Bitrix's line-syntax quotes. */
export const MessageText = memo(function MessageText({ text, ctx }: { text: string; ctx: RenderContext }) {
  return (
    <div className="message__text">
      {splitQuotes(text).map((block, i) =>
        block.kind === 'quote' ? (
          <blockquote key={i} className="bb-quote">{renderBbcode(block.text, ctx, `q${i}`)}</blockquote>
        ) : (
          <span key={i}>{renderBbcode(block.text, ctx, `t${i}`)}</span>
        ),
      )}
    </div>
  )
})
