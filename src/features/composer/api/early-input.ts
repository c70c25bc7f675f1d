/**
 * What the reader typed, pasted or dropped into the early composer (the box shown with the first
 * frame, before the composer's code has loaded), held for the page until the composer takes it.
 * Module state on purpose: the early box is mounted more than once on its way (the first frame,
 * then the screen while the composer loads), and what one held the next shows; the composer takes
 * it once. Kept free of imports: it is on the first frame's path.
 */
export interface EarlyInput {
  /** The box's text; null while nobody has touched it (the composer keeps its own draft then). */
  text: string | null
  /** The saved draft the box started from; null until it was known. */
  base: string | null
  selectionStart: number
  selectionEnd: number
  focused: boolean
  files: File[]
  /** Sent with Enter before the composer could send (a text, the files chosen by then, or both): it sends them, in order, as it comes. */
  sends: { text: string; files: File[] }[]
}

const fresh = (): EarlyInput => ({ text: null, base: null, selectionStart: 0, selectionEnd: 0, focused: false, files: [], sends: [] })
let input = fresh()
const listeners = new Set<() => void>()

export const earlyInput = {
  get: (): Readonly<EarlyInput> => input,
  set(change: Partial<EarlyInput>) {
    input = { ...input, ...change }
    listeners.forEach((listener) => listener())
  },
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  },
  /**
   * The saved draft, once the reader is known: the box shows it, and what was typed before it was
   * known follows it on a new line (caret kept in what was typed), so neither is lost.
   */
  seed(draft: string) {
    if (input.base !== null) return
    if (input.text === null || input.text === '' || draft === '') return earlyInput.set({ base: draft, text: input.text || draft || null })
    const shift = draft.length + 1
    earlyInput.set({ base: draft, text: `${draft}\n${input.text}`, selectionStart: input.selectionStart + shift, selectionEnd: input.selectionEnd + shift })
  },
  /** The composer has loaded: what the early box held, once (null if it was never touched nor focused). */
  take(): EarlyInput | null {
    const taken = input
    input = fresh()
    return taken.text === null && taken.files.length === 0 && taken.sends.length === 0 && !taken.focused ? null : taken
  },
}
