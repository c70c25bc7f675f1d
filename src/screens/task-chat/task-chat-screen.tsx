import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { usePortalClient } from '../../app/portal-context'
import { errorSentence } from '../../app/error-sentence'
import { useI18n } from '../../i18n/i18n'
import { useOutbox } from '../../features/composer/api/use-outbox'
import { useSend } from '../../features/composer/api/use-send'
import { plainText } from '../../chat/bbcode/plain-text'
import type { RenderContext } from '../../chat/bbcode/render-bbcode'
import { buildRows } from '../../features/feed/api/build-rows'
import { useShowSystemPreference } from '../../features/feed/api/system-filter-preference'
import { useFeed } from '../../chat/conversation/use-feed'
import { useOlderLoader } from '../../features/feed/api/use-older-loader'
import { FeedActionsContext } from '../../features/feed/components/feed-actions'
import { FeedSkeleton, FeedState } from '../../features/feed/components/feed-states'
import { FeedList } from '../../features/feed/components/feed-list'
import { FeedTop } from '../../features/feed/components/feed-top'
import { LiveAnnouncer } from '../../features/feed/components/live-announcer'
import { SystemToggle } from '../../features/feed/components/system-toggle'
import { useTaskResults } from '../../features/results/api/use-task-results'
import { ToolbarSwitch } from '../../features/feed/components/toolbar-switch'
import { OpeningFailure } from './opening-failure'
import { withOutbox } from './outbox-rows'
import { useResultUndo } from './result-undo-slot'
import { useChatActions } from './use-chat-actions'
import { useJumpToMessage } from './use-jump-to-message'

// Not needed for the first paint of the feed: loaded while the opening request is on its way.
const loadComposer = () => import('../../features/composer/components/composer')
const loadResultsViews = () => import('../../features/results/components/results-views')
const Composer = lazy(() => loadComposer().then((m) => ({ default: m.Composer })))
const ResultsList = lazy(() => loadResultsViews().then((m) => ({ default: m.ResultsList })))

