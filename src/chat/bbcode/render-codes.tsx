import { Fragment, useState, type ReactNode } from 'react'
import type { MessageKey } from '../../i18n/en'
import { highlightText } from './highlight'
import { iconTitle, messageRef, ratingValue } from './messenger-codes'
import { safeHref } from './safe-url'
import { formatTimestamp, readTimestamp } from './timestamp'

/** What a messenger code needs from the renderer: its context, and its content rendered, as text, or as written. */
interface CodeRendering {
  key: string
  value: string
  pattern: RegExp | null
  preview: boolean
  locale: string | undefined
  chatId: number | null | undefined
  jumpTo: ((messageId: number) => void) | undefined
  t(key: MessageKey, values?: Record<string, string | number>): string
  inner(): ReactNode[]
  /** The content as plain text (an image's address, a command's words). */
  text(): string
}

const label = (r: CodeRendering, text: string) => (
  <span key={r.key} className="bb-ref">
    {highlightText(text, r.pattern, r.key)}
  </span>
)

/** The content when there is some, else what stands in for it (a command's value, a label). */
const contentOr = (r: CodeRendering, fallback: string) =>
  r.text().trim() ? <Fragment key={r.key}>{r.inner()}</Fragment> : <Fragment key={r.key}>{highlightText(fallback, r.pattern, r.key)}</Fragment>

/**
 * An image written into the text (`[IMG SIZE=medium]url[/IMG]`, `[img]url[/img]`): shown only from
 * http(s), lazily, without telling the image's server where it was seen, and linked to itself. If it
 * does not load, its link stays, as the messenger replaces a broken image with its address.
 */
function BbImage({ href, size, alt }: { href: string; size: string; alt: string }) {
  const [broken, setBroken] = useState(false)
  return (
    <a className="bb-image-link" href={href} target="_blank" rel="noopener noreferrer">
      {broken ? (
        href
      ) : (
        <img className={`bb-image bb-image--${size}`} src={href} alt={alt} loading="lazy" referrerPolicy="no-referrer" onError={() => setBroken(true)} />
      )}
    </a>
  )
}

function image(r: CodeRendering): ReactNode {
  const address = r.text().trim()
  const href = /^https?:/i.test(address) ? safeHref(address) : null
  if (!href) return <Fragment key={r.key}>{highlightText(address, r.pattern, r.key)}</Fragment>
  if (r.preview) return label(r, r.t('bb.image'))
  const size = /size=(small|medium|large)/i.exec(r.value)?.[1]?.toLowerCase() ?? 'medium'
  return <BbImage key={r.key} href={href} size={size} alt={r.t('bb.image')} />
}

/** A link to a message (`[CONTEXT=chat12/345]text[/CONTEXT]`): a jump when it is in this chat, else its text. */
function context(r: CodeRendering): ReactNode {
  const ref = messageRef(r.value)
  const jumpTo = r.jumpTo
  if (!ref || ref.chatId !== r.chatId || !jumpTo || r.preview || !r.text().trim()) return <Fragment key={r.key}>{r.inner()}</Fragment>
  return (
    <button key={r.key} type="button" className="bb-context" onClick={() => jumpTo(ref.messageId)}>
      {r.inner()}
    </button>
  )
}

/**
 * The messenger's own codes (mentions and formatting aside), each as Bitrix24's messenger shows it or,
 * where the app cannot act on it, as readable text: never the code as typed. Undefined: not one of them.
 */
export function renderCode(tag: string, r: CodeRendering): ReactNode | undefined {
  switch (tag) {
    case 'timestamp': {
      const stamp = readTimestamp(r.value)
      if (!stamp) return undefined
      return (
        <time key={r.key} dateTime={stamp.date.toISOString()}>
          {highlightText(formatTimestamp(stamp, r.locale), r.pattern, r.key)}
        </time>
      )
    }
    // A file of the message, named by its disk id: the files themselves show as chips below the text.
    case 'disk':
      return label(r, r.t('bb.file'))
    case 'icon': {
      const title = iconTitle(r.value)
      return title ? label(r, title) : null
    }
    case 'img':
      return image(r)
    // The ATTACH block it names shows below the text.
    case 'attach':
      return null
    case 'rating': {
      const rating = ratingValue(r.value)
      return rating === null ? undefined : label(r, r.t('bb.rating', { value: rating }))
    }
    case 'like':
      return label(r, r.t('bb.like'))
    case 'dislike':
      return label(r, r.t('bb.dislike'))
    case 'pch':
      return contentOr(r, r.t('bb.call'))
    case 'chat':
      return contentOr(r, r.t('bb.chat'))
    // Commands only the messenger can run (send a text, put it in the box, dial a number): their words.
    case 'send':
    case 'put':
    case 'call':
      return contentOr(r, r.value.trim())
    case 'context':
      return context(r)
    case 'dialog':
    case 'date':
      return <Fragment key={r.key}>{r.inner()}</Fragment>
    default:
      return undefined
  }
}
