import { useLayoutEffect, useRef, type RefObject } from 'react'
import { earlyInput, type EarlyInput } from '../api/early-input'
import { phaseMark } from '../../../platform/phase-mark'

/**
 * The composer, as it mounts, takes over what the early box held (early-composer.tsx): its text as
 * the draft, the caret or selection in it, focus, the files pasted or dropped (attached as
 * pasted files are) and the messages sent with Enter (sent now). Once: the early box is gone for the page.
 */
export function useEarlyHandoff(
  inputRef: RefObject<HTMLTextAreaElement | null>,
  draft: string,
  onDraft: (text: string) => void,
  onSend: (text: string) => void,
  onFiles?: (files: File[]) => void,
) {
  const pending = useRef<EarlyInput | null>(null)
  useLayoutEffect(() => {
    phaseMark('tc:composer')
    phaseMark('tc:typing')
    const taken = earlyInput.take()
    if (!taken) return
    // Sent with Enter meanwhile: now, in order, each with the files chosen before it (as Enter does here).
    for (const sent of taken.sends) {
      if (sent.files.length > 0) onFiles?.(sent.files)
      onSend(sent.text)
    }
    // A task without a chat takes no files (the composer offers none): they wait for one.
    if (taken.files.length > 0) {
      if (onFiles) onFiles(taken.files)
      else earlyInput.set({ files: taken.files })
    }
    pending.current = taken
    if (taken.text !== null && taken.text !== draft) onDraft(taken.text)
    // Once, as it mounts: what changes later is the composer's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useLayoutEffect(() => {
    const taken = pending.current
    const input = inputRef.current
    // The caret goes in once the box shows the text it belongs to.
    if (!taken || !input || (taken.text !== null && input.value !== taken.text)) return
    pending.current = null
    if (taken.focused) input.focus()
    if (taken.text !== null) input.setSelectionRange(taken.selectionStart, taken.selectionEnd)
  }, [draft, inputRef])
}
