import type { MessageExtras } from './message-extras'
import { AttachBlocks } from './attach-blocks'
import { DeletingLine } from './message-change-controls'
import { MessageFiles } from './message-files'
import { MessageKeyboard } from './message-keyboard'
import { Reactions } from './reactions'
import { ResultBadgeMark } from './result-controls'
import { MessageActions, MessageNotes } from './message-screen-parts'

/** What the screen provides to every message (see message-extras.ts). */
export const MESSAGE_EXTRAS: MessageExtras = {
  Attachments: ({ message, ctx }) => <AttachBlocks attach={message.attach} ctx={ctx} />,
  Keyboard: MessageKeyboard,
  Reactions,
  Files: MessageFiles,
  Actions: MessageActions,
  Notes: MessageNotes,
  ResultMark: ResultBadgeMark,
  Deleting: DeletingLine,
}
