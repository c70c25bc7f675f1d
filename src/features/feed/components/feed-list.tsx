import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useI18n } from '../../../i18n/i18n'
import type { RenderContext } from '../bbcode/render-bbcode'
import type { FeedRow } from '../api/build-rows'
import type { Author, ChatFile } from '../types'
import { DaySeparator } from './day-separator'
import { FeedActionsContext, useFeedActions } from './feed-actions'
import { JumpToLatest } from './jump-to-latest'
import { MessageItem } from './message-item'
import { useHeldPosition } from './use-held-position'
import { focusWhenRendered, usePageKeys } from './use-page-keys'

interface Props {
  rows: FeedRow[]
  firstDay: Date | null
  /** What sits above the oldest row: loading, retry, "load older", or the start of history. */
  top: ReactNode
  busy: boolean
  /** Called when the reader nears the oldest loaded message. */
  onNearTop(): void
  authors: Map<number, Author>
  files: Map<number, ChatFile>
  textContext: RenderContext
  /** Whether older history may exist: the feed's set size is then unknown. */
  openEnded: boolean
  /** A message to bring into view and focus as soon as it is among the rows. */
  focusMessageId?: number | null
  onFocused?(): void
  /** Changes when the user sends a message: the feed goes to the end to show it. */
  sentCount?: number
}

const END_THRESHOLD_PX = 48
/**
 * The top row (loading, retry, start of history, the first day) sits in the list's start padding,
 * outside the virtual items: were it an item, at scrollTop 0 it would be the scroll anchor, stay
 * pinned at the top after every prepend, and keep asking for older pages forever.
 */
const TOP_HEIGHT_PX = 76

/**
 * The virtualized feed: only what is near the viewport is in the DOM, whatever the history length.
 * Anchored at the end and keyed by message, so older pages arriving above and the system filter
 * toggling keep the message the reader is looking at where it is.
 */
export function FeedList({ rows, firstDay, top, busy, onNearTop, authors, files, textContext, openEnded, focusMessageId, onFocused, sentCount = 0 }: Props) {
  const { t } = useI18n()
  const scrollerRef = useRef<HTMLDivElement>(null)
  const [atEnd, setAtEnd] = useState(true)
  // Older pages may load only once the first scroll to the newest message has happened.
  const [settled, setSettled] = useState(false)
  // The newest message id when the reader scrolled away from the end: what came later is "new".
  const [leftAtId, setLeftAtId] = useState<number | null>(null)
  const newestId = useRef(0)
  useLayoutEffect(() => {
    newestId.current = rows.at(-1)?.message.id ?? 0
  })

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (i) => (rows[i]!.continued ? 28 : 64) + (rows[i]!.nextDay ? 36 : 0),
    getItemKey: (i) => rows[i]!.key,
    paddingStart: TOP_HEIGHT_PX,
    overscan: 6,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: END_THRESHOLD_PX,
    onChange: (instance) => {
      const end = instance.isAtEnd(END_THRESHOLD_PX)
      setAtEnd(end)
      setLeftAtId((before) => (end ? null : (before ?? newestId.current)))
    },
  })
  const items = virtualizer.getVirtualItems()
  const recordPosition = useHeldPosition(scrollerRef, rows, END_THRESHOLD_PX)
  const onKeyDown = usePageKeys(scrollerRef, rows, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }))
  const outer = useFeedActions()
  const actions = useMemo(
    () => ({
      ...outer,
      jumpTo(id: number) {
        const index = rows.findIndex((r) => r.message.id === id)
        if (index < 0) return
        virtualizer.scrollToIndex(index, { align: 'center' })
        focusWhenRendered(scrollerRef, rows[index]!.key)
      },
    }),
    [outer, rows, virtualizer],
  )

  useLayoutEffect(() => {
    virtualizer.scrollToEnd()
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

  const nearTop = settled && (items[0]?.index ?? 0) <= 1
  useEffect(() => {
    if (nearTop) onNearTop()
  }, [nearTop, rows.length, onNearTop])

  const setSize = openEnded ? -1 : rows.length
  return (
    <FeedActionsContext.Provider value={actions}>
    <div className="feed-frame">
      <div ref={scrollerRef} className="feed-scroller" onKeyDown={onKeyDown} onScroll={recordPosition}>
        <div role="feed" aria-label={t('feed.label')} aria-busy={busy} className="feed" style={{ height: virtualizer.getTotalSize() }}>
          <div className="feed-row feed-row--top" style={{ height: TOP_HEIGHT_PX }}>
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
                <MessageItem
                  message={row.message}
                  rowKey={row.key}
                  continued={row.continued}
                  author={authors.get(row.message.authorId)}
                  authors={authors}
                  files={files}
                  pending={row.pending}
                  position={item.index + 1}
                  setSize={setSize}
                  textContext={textContext}
                />
                {row.nextDay && <DaySeparator date={row.nextDay} />}
              </div>
            )
          })}
        </div>
      </div>
      {!atEnd && (
        <JumpToLatest
          count={leftAtId === null ? 0 : rows.filter((r) => r.message.id > leftAtId).length}
          onJump={() => virtualizer.scrollToEnd()}
        />
      )}
    </div>
    </FeedActionsContext.Provider>
  )
}