/** The task's chat: the feed with its filters, the composer, results, and every state they can be in. */
export function TaskChatScreen({ taskId }: { taskId: number }) {
  const client = usePortalClient()
  const i18n = useI18n()
  const { t } = i18n
  const feed = useFeed(taskId)
  const [showSystem, setShowSystem] = useShowSystemPreference()
  const [resultsOnly, setResultsOnly] = useState(false)
  const [sentCount, setSentCount] = useState(0)
  const older = useOlderLoader(feed.history, showSystem)
  const userId = feed.viewer?.userId ?? 0
  const bot = feed.viewer?.bot ?? null
  const [outbox, store] = useOutbox(userId, taskId)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const { messages, authors } = feed
  const sender = useSend({ taskId, target: { taskId, chatId: feed.chatId, botId: bot?.id ?? null }, userId, newestId: messages.at(-1)?.id ?? 0, store })
  const results = useTaskResults(taskId, userId, feed.history.isSuccess)
  const undo = useResultUndo(results.change)
  useEffect(() => {
    void loadComposer()
    void loadResultsViews()
  }, [])

  // Each failed opening waits longer before the automatic retry; a success starts over.
  const failures = feed.history.failureCount
  const { refetch } = feed.history
  const retryOpening = useCallback(() => void refetch(), [refetch])

  const messagesById = useMemo(() => new Map(messages.map((m) => [m.id, m])), [messages])
  const jump = useJumpToMessage(feed.history, messagesById)
  const { rows: feedRows, firstDay } = useMemo(() => buildRows(messages, showSystem), [messages, showSystem])
  const rows = useMemo(
    () => withOutbox(feedRows, outbox.items, store.arrivedKeys, (item) => (item.asBot && bot ? bot.id : userId)),
    [feedRows, outbox.items, store.arrivedKeys, bot, userId],
  )
  // A sent message that is back in the feed leaves the outbox (its row keeps its key).
  useEffect(() => {
    for (const item of outbox.items) if (item.serverId !== null && messagesById.has(item.serverId)) store.settle(item.clientId, item.serverId)
  }, [outbox.items, messagesById, store])

  const portalUtcOffsetMinutes = feed.history.data?.pages[0]?.portalUtcOffsetMinutes
  const textContext = useMemo<RenderContext>(
    () => ({ userName: (id) => authors.get(id)?.name, baseUrl: client.origin, allLabel: t('feed.mentionAll'), portalUtcOffsetMinutes }),
    [authors, client.origin, t, portalUtcOffsetMinutes],
  )
  const actions = useChatActions({
    store,
    inputRef,
    retry: sender.retry,
    discard: sender.discard,
    messagesById,
    resultView: results.viewOf,
    resultOf: useCallback((id: number) => results.byMessage.get(id), [results.byMessage]),
    changeResult: results.change,
    onResultMade: undo.onMade,
    onResultRemoved: undo.onRemoved,
  })
  const replyMessage = outbox.replyToId === null ? undefined : messagesById.get(outbox.replyToId)
  const replyTo = replyMessage && {
    name: replyMessage.isSystem ? t('feed.system') : (authors.get(replyMessage.authorId)?.name ?? t('feed.unknownAuthor')),
    excerpt: plainText(replyMessage.text, 80),
  }

  let body
  if (feed.history.isPending) body = <FeedSkeleton />
  else if (feed.history.isError && !feed.history.data)
    body = <OpeningFailure key={failures} taskId={taskId} error={feed.history.error} failures={failures} onRetry={retryOpening} />
  else if (resultsOnly)
    body = (
      <div className="results-frame">
        <Suspense fallback={null}>
          <ResultsList
          results={results.query.data?.results ?? []}
          authors={authors}
          loaded={messagesById}
          chatId={feed.chatId}
          textContext={textContext}
          onShow={(messageId) => {
            setResultsOnly(false)
            jump.go(messageId)
          }}
          />
        </Suspense>
      </div>
    )
  else if (rows.length === 0 && feed.chatId === null) body = <FeedState>{t('feed.noChat')}</FeedState>
  else if (rows.length === 0 && messages.length === 0) body = <FeedState>{t('feed.empty')}</FeedState>
  else
    body = (
      <FeedList
        rows={rows}
        firstDay={firstDay}
        top={<FeedTop older={older} />}
        busy={feed.history.isFetching}
        onNearTop={older.loadIfAllowed}
        authors={authors}
        files={feed.files}
        textContext={textContext}
        openEnded={feed.history.hasNextPage}
        focusMessageId={jump.target}
        onFocused={jump.done}
        sentCount={sentCount}
      />
    )

  return (
    <FeedActionsContext.Provider value={actions}>
      <div className="task-chat">
        {/* Filters only where there is something to filter: not on an error screen, an empty chat or a task without one. */}
        {feed.history.data && messages.length > 0 && (
          <div className="task-chat__toolbar">
            <ToolbarSwitch label={t('result.onlyResults')} checked={resultsOnly} onChange={setResultsOnly} />
            {!resultsOnly && <SystemToggle checked={showSystem} onChange={setShowSystem} />}
          </div>
        )}
        {body}
        {jump.searching && (
          <p role="status" className="feed-status">
            <span>{t('result.finding')}</span>
            <button type="button" onClick={jump.cancel}>
              {t('action.cancel')}
            </button>
          </p>
        )}
        {feed.live.isError && (
          <p role="status" className="feed-live-error">
            {errorSentence(feed.live.error, i18n)}
          </p>
        )}
        {undo.slot}
        {feed.history.isSuccess && !resultsOnly && (
          <Suspense fallback={<div className="composer composer--loading" />}>
          <Composer
            draft={outbox.draft}
            mentions={outbox.mentions ?? []}
            onDraft={(draft, mentions) => store.update((s) => ({ ...s, draft, mentions: draft === '' ? [] : (mentions ?? s.mentions) }))}
            replyTo={replyTo ?? null}
            onCancelReply={() => store.update((s) => ({ ...s, replyToId: null }))}
            onSend={(text, asBot) => {
              sender.send(text, replyMessage?.id ?? null, asBot)
              setSentCount((n) => n + 1)
            }}
            bot={outbox.botRefused ? null : bot}
            chatId={feed.chatId}
            inputRef={inputRef}
          />
          </Suspense>
        )}
        <LiveAnnouncer messages={feed.live.data?.messages ?? []} authors={authors} showSystem={showSystem} ownIds={[userId, bot?.id ?? -1]} />
      </div>
    </FeedActionsContext.Provider>
  )
}
