import { useEffect, useMemo, type ReactNode } from 'react'
import type { Author, Message } from '../../chat/types'
import { runOf } from '../../chat/conversation/runs'
import { openingOf } from '../../chat/conversation/opening'
import { buildRows, type FeedRow } from '../../features/feed/api/build-rows'
import { useShowSystemPreference } from '../../features/feed/api/system-filter-preference'
import { DaySeparator } from '../../features/feed/components/day-separator'
import { FeedActionsContext, INERT_ACTIONS } from '../../features/feed/components/feed-actions'
import { FeedSkeleton } from '../../features/feed/components/feed-skeleton'
import { MessageExtrasContext } from '../../features/feed/components/message-extras'
import { MessageItem } from '../../features/feed/components/message-item'
import { NEW_MESSAGES_ID, NewMessagesDivider } from '../../features/feed/components/new-messages-divider'
import { estimateRowHeight as estimate, TOP_HEIGHT_PX } from '../../features/feed/components/row-heights'
import { ViewerIdContext } from '../../features/feed/components/viewer-id'
import { useI18n } from '../../i18n/i18n'
import { usePortalClient } from '../../platform/portal-context'
import { phaseMark } from '../../platform/phase-mark'
import { useSettledState } from '../../platform/use-settled'
import { peekDraft } from '../../features/composer/api/draft-peek'
import { EarlyComposer } from '../../features/composer/components/early-composer'
import { useTextContext } from './use-text-context'
// The feed's frame and the composer's place are drawn here, before the screen and its styles load.
import '../../features/feed/components/feed.css'
import '../../features/composer/components/composer.css'

const noJump = () => {}
const NO_MESSAGES: readonly Message[] = []
const NO_AUTHORS: ReadonlyMap<number, Author> = new Map()

/**
 * The rows to show, [from, to): where the list opens, "New messages" at the top of the view or the
 * newest at its end (also when too few follow "New messages" to fill the view, as the list scrolls).
 */
function shownRows(rows: FeedRow[], dividerKey: string | undefined, height: number): [number, number] {
  let from = rows.length
  for (let filled = 0; from > 0 && filled < height;) filled += estimate(rows[--from]!, dividerKey)
  const divider = dividerKey ? rows.findIndex((r) => r.key === dividerKey) : -1
  if (divider < 0) return [from, rows.length]
  let to = divider
  for (let filled = 0; to < rows.length && filled < height;) filled += estimate(rows[to++]!, dividerKey)
  return to === rows.length ? [Math.min(divider, from), to] : [divider, to]
}

/**
 * The first thing the task card shows once the opening batch has answered: the messages it opens
 * at, laid out as the feed lays them out (the same rows and message markup, at the same place: the
 * end, or "New messages" at the top) but not yet interactive. The screen (virtualized feed,
 * composer, search, results, live updates) is loaded only after this has painted, and replaces it
 * with the same rows in place; until then this is `inert` and busy, so nothing can be clicked that
 * is about to be replaced. Anything but messages to show (still loading: the skeleton; an error, no
 * chat, an empty chat) waits for the screen.
 */
