import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useI18n } from '../../../i18n/i18n'
import type { RenderContext } from '../../../chat/bbcode/render-bbcode'
import type { FeedRow } from '../api/build-rows'
import type { Author, ChatFile, Message } from '../../../chat/types'
import { DaySeparator, StickyDay } from './day-separator'
import { FeedActionsContext } from './feed-actions'
import { JumpToLatest } from './jump-to-latest'
import { MessageItem } from './message-item'
import { NEW_MESSAGES_ID, NewMessagesDivider } from './new-messages-divider'
import { estimateRowHeight, TOP_HEIGHT_PX } from './row-heights'
import { useHeldPosition } from './use-held-position'
import { useEdgeLoading } from './use-edge-loading'
import { useEndPin } from './use-end-pin'
import { useFeedKeys } from './use-feed-keys'
import { useListActions } from './use-list-actions'
import { countBelow, useNewSinceLeft } from './use-new-since-left'
import { useRovingTabStop } from './use-roving-tab-stop'
import { useSeenRows } from './use-seen-rows'
import { useViewerId } from './viewer-id'
import './feed.css'

interface Props {
  rows: FeedRow[]
  firstDay: Date | null
  /** What sits above the oldest row: loading, retry, "load older", or the start of history. */
  top: ReactNode
  busy: boolean
  /** Called when the reader nears the oldest loaded message. */
  onNearTop(): void
  authors: ReadonlyMap<number, Author>
  files: ReadonlyMap<number, ChatFile>
  textContext: RenderContext
  /** Whether older history may exist: the feed's set size is then unknown. */
  openEnded: boolean
  /** The rows reach the newest message: new ones are followed. False in a run the reader jumped into. */
  live: boolean
  /** What sits below the newest row of a run that is not live: loading or retry. */
  bottom?: ReactNode
  /** Called when the reader nears the newest loaded message of a run that is not live. */
  onNearBottom?(): void
  /** "Jump to latest" from a run that is not live: the screen shows the live run instead. */
  onLeaveRun?(): void
  /** Told after each render which messages are on screen (the oldest and the newest id rendered). */
  onVisibleRange?(range: { first: number; last: number } | null): void
  /** A message to bring into view and focus as soon as it is among the rows. */
  focusMessageId?: number | null
  onFocused?(): void
  /** Changes when the user sends a message: the feed goes to the end to show it. */
  sentCount?: number
  /** The first message unread when the card opened; "New messages" goes above it, and the list opens there. */
  unreadFromId?: number | null
  /** Open at "New messages" (the card's opening), not at the end (back from a jump, "Jump to latest"). */
  openAtUnread?: boolean
  /** The messages on screen (to mark them read), after each scroll and each change of the rows. */
  onSeen?(messages: Message[]): void
}

const END_THRESHOLD_PX = 48
/** The keyboard hint's id: one feed per page. */
const KEYS_HINT_ID = 'feed-keys-hint'
/** Below a run that is not live: where newer messages load (in the list's end padding, like the top row). */
const BOTTOM_HEIGHT_PX = 44

/** The row the list opens at, and where in the view (`end`: the end of the list, `index` is the row count). */
interface Opening {
  index: number
  align: 'center' | 'start' | 'end'
}

/** The scroll offset of an opening before anything is measured, from the rows' estimates. */
function openingOffset(estimate: (i: number) => number, { index, align }: Opening, height: number): number {
  let offset = TOP_HEIGHT_PX
  for (let i = 0; i < index; i++) offset += estimate(i)
  return Math.max(0, align === 'start' ? offset : align === 'center' ? offset - height / 2 : offset - height)
}

/**
 * The virtualized feed: only what is near the viewport is in the DOM, whatever the history length.
 * Anchored at the end and keyed by message, so older pages arriving above and the system filter
 * toggling keep the message the reader is looking at where it is.
 */
