import type { Message, ResultBadge } from '../../../chat/types'
import { createRequiredContext } from '../../../platform/required-context'

/** What the viewer may do to a message beyond replying and results: edit, delete, like. */
export interface MessageChangeView {
  canEdit: boolean
  canDelete: boolean
  /** The viewer likes it: the Like button is pressed. */
  liked: boolean
  /** Deleted by the viewer a moment ago and not sent yet: shown as deleted, with Undo. */
  deleting: boolean
  /** Being edited in the composer: marked, so the eye finds what is being changed. */
  editing: boolean
  /** Why the portal refused the last change to it, in the user's language. */
  error: string | null
}

export const NO_CHANGES: MessageChangeView = { canEdit: false, canDelete: false, liked: false, deleting: false, editing: false, error: null }

/** What a message in the feed can ask of the screen around it. */
export interface FeedActions {
  reply(message: Message): void
  retry(clientId: string): void
  discard(clientId: string): void
  /** A loaded message by id (for reply quotes). */
  find(id: number): Message | undefined
  /** Scrolls to a loaded message and focuses it. */
  jumpTo(id: number): void
  /** The result badge of a message, when results are known. */
  resultOf(id: number): ResultBadge | null
  makeResult(id: number): void
  removeResult(id: number): void
  changeOf(message: Message): MessageChangeView
  /** Puts the message into the composer for editing. */
  edit(message: Message): void
  /** Asks whether to delete the message, and deletes it (with Undo) if the user says so. */
  remove(message: Message): void
  undoRemove(id: number): void
  like(message: Message): void
}

const noop = () => {}
/** For rows nothing can be clicked in (the first frame is inert): no action, no result, no change offered. */
export const INERT_ACTIONS: FeedActions = {
  reply: noop,
  retry: noop,
  discard: noop,
  find: () => undefined,
  jumpTo: noop,
  resultOf: () => null,
  makeResult: noop,
  removeResult: noop,
  changeOf: () => NO_CHANGES,
  edit: noop,
  remove: noop,
  undoRemove: noop,
  like: noop,
}

/** Provided by the screen (and by the first frame, with INERT_ACTIONS); read outside them it throws. */
export const FeedActionsContext = createRequiredContext<FeedActions>('FeedActionsContext')
export const useFeedActions = FeedActionsContext.use
