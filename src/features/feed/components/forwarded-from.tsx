import type { Author, Forward } from '../../../chat/types'
import { useI18n } from '../../../i18n/i18n'

/** "Forwarded from <name>" above a forwarded message; the legacy reader only says that it was forwarded. */
export function ForwardedFrom({ forward, authors }: { forward: Forward; authors: ReadonlyMap<number, Author> }) {
  const { t } = useI18n()
  const name = forward.userId !== null ? (authors.get(forward.userId)?.name ?? t('feed.unknownAuthor')) : null
  const text = name === null ? t('forward.unknown') : forward.chatTitle ? t('forward.fromChat', { name, chat: forward.chatTitle }) : t('forward.from', { name })
  return <p className="message__forward">{text}</p>
}
