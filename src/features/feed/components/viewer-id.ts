import { createRequiredContext } from '../../../platform/required-context'

/**
 * The reader's user id, for what only their own messages show ("Seen"). Provided by the screen and
 * by the first frame, so both lay out the same rows; read outside them it throws.
 */
export const ViewerIdContext = createRequiredContext<number>('ViewerIdContext')
export const useViewerId = ViewerIdContext.use
