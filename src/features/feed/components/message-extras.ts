import type { ComponentType } from 'react'
import type { RenderContext } from '../../../chat/bbcode/render-bbcode'
import type { Author, ChatFile, Message, PendingState, ResultBadge } from '../../../chat/types'
import type { MessageChangeView } from './feed-actions'
import { createRequiredContext } from '../../../platform/required-context'

/**
 * The parts of a message that only some messages have and that are heavy to draw: ATTACH blocks,
 * KEYBOARD buttons, reactions of every kind, files (whose previews and links are fetched through
 * the query cache, which comes with the screen); and what only the screen's messages can show: the
 * action bar, the result badge, a deletion with Undo, a send's or a change's state. The screen provides them (message-extras-views.tsx,
 * loaded with it); the first frame, which paints before the screen has loaded, shows a message
 * without them (it provides null), so their code stays out of the first paint. They show when the
 * screen replaces it. Read outside a provider it throws.
 */
export interface MessageExtras {
  Attachments: ComponentType<{ message: Message; ctx: RenderContext }>
  Keyboard: ComponentType<{ message: Message; origin: string | undefined; idBase: string }>
  Reactions: ComponentType<{ message: Message; ownLike: boolean; authors: ReadonlyMap<number, Author>; likesId: string }>
  Files: ComponentType<{ ids: number[]; files: ReadonlyMap<number, ChatFile>; chatId: number }>
  Actions: ComponentType<{ message: Message; result: ResultBadge | null; change: MessageChangeView; likesId: string | undefined }>
  Notes: ComponentType<{ result: ResultBadge | null; change: MessageChangeView; pending: PendingState | undefined }>
  ResultMark: ComponentType<{ view: ResultBadge }>
  Deleting: ComponentType<{ id: number }>
}

export const MessageExtrasContext = createRequiredContext<MessageExtras | null>('MessageExtrasContext')
export const useMessageExtras = MessageExtrasContext.use
