/** The feed as the probe finds it in the framed page's DOM. */

export function scroller(): HTMLElement {
  const el = document.querySelector<HTMLElement>('.feed-scroller')
  if (!el) throw new Error('no .feed-scroller in the frame')
  return el
}

export function articles(): HTMLElement[] {
  return [...scroller().querySelectorAll<HTMLElement>('article[data-message-id]')]
}

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve))
