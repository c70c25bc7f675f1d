import { useMemo } from 'react'
import { usePortalClient } from '../../../app/portal-context'
import { errorSentence } from '../../../app/error-sentence'
import { useI18n } from '../../../i18n/i18n'
import type { RenderContext } from '../bbcode/render-bbcode'
import { buildRows } from '../api/build-rows'
import { useShowSystemPreference } from '../api/system-filter-preference'
import { useFeed } from '../api/use-feed'
import { useOlderLoader } from '../api/use-older-loader'
import { FeedFailure, FeedSkeleton, FeedState } from './feed-states'
import { FeedList } from './feed-list'
import { FeedTop } from './feed-top'
import { LiveAnnouncer } from './live-announcer'
import { SystemToggle } from './system-toggle'

/** The task's chat: the feed with its filter, and every state it can be in. */
export function TaskChatScreen({ taskId }: { taskId: number }) {
  const client = usePortalClient()
  const i18n = useI18n()
  const { t } = i18n
  const feed = useFeed(taskId)
  const [showSystem, setShowSystem] = useShowSystemPreference()
  const { rows, firstDay } = useMemo(() => buildRows(feed.messages, showSystem), [feed.messages, showSystem])
  const older = useOlderLoader(feed.history, showSystem)
  const { authors } = feed
  const textContext = useMemo<RenderContext>(
    () => ({ userName: (id) => authors.get(id)?.name, baseUrl: client.origin, allLabel: t('feed.mentionAll') }),
    [authors, client.origin, t],
  )

  let body
  if (feed.history.isPending) body = <FeedSkeleton />
  else if (feed.history.isError && !feed.history.data) body = <FeedFailure error={feed.history.error} onRetry={() => void feed.history.refetch()} />
  else if (feed.chatId === null) body = <FeedState>{t('feed.noChat')}</FeedState>
  else if (feed.messages.length === 0) body = <FeedState>{t('feed.empty')}</FeedState>
  else
    body = (
      <FeedList
        rows={rows}
        firstDay={firstDay}
        top={<FeedTop older={older} />}
        busy={feed.history.isFetching}
        onNearTop={older.loadIfAllowed}
        authors={feed.authors}
        files={feed.files}
        textContext={textContext}
        openEnded={feed.history.hasNextPage}
      />
    )

  return (
    <div className="task-chat">
      <div className="task-chat__toolbar">
        <SystemToggle checked={showSystem} onChange={setShowSystem} />
      </div>
      {body}
      {feed.live.isError && (
        <p role="status" className="feed-live-error">
          {errorSentence(feed.live.error, i18n)}
        </p>
      )}
      <LiveAnnouncer messages={feed.live.data?.messages ?? []} authors={feed.authors} showSystem={showSystem} />
    </div>
  )
}
