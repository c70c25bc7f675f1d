import { renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { aMessage } from '../../../chat/test-message'
import type { FeedRow } from '../api/build-rows'
import { useHeldPosition } from './use-held-position'

// The reader's place (a message and its distance from the top of the view) held while rows change
// around it. jsdom has no layout: each article's distance from the top is set here, as the
// message's place in the list minus how far the list is scrolled (test/dom/layout-shim.ts makes
// scrollTop real; the view is 600 px high).
const END_THRESHOLD = 40
const rowsOf = (ids: number[]): FeedRow[] => ids.map((id) => ({ key: `m-${id}`, message: aMessage(id), continued: false, nextDay: null }))

afterEach(() => document.body.replaceChildren())

/** A scroller over 5,000 px of list, with an article for each id at `placeOf(id)` px from the list's top. */
function aList(ids: number[], place: (id: number) => number) {
  const places = new Map(ids.map((id) => [id, place(id)]))
  const el = document.createElement('div')
  el.className = 'feed-scroller'
  const content = document.createElement('div')
  content.style.height = '5000px'
  el.append(content)
  const articleOf = (id: number) => {
    const article = document.createElement('article')
    article.dataset['key'] = `m-${id}`
    article.getBoundingClientRect = () => new DOMRect(0, places.get(id)! - el.scrollTop, 800, 64)
    return article
  }
  content.append(...ids.map(articleOf))
  document.body.append(el)
  const topOf = (id: number) => places.get(id)! - el.scrollTop
  return {
    el,
    topOf,
    /** Rows come in above (older pages): every article moves down by `by` px; `added` get places above. */
    moveDown(by: number, added: number[] = []) {
      for (const [id, top] of places) places.set(id, top + by)
      added.forEach((id, i) => places.set(id, i * 50))
      content.prepend(...added.map(articleOf))
    },
    remove(id: number) {
      content.querySelector(`article[data-key="m-${id}"]`)?.remove()
    },
    articleOf,
    content,
  }
}

function hold(list: ReturnType<typeof aList>, rows: FeedRow[], follow = true) {
  const bringIntoView = vi.fn()
  const hook = renderHook(({ rows }) => useHeldPosition({ current: list.el }, rows, END_THRESHOLD, follow, bringIntoView), { initialProps: { rows } })
  return { hook, bringIntoView }
}

describe('the held position', () => {
  it('keeps the first message in view where it was when older rows come in above it', async () => {
    const ids = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    const list = aList(ids, (id) => (id - 10) * 100)
    list.el.scrollTop = 250 // message 13 is the first wholly in view, 50 px from the top
    const t = hold(list, rowsOf(ids))
    list.moveDown(500, [1, 2, 3])
    t.hook.rerender({ rows: rowsOf([1, 2, 3, ...ids]) })
    await waitFor(() => expect(list.topOf(13)).toBe(50))
    expect(list.el.scrollTop).toBe(750)
  })

  it('lets go as soon as the reader scrolls themselves (wheel, touch, keys, pointer)', async () => {
    const ids = [10, 11, 12, 13, 14]
    const list = aList(ids, (id) => (id - 10) * 100)
    list.el.scrollTop = 250
    const t = hold(list, rowsOf(ids))
    list.moveDown(500, [1])
    t.hook.rerender({ rows: rowsOf([1, ...ids]) })
    list.el.dispatchEvent(new Event('wheel'))
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    expect(list.el.scrollTop).toBe(250)
  })

  it('at the end of a list that follows new rows, holds nothing: the end is followed instead', async () => {
    const ids = [10, 11, 12]
    const list = aList(ids, (id) => 4400 + (id - 10) * 100)
    list.el.scrollTop = 4400 // the end: 5,000 px of list in a 600 px view
    const t = hold(list, rowsOf(ids))
    list.moveDown(30, [1])
    t.hook.rerender({ rows: rowsOf([1, ...ids]) })
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    expect(list.el.scrollTop).toBe(4400)
  })

  it('in a run jumped into (not following), holds the place at its end too', async () => {
    const ids = [10, 11, 12]
    const list = aList(ids, (id) => 4400 + (id - 10) * 100)
    list.el.scrollTop = 4380 // within the end threshold; message 10 is 20 px from the top
    const t = hold(list, rowsOf(ids), false)
    list.moveDown(10, [1])
    t.hook.rerender({ rows: rowsOf([1, ...ids]) })
    await waitFor(() => expect(list.topOf(10)).toBe(20))
  })

  it('brings the message held into the rendered window when it is not rendered after the change (many rows above it went at once)', async () => {
    const ids = [10, 11, 12, 13, 14]
    const list = aList(ids, (id) => (id - 10) * 100)
    list.el.scrollTop = 250
    const t = hold(list, rowsOf(ids))
    list.remove(13)
    t.hook.rerender({ rows: rowsOf([12, 13, 14]) })
    await waitFor(() => expect(t.bringIntoView).toHaveBeenCalledWith(1))
  })
})
