import { useCallback, useSyncExternalStore } from 'react'

type Settled<T> = { status: 'pending' } | { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown }

const PENDING: Settled<never> = { status: 'pending' }
const states = new WeakMap<Promise<unknown>, Settled<unknown>>()

function stateOf<T>(promise: Promise<T>): Settled<T> {
  let state = states.get(promise) as Settled<T> | undefined
  if (!state) {
    states.set(promise, (state = PENDING))
    promise.then(
      (value) => states.set(promise, { status: 'fulfilled', value }),
      (reason: unknown) => states.set(promise, { status: 'rejected', reason }),
    )
  }
  return state
}

/** A promise's state as it settles: pending, then its value or its rejection, re-rendering once it settles. */
export function useSettledState<T>(promise: Promise<T>): Settled<T> {
  const subscribe = useCallback(
    (onChange: () => void) => {
      let listening = true
      const settled = () => listening && onChange()
      promise.then(settled, settled)
      return () => {
        listening = false
      }
    },
    [promise],
  )
  return useSyncExternalStore(subscribe, () => stateOf(promise))
}

/**
 * A promise's value once it has settled, undefined until then; a rejection is thrown to the nearest
 * error boundary. Unlike React's `use`, this does not suspend: a Suspense boundary that has shown its
 * fallback reveals what resolved no sooner than 300 ms after (React throttles reveals), and the
 * frame handshake usually answers well within that, so waiting on it with `use` cost the first
 * message 300 ms on every open.
 */
export function useSettled<T>(promise: Promise<T>): T | undefined {
  const state = useSettledState(promise)
  if (state.status === 'rejected') throw state.reason
  return state.status === 'fulfilled' ? state.value : undefined
}
