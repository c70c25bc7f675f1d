import { useMemo } from 'react'
import { usePortalClient } from '../../app/portal-context'
import type { RenderContext } from '../../chat/bbcode/render-bbcode'
import type { Author } from '../../chat/types'
import { useI18n } from '../../i18n/i18n'

/** What message text needs to render: mentioned users' names, the portal for relative links, the portal's zone. */
export function useTextContext(authors: ReadonlyMap<number, Author>, portalUtcOffsetMinutes: number | undefined): RenderContext {
  const client = usePortalClient()
  const { t } = useI18n()
  return useMemo<RenderContext>(
    () => ({ userName: (id) => authors.get(id)?.name, baseUrl: client.origin, allLabel: t('feed.mentionAll'), portalUtcOffsetMinutes }),
    [authors, client.origin, t, portalUtcOffsetMinutes],
  )
}
