import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { usePortalClient } from '../../app/portal-context'
import type { Author, ChatFile } from '../types'
import { mergeMessages } from '../../features/feed/api/build-rows'
import { feedQueries } from './feed-queries'

function useHistory(taskId: number) {
  const client = usePortalClient()
  return useInfiniteQuery(feedQueries.history(client, taskId))
}

/** The task's feed: history pages plus messages polled live, merged by id. */
export function useFeed(taskId: number) {
  const client = usePortalClient()
  const history = useHistory(taskId)
  const pages = history.data?.pages
  const task = pages?.[0]?.task
  const viewer = pages?.[0]?.viewer
  const chatId = pages?.[0]?.chatId ?? null
  const sinceId = pages?.[0]?.messages.at(-1)?.id ?? 0
  const live = useQuery({
    ...feedQueries.live(client, chatId ?? 0, sinceId),
    enabled: chatId !== null && history.isSuccess,
  })

  const merged = useMemo(() => {
    const all = pages ?? []
    const messages = mergeMessages(...all.map((p) => p.messages), live.data?.messages ?? [])
    const authors = new Map<number, Author>()
    const files = new Map<number, ChatFile>()
    for (const p of [...all, ...(live.data ? [live.data] : [])]) {
      for (const a of p.authors) authors.set(a.id, a)
      for (const f of p.files) files.set(f.id, f)
    }
    return { messages, authors, files }
  }, [pages, live.data])

  // Authors no page described, and the viewer (their own pending messages need a name and avatar).
  const viewerId = viewer?.userId ?? 0
  const missing = useMemo(
    () => [...new Set([viewerId, ...merged.messages.map((m) => m.authorId)])].filter((id) => id > 0 && !merged.authors.has(id)).sort((a, b) => a - b),
    [merged, viewerId],
  )
  const extra = useQuery({ ...feedQueries.authors(client, missing), enabled: missing.length > 0 })
  const authors = useMemo(() => {
    if (!extra.data?.length) return merged.authors
    const all = new Map(merged.authors)
    for (const a of extra.data) all.set(a.id, a)
    return all
  }, [merged.authors, extra.data])

  return { task, viewer, chatId, history, live, messages: merged.messages, files: merged.files, authors }
}
