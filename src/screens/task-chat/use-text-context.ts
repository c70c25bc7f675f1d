import { useLayoutEffect, useMemo, useRef } from 'react'
import { usePortalClient } from '../../platform/portal-context'
import type { RenderContext } from '../../chat/bbcode/render-bbcode'
import type { Author } from '../../chat/types'
import { useI18n } from '../../i18n/i18n'

/** The chat shown and how to show one of its messages: quotes naming a message of it jump there. */
export interface TextLinks {
  chatId?: number | null
  jumpTo?(messageId: number): void
}

/**
 * What message text needs to render: mentioned users' names, the portal for relative links, the
 * portal's zone, the reader's language, and the jump to a quoted message.
 */
export function useTextContext(authors: ReadonlyMap<number, Author>, portalUtcOffsetMinutes: number | undefined, links: TextLinks = {}): RenderContext {
  const client = usePortalClient()
  const { t, locale } = useI18n()
  // The jump changes with every page loaded; the context must not, or every message would render again.
  const jump = useRef(links.jumpTo)
  useLayoutEffect(() => {
    jump.current = links.jumpTo
  })
  const canJump = links.jumpTo !== undefined
  const chatId = links.chatId
  return useMemo<RenderContext>(
    () => ({
      userName: (id) => authors.get(id)?.name,
      baseUrl: client.origin,
      allLabel: t('feed.mentionAll'),
      portalUtcOffsetMinutes,
      locale,
      t,
      chatId,
      jumpTo: canJump ? (id) => jump.current?.(id) : undefined,
    }),
    [authors, client.origin, t, locale, portalUtcOffsetMinutes, chatId, canJump],
  )
}
