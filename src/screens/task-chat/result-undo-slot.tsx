import { lazy, Suspense, useCallback, useState } from 'react'
import type { TaskResult } from '../../features/results/api/results-api'
import type { ResultChange } from '../../features/results/api/use-result-actions'

// Loaded after the first paint, with the rest of the results views (see task-chat-screen.tsx).
const ResultUndo = lazy(() => import('../../features/results/components/results-views').then((m) => ({ default: m.ResultUndo })))

/**
 * The result just made or removed, while its Undo is offered. Undoing a removal makes the message
 * a result again (a new one: the portal keeps no deleted results).
 */
export function useResultUndo(change: (next: ResultChange) => void) {
  const [undoable, setUndoable] = useState<{ result: TaskResult; removed: boolean } | null>(null)
  const onMade = useCallback((result: TaskResult) => setUndoable({ result, removed: false }), [])
  const onRemoved = useCallback((result: TaskResult) => setUndoable({ result, removed: true }), [])
  const slot = undoable && (
    <Suspense fallback={null}>
      <ResultUndo
        key={`${undoable.result.id}-${undoable.removed}`}
        removed={undoable.removed}
        onUndo={() => {
          const { result, removed } = undoable
          if (removed) change({ kind: 'make', messageId: result.messageId })
          else change({ kind: 'remove', messageId: result.messageId, resultId: result.id })
          setUndoable(null)
        }}
        onExpire={() => setUndoable(null)}
      />
    </Suspense>
  )
  return { onMade, onRemoved, slot }
}
