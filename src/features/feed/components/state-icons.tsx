import { LineIcon } from './line-icon'

/**
 * The feed's states' pictures: simple line icons drawn inline (no icon font, no request), in the
 * muted colour, decorative (the state's title says what the picture shows).
 */
const PATHS = {
  // A speech bubble: no messages yet.
  empty: 'M8 10h16M8 15h10M6 4h20a3 3 0 0 1 3 3v13a3 3 0 0 1-3 3H14l-6 5v-5H6a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3z',
  // A speech bubble with a plus: a chat that the first message will start.
  noChat: 'M16 9v9M11.5 13.5h9M6 4h20a3 3 0 0 1 3 3v13a3 3 0 0 1-3 3H14l-6 5v-5H6a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3z',
  // A padlock: no access.
  locked: 'M9 14V10a7 7 0 0 1 14 0v4M7 14h18a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V16a2 2 0 0 1 2-2zM16 19v4',
  // A warning sign: the chat could not open.
  failed: 'M16 4 2.5 27.5h27L16 4zM16 13v7M16 23.5v.5',
} as const

export type StateIcon = keyof typeof PATHS

export function StateIcon({ name }: { name: StateIcon }) {
  return <LineIcon d={PATHS[name]} className="feed-state__icon" viewBox={32} size={48} strokeWidth={2} />
}