export function FeedList(props: Props) {
  const {
    rows,
    firstDay,
    top,
    busy,
    onNearTop,
    authors,
    files,
    textContext,
    openEnded,
    focusMessageId,
    onFocused,
    sentCount = 0,
    live,
    bottom,
    onNearBottom,
    onLeaveRun,
    onVisibleRange,
    unreadFromId,
    openAtUnread = false,
    onSeen,
  } = props
  const { t } = useI18n()
  const scrollerRef = useRef<HTMLDivElement>(null)
  const [atEnd, setAtEnd] = useState(true)
  // Older pages may load only once the first scroll to the newest message has happened.
  const [settled, setSettled] = useState(false)
  const arrivals = useNewSinceLeft(rows)
  const topRef = useRef<HTMLDivElement>(null)
  // The first row at or after the first unread message (the system filter may hide that one).
  const dividerKey = useMemo(() => (unreadFromId ? rows.find((r) => !r.pending && r.message.id >= unreadFromId)?.key : undefined), [rows, unreadFromId])

  // Before the virtualizer: its onChange asks it. It follows through the virtualizer only after rendering.
  const endPin = useEndPin(scrollerRef, END_THRESHOLD_PX, live, () => virtualizer.scrollToEnd())
  // A run that turns live when a newer page joins it to the newest is not followed in that render:
  // the reader was at the bottom of the run, not at the chat's end, and stays where they read.
  const wasLive = useRef(live)
  const follow = live && wasLive.current
  useLayoutEffect(() => {
    wasLive.current = live
  })
  const estimateSize = (i: number) => estimateRowHeight(rows[i]!, dividerKey)
  /**
   * Where the list opens: a run jumped into centred on the message jumped to, before anything may
   * load above or below it (a page landing while the list still sat at its top would hold that place
   * instead); a card with unread messages with "New messages" at the top of the view; else the end.
   */
  const opening = (): Opening => {
    const target = focusMessageId ? rows.findIndex((r) => r.message.id === focusMessageId) : -1
    if (target >= 0) return { index: target, align: 'center' }
    const unread = dividerKey && openAtUnread ? rows.findIndex((r) => r.key === dividerKey) : -1
    return unread >= 0 ? { index: unread, align: 'start' } : { index: rows.length, align: 'end' }
  }
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    // The first render already shows the rows the feed opens at (the newest, the message jumped to,
    // or "New messages"), guessed from the estimates and the window's height: from offset 0 with no
    // height it rendered the oldest rows, and the scroll to the opening rendered the screenful again.
    initialRect: { width: 0, height: window.innerHeight },
    initialOffset: () => openingOffset(estimateSize, opening(), window.innerHeight),
    getItemKey: (i) => rows[i]!.key,
    paddingStart: TOP_HEIGHT_PX,
    paddingEnd: live ? 0 : BOTTOM_HEIGHT_PX,
    overscan: 6,
    anchorTo: 'end',
    followOnAppend: follow,
    scrollEndThreshold: END_THRESHOLD_PX,
    onChange: (instance) => {
      // A viewport that shrank with the reader at the end is about to be pinned there: still at the end.
      const end = instance.isAtEnd(END_THRESHOLD_PX) || endPin.pinning()
      setAtEnd(end)
      arrivals.noteEnd(end)
    },
  })
  const items = virtualizer.getVirtualItems()
  const recordPosition = useHeldPosition(scrollerRef, rows, END_THRESHOLD_PX, live, (index) => virtualizer.scrollToIndex(index, { align: 'start' }))
  const roving = useRovingTabStop(scrollerRef, topRef, TOP_HEIGHT_PX, dividerKey)
  const onKeyDown = useFeedKeys(scrollerRef, rows, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }))
  // The newest message on screen so far: unread messages below it still count on "Jump to latest".
  const [seenUpToId, setSeenUpToId] = useState(0)
  const noteSeen = useCallback(
    (messages: Message[]) => {
      setSeenUpToId((before) => messages.reduce((most, m) => Math.max(most, m.id), before))
      onSeen?.(messages)
    },
    [onSeen],
  )
  const reportSeen = useSeenRows(scrollerRef, rows, items, noteSeen)
  const viewerId = useViewerId()
  const below = countBelow(rows, { leftAtId: arrivals.leftAtId, unreadFromId, seenUpToId, viewerId })
  const onScroll = () => {
    recordPosition()
    endPin.note()
    roving.refresh()
    reportSeen()
  }
  const centreOn = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: 'center' }), [virtualizer])
  const actions = useListActions(scrollerRef, rows, centreOn)

  useLayoutEffect(() => {
    // A run jumped into opens centred on the message jumped to, before anything may load above or
    // below it: a page landing while the list still sat at its top would hold that place instead.
    const { index, align } = opening()
    if (align === 'end') virtualizer.scrollToEnd()
    else {
      virtualizer.scrollToIndex(index, { align })
      endPin.openedAway()
    }
    const frame = requestAnimationFrame(() => setSettled(true))
    return () => cancelAnimationFrame(frame)
    // Only on mount: later arrivals are followed by the virtualizer itself while at the end.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (!focusMessageId || !settled) return
    if (rows.some((r) => r.message.id === focusMessageId)) {
      actions.jumpTo(focusMessageId)
      onFocused?.()
    }
  }, [focusMessageId, settled, rows, actions, onFocused])

  useEffect(() => {
    if (sentCount > 0) virtualizer.scrollToEnd()
  }, [sentCount, virtualizer])

  useEdgeLoading({ rows, items, settled, live, onNearTop, onNearBottom, onVisibleRange })

  const setSize = openEnded || !live ? -1 : rows.length
  // The day of the topmost row in view, held over the list once the top row's own day has scrolled away.
  const offset = virtualizer.scrollOffset ?? 0
  const topmost = offset > TOP_HEIGHT_PX ? items.find((item) => item.end > offset) : undefined
  return (
    <FeedActionsContext.Provider value={actions}>
      <div className="feed-frame">
        <div ref={scrollerRef} className="feed-scroller" onKeyDown={onKeyDown} onScroll={onScroll} onFocus={roving.onFocus} onBlur={roving.onBlur}>
          <div
            role="feed"
            aria-label={t('feed.label')}
            aria-describedby={KEYS_HINT_ID}
            aria-busy={busy}
            className="feed"
            style={{ height: virtualizer.getTotalSize() }}
          >
            <div ref={topRef} className="feed-row feed-row--top" style={{ height: TOP_HEIGHT_PX }}>
              {top}
              {firstDay && <DaySeparator date={firstDay} />}
            </div>
            {items.map((item) => {
              const row = rows[item.index]!
              return (
                <div
                  key={item.key as string}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="feed-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.key === dividerKey && <NewMessagesDivider />}
                  <MessageItem
                    {...{ authors, files, textContext, setSize, message: row.message, continued: row.continued, pending: row.pending }}
                    rowKey={row.key}
                    author={authors.get(row.message.authorId)}
                    position={item.index + 1}
                    tabStop={row.key === roving.tabKey}
                    entered={row.key === roving.enteredKey}
                    describedBy={row.key === dividerKey ? NEW_MESSAGES_ID : undefined}
                  />
                  {row.nextDay && <DaySeparator date={row.nextDay} />}
                </div>
              )
            })}
            {!live && (
              <div
                className="feed-row feed-row--bottom"
                style={{ height: BOTTOM_HEIGHT_PX, transform: `translateY(${virtualizer.getTotalSize() - BOTTOM_HEIGHT_PX}px)` }}
              >
                {bottom}
              </div>
            )}
          </div>
        </div>
        {/* How the keys work: the feed's description for screen readers, shown a few seconds when keyboard focus enters the feed (feed.css). */}
        <p id={KEYS_HINT_ID} className="feed-keys-hint">
          {t('feed.keyboardHint')}
        </p>
        {topmost && <StickyDay date={rows[topmost.index]!.message.date} />}
        {(!atEnd || !follow) && <JumpToLatest count={below} onJump={() => (live ? virtualizer.scrollToEnd() : onLeaveRun?.())} />}
      </div>
    </FeedActionsContext.Provider>
  )
}
