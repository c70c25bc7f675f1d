import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import type { Message } from '../../chat/types'
import { runOf } from '../../chat/conversation/runs'
import { useConversation } from '../../chat/conversation/use-conversation'
import { useLiveConversation } from '../../chat/conversation/use-live-conversation'
import { useAttachments } from '../../features/attachments/api/use-attachments'
import { FileDropTarget } from '../../features/attachments/components/file-drop-target'
import type { OutboxItem } from '../../features/composer/api/outbox-store'
import { useOutbox } from '../../features/composer/api/use-outbox'
import { useSend } from '../../features/composer/api/use-send'
import { useShowSystemPreference } from '../../features/feed/api/system-filter-preference'
import { FeedActionsContext } from '../../features/feed/components/feed-actions'
import { MessageExtrasContext } from '../../features/feed/components/message-extras'
import { MESSAGE_EXTRAS } from '../../features/feed/components/message-extras-views'
import { FeedSkeleton } from '../../features/feed/components/feed-skeleton'
import { FeedState } from '../../features/feed/components/feed-states'
import { LiveAnnouncer } from '../../features/feed/components/live-announcer'
import { SystemToggle } from '../../features/feed/components/system-toggle'
import { ToolbarSwitch } from '../../features/feed/components/toolbar-switch'
import { ViewerIdContext } from '../../features/feed/components/viewer-id'
import { ConfirmDelete } from '../../features/message-changes/components/confirm-delete'
import { useTaskResults } from '../../features/results/api/use-task-results'
import { ChatSearch } from '../../features/search/components/chat-search'
import { useReadMark } from '../../features/unread/api/use-read-mark'
import { useI18n } from '../../i18n/i18n'
import { ChatStatus } from './chat-status'
import { ComposerPanel, loadComposer } from './composer-panel'
import { FeedPanel } from './feed-panel'
import { OpeningFailure } from './opening-failure'
import { useResultUndo } from './result-undo-slot'
import { useChatActions } from './use-chat-actions'
import { useChatView } from './use-chat-view'
import { useMessageEditing } from './use-message-editing'
import { TaskCommentsNote } from './task-comments-note'
import { WriteFirst } from './write-first'
import { useTextContext } from './use-text-context'

const loadResultsViews = () => import('../../features/results/components/results-views')
const ResultsList = lazy(() => loadResultsViews().then((m) => ({ default: m.ResultsList })))

const NO_MESSAGES: readonly Message[] = []