export function FirstFrame({ taskId, onShown }: { taskId: number; onShown(): void }) {
  const { t } = useI18n()
  // The opening batch main.tsx asked for as the frame answered, read without the query cache (opening.ts).
  const client = usePortalClient()
  const opening = useSettledState(openingOf(client, taskId))
  const conversation = opening.status === 'fulfilled' ? opening.value : undefined
  const failed = opening.status === 'rejected'
  const authors = conversation?.authors ?? NO_AUTHORS
  const [showSystem] = useShowSystemPreference()
  // As the screen opens: more unread messages than the newest page holds open in the run of the first of them.
  const unread = conversation?.unread
  const runs = conversation?.runs ?? []
  const run = (unread && !unread.inLiveRun ? runOf(runs, unread.firstUnreadId) : undefined) ?? runOf(runs, null)
  // The rows as the screen builds them (useFeedRows) before the composer's outbox joins them: that
  // row builder comes with the screen, off the first message's path.
  const messages = run?.messages ?? NO_MESSAGES
  const { rows } = useMemo(() => buildRows(messages, showSystem), [messages, showSystem])
  const firstUnreadId = unread?.firstUnreadId
  const dividerKey = firstUnreadId ? rows.find((r) => r.message.id >= firstUnreadId)?.key : undefined
  const [from, to] = shownRows(rows, dividerKey, window.innerHeight)
  // A jump as the screen's, so quotes are laid out as they will be (the frame is inert: nothing jumps from it).
  const textContext = useTextContext(authors, conversation?.portalUtcOffsetMinutes, { chatId: conversation?.chatId, jumpTo: noJump })
  const settled = opening.status !== 'pending'
  // The box takes typing from the first frame on (early-composer.tsx), going on from the saved draft.
  const userId = conversation?.viewer.userId
  const draft = useMemo(() => (userId ? peekDraft(client, userId, taskId) : null), [client, userId, taskId])

  useEffect(() => {
    if (!settled) return
    // After the frame that shows the messages has painted: nothing competes with it.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      // The frame with the messages is being painted (an empty chat's "nothing yet" is the screen's).
      if (rows.length > 0) phaseMark('tc:first-frame')
      timer = setTimeout(onShown)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [settled, onShown, rows.length])

  if (rows.length === 0)
    return (
      <FrameWith box={!failed && conversation?.task.discussion !== 'comments'} draft={draft} viewerId={0}>
        <FeedSkeleton />
      </FrameWith>
    )
  const above = from === 0 ? rows[0]!.message.date : rows[from - 1]!.nextDay
  // "New messages" at the top of the view (the browser stops at the end when less follows), or the newest at its end.
  const anchorKey = dividerKey && rows.slice(from, to).some((r) => r.key === dividerKey) ? dividerKey : rows[to - 1]!.key
  const anchorEdge = anchorKey === dividerKey ? 'snap-start' : 'snap-end'
  return (
    <FrameWith box draft={draft} viewerId={conversation?.viewer.userId ?? 0}>
      <div className="task-chat__toolbar task-chat__toolbar--placeholder" />
      <div className="feed-frame" inert>
        {/* Placed by the browser as it lays the rows out (task-chat.css), not by reading their layout before the paint. */}
        <div className="feed-scroller feed-scroller--first-frame">
          <div role="feed" aria-label={t('feed.label')} aria-busy="true" className="feed feed--first-frame">
            {/* As FeedList's top row when all rows are shown; else only the day they begin. */}
            {from === 0 ? (
              <div className="feed-row feed-row--top" style={{ height: TOP_HEIGHT_PX }}>
                <div className="feed-top" aria-hidden="true" />
                <DaySeparator date={above!} />
              </div>
            ) : (
              above && <DaySeparator date={above} />
            )}
            {rows.slice(from, to).map((row, i) => (
              <div key={row.key} className={row.key === anchorKey ? `feed-row feed-row--${anchorEdge}` : 'feed-row'}>
                {row.key === dividerKey && <NewMessagesDivider />}
                <MessageItem
                  {...{ authors, textContext, message: row.message, continued: row.continued, rowKey: row.key }}
                  files={conversation?.files ?? new Map()}
                  author={authors.get(row.message.authorId)}
                  position={from + i + 1}
                  setSize={-1}
                  tabStop={false}
                  entered={false}
                  describedBy={row.key === dividerKey ? NEW_MESSAGES_ID : undefined}
                />
                {row.nextDay && <DaySeparator date={row.nextDay} />}
              </div>
            ))}
          </div>
        </div>
      </div>
    </FrameWith>
  )
}

/**
 * The frame around what the first frame shows (the skeleton, then the rows), with the message box
 * always in the same place of the same tree: the box is not mounted again when the rows come, which
 * would measure it (fit-height.ts) and so force the layout of the new rows inside that commit.
 */
function FrameWith(props: { box: boolean; draft: string | null; viewerId: number; children: ReactNode }) {
  // The reader's id, as the screen gives it: their own messages say "Seen" here too, so the rows match.
  // Nothing here can be clicked, and the heavy extras are not loaded yet: the screen brings both.
  return (
    <ViewerIdContext.Provider value={props.viewerId}>
      <FeedActionsContext.Provider value={INERT_ACTIONS}>
        <MessageExtrasContext.Provider value={null}>
          <div className="task-chat">
            {props.children}
            {/* Not where the screen shows no composer: an error, or a task discussed in comments. */}
            {props.box && <EarlyComposer draft={props.draft} />}
          </div>
        </MessageExtrasContext.Provider>
      </FeedActionsContext.Provider>
    </ViewerIdContext.Provider>
  )
}
