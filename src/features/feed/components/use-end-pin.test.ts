import { renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useEndPin } from './use-end-pin'

// When the feed's viewport changes height (the composer grows, files are listed above it), the
// reader at the newest message stays there; a reader elsewhere is left where they read. jsdom
// has no layout: the scroller's sizes are set here (test/dom/layout-shim.ts makes scrollTop real)
// and the browser's ResizeObserver is stood in for by one the test fires.
const END_THRESHOLD = 40
let observed: (() => void)[] = []

class StandInResizeObserver {
  constructor(private readonly callback: () => void) {}
  observe() {
    observed.push(this.callback)
  }
  disconnect() {
    observed = observed.filter((c) => c !== this.callback)
  }
}

beforeEach(() => {
  observed = []
  vi.stubGlobal('ResizeObserver', StandInResizeObserver)
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

/** A feed scroller 600 px high over 2,000 px of messages; `resize` changes its height as layout would, then tells the observers. */
function aScroller() {
  const el = document.createElement('div')
  el.className = 'feed-scroller'
  const content = document.createElement('div')
  content.style.height = '2000px'
  el.append(content)
  let height = 600
  Object.defineProperty(el, 'clientHeight', { configurable: true, get: () => height })
  document.body.append(el)
  const distanceFromEnd = () => el.scrollHeight - el.clientHeight - el.scrollTop
  return {
    el,
    distanceFromEnd,
    /** The new height is laid out; the observers have not been told yet. */
    layOut: (h: number) => {
      height = h
    },
    tell: () => observed.forEach((callback) => callback()),
    resize(h: number) {
      height = h
      observed.forEach((callback) => callback())
    },
  }
}

function pin(live = true) {
  const scroller = aScroller()
  const scrollToEnd = vi.fn()
  const hook = renderHook(({ live }) => useEndPin({ current: scroller.el }, END_THRESHOLD, live, scrollToEnd), { initialProps: { live } })
  const scrollTo = (top: number) => {
    scroller.el.scrollTop = top
    hook.result.current.note()
  }
  return { ...scroller, scrollToEnd, hook, scrollTo }
}

describe('the end pin', () => {
  it('keeps the reader at the newest message when the viewport shrinks or grows', () => {
    const t = pin()
    t.scrollTo(1400)
    t.resize(500)
    expect(t.distanceFromEnd()).toBe(0)
    expect(t.scrollToEnd).toHaveBeenCalledTimes(1)
    t.resize(560)
    expect(t.distanceFromEnd()).toBe(0)
    expect(t.scrollToEnd).toHaveBeenCalledTimes(2)
  })

  it('counts a reader within the threshold of the end as at the end', () => {
    const t = pin()
    t.scrollTo(1400 - END_THRESHOLD)
    t.resize(500)
    expect(t.distanceFromEnd()).toBe(0)
  })

  it('leaves a reader scrolled up where they are', () => {
    const t = pin()
    t.scrollTo(200)
    t.resize(500)
    expect(t.el.scrollTop).toBe(200)
    expect(t.scrollToEnd).not.toHaveBeenCalled()
  })

  it('does not pin the bottom of a run jumped into: newer pages load there, it is not the chat’s end', () => {
    const t = pin(false)
    t.scrollTo(1400)
    t.resize(500)
    expect(t.el.scrollTop).toBe(1400)
    expect(t.scrollToEnd).not.toHaveBeenCalled()
    // Back on the live run, the end is pinned again.
    t.hook.rerender({ live: true })
    t.scrollTo(1500)
    t.resize(400)
    expect(t.distanceFromEnd()).toBe(0)
  })

  it('a list opened away from the end (at "New messages") is not pulled to it before the reader’s scroll is heard', () => {
    const t = pin()
    t.hook.result.current.openedAway()
    t.el.scrollTop = 300 // the list's own positioning; its scroll event has not reached note() yet
    t.resize(500)
    expect(t.el.scrollTop).toBe(300)
    expect(t.scrollToEnd).not.toHaveBeenCalled()
  })

  it('between a change of height and its pin, says so, and a scroll heard meanwhile does not move the reader off the end', () => {
    const t = pin()
    t.scrollTo(1400)
    t.layOut(500)
    expect(t.hook.result.current.pinning()).toBe(true)
    // Read now, the distance from the end says "away" (100 px): believed, the end would be let go.
    expect(t.distanceFromEnd()).toBe(100)
    t.hook.result.current.note()
    t.tell()
    expect(t.distanceFromEnd()).toBe(0)
    expect(t.hook.result.current.pinning()).toBe(false)
  })

  it('does nothing on a notice of the same height (the frame moved, the viewport did not change)', () => {
    const t = pin()
    t.scrollTo(1400)
    t.resize(600)
    expect(t.scrollToEnd).not.toHaveBeenCalled()
  })

  it('stops observing once unmounted', () => {
    const t = pin()
    expect(observed).toHaveLength(1)
    t.hook.unmount()
    expect(observed).toHaveLength(0)
  })
})

describe('the end pin where there is no ResizeObserver (no layout)', () => {
  it('never says it is pinning, and notes scrolls without failing', () => {
    vi.stubGlobal('ResizeObserver', undefined)
    const t = pin()
    t.scrollTo(1400)
    t.layOut(500)
    expect(t.hook.result.current.pinning()).toBe(false)
    expect(observed).toHaveLength(0)
  })
})
