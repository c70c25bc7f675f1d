import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useState, type MouseEvent } from 'react'
import { useFileLinkQueries } from '../api/file-link-query'

/**
 * Opens a file through im.v2.File.download: the portal's own file page needs its login cookie,
 * which the browser may not have or send, and nothing tells us before the user clicks. The new tab
 * is opened within the click (no popup blocker stops it) and sent to the link once it is known.
 * A click with a modifier (new window, save) is left to the browser and the portal's page.
 */
export function useOpenFile(chatId: number, fileId: number) {
  const queryClient = useQueryClient()
  const queries = useFileLinkQueries()
  const [failed, setFailed] = useState(false)
  const open = useCallback(
    (event?: MouseEvent) => {
      if (event && (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) return
      event?.preventDefault()
      setFailed(false)
      const opened = window.open('', '_blank')
      // The tab shows another site's page: it gets no handle on this frame.
      if (opened) opened.opener = null
      queryClient.fetchQuery(queries.link(chatId, fileId)).then(
        (url) => {
          if (opened) opened.location.href = url
          else window.open(url, '_blank', 'noopener,noreferrer')
        },
        () => {
          opened?.close()
          setFailed(true)
        },
      )
    },
    [queryClient, queries, chatId, fileId],
  )
  return { open, failed }
}
