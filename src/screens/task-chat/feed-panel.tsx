import type { ConversationHandle } from '../../chat/conversation/conversation-handle'
import type { Run } from '../../chat/conversation/runs'
import type { RenderContext } from '../../chat/bbcode/render-bbcode'
import type { Author, ChatFile, Message } from '../../chat/types'
import type { OutboxItem } from '../../features/composer/api/outbox-store'
import { useFeedRows } from '../../features/feed/api/use-feed-rows'
import { useNewerLoader } from '../../features/feed/api/use-newer-loader'
import { useOlderLoader } from '../../features/feed/api/use-older-loader'
import { FeedBottom } from '../../features/feed/components/feed-bottom'
import { FeedList } from '../../features/feed/components/feed-list'
import { FeedTop } from '../../features/feed/components/feed-top'

interface Props {
  conversation: ConversationHandle
  /** The run the reader is in. */
  run: Run
  showSystem: boolean
  outbox: OutboxItem[]
  arrivedKeys: ReadonlyMap<number, string>
  authorOf(item: OutboxItem): number
  authors: ReadonlyMap<number, Author>
  files: ReadonlyMap<number, ChatFile>
  textContext: RenderContext
  focus: number | null
  onFocused(): void
  sentCount: number
  onLeaveRun(): void
  onVisibleRange(range: { first: number; last: number } | null): void
  /** "New messages" goes above this message; the list opens there. */
  unreadFromId: number | null
  /** The card is opening (not back from a jump): the list starts at "New messages" rather than at the end. */
  openAtUnread: boolean
  onSeen(messages: Message[]): void
}

/**
 * The feed of one run: its rows (with the user's messages on their way at the live end), history
 * loading above it, newer messages loading below a run jumped into. Keyed by the run by the screen,
 * so a bounded burst of silent pages starts afresh in another run.
 */
export function FeedPanel(p: Props) {
  const older = useOlderLoader(p.conversation, p.run, p.showSystem)
  const newer = useNewerLoader(p.conversation, p.run)
  const { live } = p.run
  // The outbox belongs to the live end: a run far back shows no pending rows.
  const outbox = live ? { items: p.outbox, arrivedKeys: p.arrivedKeys, authorOf: p.authorOf } : null
  const { rows, firstDay } = useFeedRows(p.run.messages, p.showSystem, outbox)
  return (
    <FeedList
      rows={rows}
      firstDay={firstDay}
      top={<FeedTop older={older} />}
      bottom={<FeedBottom newer={newer} />}
      busy={older.loading || newer.loading}
      onNearTop={older.loadIfAllowed}
      onNearBottom={newer.loadIfAllowed}
      authors={p.authors}
      files={p.files}
      textContext={p.textContext}
      openEnded={!older.ended}
      live={live}
      focusMessageId={p.focus}
      onFocused={p.onFocused}
      sentCount={p.sentCount}
      onLeaveRun={p.onLeaveRun}
      onVisibleRange={p.onVisibleRange}
      unreadFromId={p.unreadFromId}
      openAtUnread={p.openAtUnread}
      onSeen={p.onSeen}
    />
  )
}
