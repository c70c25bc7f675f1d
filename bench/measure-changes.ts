import type { BenchPage } from './browser'
import { deleteAs, editAs, likeAs } from './portal-rest'

/** What others do to a message already on screen, each shown in place. */
export type ChangeKind = 'edit' | 'deletion' | 'reaction'
export const CHANGE_KINDS: readonly ChangeKind[] = ['edit', 'deletion', 'reaction']

export interface ChangeRun {
  kind: ChangeKind
  /** The change's REST call sent → the animation frame that first shows it in the message's article; NaN if not within the timeout. */
  ms: number
  error?: string
}

/** Who changes: the message's author edits and deletes it (their own), another member of the chat reacts. */
interface Changer {
  portal: string
  authorId: number
  reactorId: number
}

/** Makes the change; answers what the message shows once the card has it (the cards read English). */
async function makeChange(by: Changer, kind: ChangeKind, messageId: number, tag: string): Promise<string> {
  if (kind === 'edit') {
    const text = `Changed ${tag}: edited`
    await editAs(by.portal, by.authorId, messageId, text)
    return text
  }
  if (kind === 'deletion') {
    await deleteAs(by.portal, by.authorId, messageId)
    return 'This message has been deleted.'
  }
  // A like: the reaction im.message.like gives users; the message had none.
  await likeAs(by.portal, by.reactorId, messageId)
  return '1 like'
}

/** Makes one change to a message shown in an open card, and times it from the call to the frame that shows it there. */
export async function timeChange(bench: BenchPage, by: Changer, kind: ChangeKind, messageId: number, tag: string, timeoutMs: number): Promise<ChangeRun> {
  try {
    const sentAt = Date.now()
    const text = await makeChange(by, kind, messageId, tag)
    // Watching from the answer on: a frame already showing it still counts, at the first frame looked at.
    const at = await bench.probe((p, a) => p.messageShowsAt(a.id, a.text, a.timeout), { id: messageId, text, timeout: timeoutMs })
    return { kind, ms: at === null ? NaN : at - sentAt }
  } catch (error) {
    return { kind, ms: NaN, error: String(error).split('\n')[0] }
  }
}
