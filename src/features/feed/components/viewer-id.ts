import { createContext, useContext } from 'react'

/**
 * The reader's user id, for what only their own messages show ("Seen"). Provided by the screen and
 * by the first frame, so both lay out the same rows; 0 (no one: system messages are author 0) outside.
 */
export const ViewerIdContext = createContext(0)

export function useViewerId(): number {
  return useContext(ViewerIdContext)
}
