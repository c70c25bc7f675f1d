import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useI18n } from '../../../i18n/i18n'
import type { RenderContext } from '../bbcode/render-bbcode'
import type { FeedRow } from '../api/build-rows'
import type { Author, ChatFile } from '../types'
import { DaySeparator } from './day-separator'
import { JumpToLatest } from './jump-to-latest'
import { MessageItem } from './message-item'

interface Props {
  rows: FeedRow[]
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
}

const TOP_KEY = 'top'
const END_THRESHOLD_PX = 48

/**
 * The virtualized feed: only what is near the viewport is in the DOM, whatever the history length.
 * Anchored at the end, keyed by message: older pages arriving above, and the system filter
 * toggling, keep the message the reader is looking at where it is.
 */
export function FeedList({ rows, top, busy, onNearTop, authors, files, textContext, openEnded }: Props) {
  const { t } = useI18n()
  const scrollerRef = useRef<HTMLDivElement>(null)
  const [atEnd, setAtEnd] = useState(true)
  // The newest message id when the reader scrolled away from the end: what came later is "new".
  const [leftAtId, setLeftAtId] = useState<number | null>(null)
  const newestId = useRef(0)
  const lastMessage = rows.findLast((r) => r.kind === 'message')
  useLayoutEffect(() => {
    newestId.current = lastMessage?.kind === 'message' ? lastMessage.message.id : 0
  })
  const keys = [TOP_KEY, ...rows.map((r) => r.key)]
  const virtualizer = useVirtualizer({
    count: rows.length + 1,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (i) => (i === 0 ? 40 : rows[i - 1]!.kind === 'day' ? 36 : 64),
    getItemKey: (i) => keys[i]!,
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

  useLayoutEffect(() => {
    virtualizer.scrollToEnd()
    // Only on mount: later arrivals are followed by the virtualizer itself when at the end.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const nearTop = (items[0]?.index ?? 0) <= 2
  useEffect(() => {
    if (nearTop) onNearTop()
  }, [nearTop, rows.length, onNearTop])

  const messageIndexes = rows.flatMap((r, i) => (r.kind === 'message' ? [i + 1] : []))
  const setSize = openEnded ? -1 : messageIndexes.length

  // PageUp / PageDown move between messages (WAI-ARIA feed pattern).
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'PageUp' && event.key !== 'PageDown') return
    const article = (event.target as HTMLElement).closest('article')
    const current = article ? keys.indexOf(article.dataset['key'] ?? '') : -1
    if (current < 0) return
    event.preventDefault()
    const step = event.key === 'PageUp' ? -1 : 1
    const target = messageIndexes[messageIndexes.indexOf(current) + step]
    if (target === undefined) return
    virtualizer.scrollToIndex(target, { align: 'auto' })
    requestAnimationFrame(() => {
      scrollerRef.current?.querySelector<HTMLElement>(`article[data-key="${keys[target]}"]`)?.focus()
    })
  }

  return (
    <div className="feed-frame">
      <div ref={scrollerRef} className="feed-scroller" onKeyDown={onKeyDown}>
        <div role="feed" aria-label={t('feed.label')} aria-busy={busy} className="feed" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = item.index === 0 ? null : rows[item.index - 1]!
            return (
              <div
                key={item.key as string}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="feed-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row === null ? (
                  top
                ) : row.kind === 'day' ? (
                  <DaySeparator date={row.date} />
                ) : (
                  <MessageItem
                    message={row.message}
                    rowKey={row.key}
                    continued={row.continued}
                    author={authors.get(row.message.authorId)}
                    files={files}
                    position={messageIndexes.indexOf(item.index) + 1}
                    setSize={setSize}
                    textContext={textContext}
                  />
                )}
              </div>
            )
          })}
        </div>
      </div>
      {!atEnd && (
        <JumpToLatest
          count={leftAtId === null ? 0 : rows.filter((r) => r.kind === 'message' && r.message.id > leftAtId).length}
          onJump={() => virtualizer.scrollToEnd()}
        />
      )}
    </div>
  )
}