/** The task's chat: a layout of the feed, the results view and the composer, around one conversation. */
export function TaskChatScreen({ taskId }: { taskId: number }) {
  const { t } = useI18n()
  // The conversation's handle goes to the features: its chat, its viewer, its reads and writes.
  const { query, conversation, messagesById, authors, handle } = useConversation(taskId)
  const { chatId, viewer } = handle
  const { userId, bot } = viewer
  // More unread than the newest page holds opens in the run of the first of them.
  const unread = conversation?.unread
  const view = useChatView(handle, conversation?.runs ?? [], unread && !unread.inLiveRun ? unread.firstUnreadId : null)
  const onSeen = useReadMark(handle, unread?.lastReadId)
  const live = useLiveConversation(handle)
  const [showSystem, setShowSystem] = useShowSystemPreference()
  const [resultsOnly, setResultsOnly] = useState(false)
  const [sentCount, setSentCount] = useState(0)
  const [outbox, store] = useOutbox(handle)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const liveRun = conversation ? runOf(conversation.runs, null) : undefined
  const newestId = liveRun?.to ?? 0
  const sender = useSend({ conversation: handle, newestId, store })
  const attachments = useAttachments(handle)
  const attachFiles = useCallback((files: File[]) => attachments.queue.add(files), [attachments.queue])
  // An older portal: no chat to show or write to (task-comments-note.tsx), and no REST 3.0 results to read.
  const comments = conversation?.task.discussion === 'comments'
  const results = useTaskResults(handle, query.isSuccess && !comments)
  const liveMessages = liveRun?.messages ?? NO_MESSAGES
  const editing = useMessageEditing({ conversation: handle, messagesById, liveMessages, store, inputRef })
  const undo = useResultUndo(results.change)
  useEffect(() => {
    void loadComposer()
    void loadResultsViews()
  }, [])

  const retryOpening = useCallback(() => void query.refetch(), [query])
  const authorOf = useCallback((item: OutboxItem) => (item.asBot && bot ? bot.id : userId), [bot, userId])
  const portalUtcOffsetMinutes = conversation?.portalUtcOffsetMinutes
  // A quote naming a message jumps to it, from the results view too (which then gives way to the feed).
  const jumpFromText = useCallback((id: number) => (setResultsOnly(false), view.go(id)), [view])
  const textContext = useTextContext(authors, portalUtcOffsetMinutes, { chatId, jumpTo: jumpFromText })
  const actions = useChatActions({
    store,
    inputRef,
    retry: sender.retry,
    discard: sender.discard,
    messagesById,
    jumpTo: view.go,
    resultView: results.viewOf,
    resultOf: useCallback((id: number) => results.byMessage.get(id), [results.byMessage]),
    changeResult: results.change,
    onResultMade: undo.onMade,
    onResultRemoved: undo.onRemoved,
    changes: editing.feed,
  })
  const hasMessages = messagesById.size > 0
  // A match chosen in the search: a hidden system message is shown by showing system messages (its result said so).
  const jumpTo = view.go
  const showMatch = useCallback(
    (message: Message) => {
      if (message.isSystem && !showSystem) setShowSystem(true)
      jumpTo(message.id)
    },
    [showSystem, setShowSystem, jumpTo],
  )

  let body
  if (query.isPending) body = <FeedSkeleton />
  else if (query.isError && !conversation)
    body = <OpeningFailure key={query.failureCount} taskId={taskId} error={query.error} failures={query.failureCount} onRetry={retryOpening} />
  else if (resultsOnly)
    body = (
      <div className="results-frame">
        <Suspense fallback={null}>
          <ResultsList
            results={results.query.data?.results ?? []}
            authors={authors}
            taskId={taskId}
            chatId={chatId}
            textContext={textContext}
            onShow={(messageId) => {
              setResultsOnly(false)
              view.go(messageId)
            }}
          />
        </Suspense>
      </div>
    )
  else if (comments) body = <TaskCommentsNote taskId={taskId} userId={userId} />
  else if (chatId === null && outbox.items.length === 0)
    body = (
      <FeedState icon="noChat" title={t('feed.noChatTitle')} action={<WriteFirst inputRef={inputRef} />}>
        {t('feed.noChat')}
      </FeedState>
    )
  else if (!hasMessages && outbox.items.length === 0)
    body = (
      <FeedState icon="empty" title={t('feed.emptyTitle')} action={<WriteFirst inputRef={inputRef} />}>
        {t('feed.emptyHint')}
      </FeedState>
    )
  else
    body = (
      <FeedPanel
        key={view.key}
        {...{ showSystem, authors, textContext, sentCount, authorOf }}
        conversation={handle}
        onVisibleRange={live.onVisibleRange}
        run={view.run}
        outbox={outbox.items}
        arrivedKeys={store.arrivedKeys}
        files={conversation?.files ?? new Map()}
        focus={view.focus}
        onFocused={view.focused}
        onLeaveRun={view.toLatest}
        unreadFromId={unread?.firstUnreadId ?? null}
        openAtUnread={view.opening}
        onSeen={onSeen}
      />
    )

  const screen = (
    <FeedActionsContext.Provider value={actions}>
      <MessageExtrasContext.Provider value={MESSAGE_EXTRAS}>
        <div className="task-chat">
          {/* Filters only where there is something to filter: not on an error screen, an empty chat or a task without one. */}
          {conversation && hasMessages && (
            <div className="task-chat__toolbar">
              {!resultsOnly && chatId !== null && (
                <ChatSearch chatId={chatId} authors={authors} textContext={textContext} systemHidden={!showSystem} onChoose={showMatch} />
              )}
              <ToolbarSwitch label={t('result.onlyResults')} checked={resultsOnly} onChange={setResultsOnly} />
              {!resultsOnly && <SystemToggle checked={showSystem} onChange={setShowSystem} />}
            </div>
          )}
          <FileDropTarget onFiles={attachFiles} disabled={chatId === null || resultsOnly || !query.isSuccess}>
            {body}
          </FileDropTarget>
          <ChatStatus
            {...{ seeking: view.seeking, seekFailed: view.failed, liveError: live.error }}
            onRetrySeek={view.retry}
            onCancelSeek={view.cancel}
            onRetryLive={handle.pollSoon}
          />
          {undo.slot}
          {query.isSuccess && !resultsOnly && !comments && (
            <ComposerPanel
              {...{ outbox, store, chatId, bot, authors, inputRef, attachments }}
              botMayJoin={viewer.mayAddMembers === true}
              replyMessage={outbox.replyToId === null ? undefined : messagesById.get(outbox.replyToId)}
              edit={editing.session}
              onEditLast={editing.editLast}
              send={(text, replyToId, asBot) => {
                if (text.trim() !== '') sender.send(text, replyToId, asBot)
                if (chatId !== null) attachments.queue.send({ chatId, userId, baselineId: newestId })
                if (!view.run.live) view.toLatest()
                setSentCount((n) => n + 1)
              }}
            />
          )}
          {editing.question && <ConfirmDelete emptied={editing.question.emptied} onConfirm={editing.answer.confirm} onCancel={editing.answer.cancel} />}
          {/* Mounted with the conversation: what it holds then is history, not news. */}
          {conversation && <LiveAnnouncer messages={liveRun?.messages ?? []} authors={authors} showSystem={showSystem} ownIds={[userId, bot?.id ?? -1]} />}
        </div>
      </MessageExtrasContext.Provider>
    </FeedActionsContext.Provider>
  )
  // The reader's id: their own messages say "Seen" once another member has read them.
  return <ViewerIdContext.Provider value={userId}>{screen}</ViewerIdContext.Provider>
}
