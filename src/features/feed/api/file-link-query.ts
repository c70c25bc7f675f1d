import { queryOptions } from '@tanstack/react-query'
import { boundQueries } from '../../../platform/bound-queries'
import { backgroundPacer } from '../../../b24/pacer'
import type { PortalClient } from '../../../b24/portal-client'
import { getFileLink } from '../../../chat/file-links'

/**
 * The link lives while the app's token does (an hour on Bitrix24; the docs promise no reuse), so an
 * answer is used for a few minutes, then asked again when next needed.
 */
const LINK_FRESH_MS = 5 * 60_000

/** One query per file: the link that opens it without the portal's login cookie. */
export const useFileLinkQueries = boundQueries((client: PortalClient) => ({
  // Paced with the other background reads: a screen of previews never drains the portal's bucket.
  link: (chatId: number, fileId: number) =>
    queryOptions({
      queryKey: ['files', 'link', fileId] as const,
      queryFn: () => backgroundPacer(() => getFileLink(client, chatId, fileId)),
      staleTime: LINK_FRESH_MS,
      gcTime: LINK_FRESH_MS,
    }),
}))
