import { expect, type FrameLocator, type Page } from '@playwright/test'

/** The app inside the host page's task card, with what feed specs need to drive and read it. */
export function taskCard(page: Page) {
  const app: FrameLocator = page.frameLocator('iframe[title="Task chat"]')
  const feed = app.getByRole('feed', { name: 'Task chat' })
  const scroller = app.locator('.feed-scroller')
  return {
    app,
    feed,
    scroller,
    async ready() {
      await expect(feed).toHaveAttribute('aria-busy', 'false')
      await expect(feed.getByRole('article').first()).toBeVisible()
    },
    // Both wait two frames so the virtualizer has rendered the rows for the new position.
    scrollToTop: () => scroller.evaluate((el) => new Promise<void>((done) => { el.scrollTo({ top: 0 }); requestAnimationFrame(() => requestAnimationFrame(() => done())) })),
    scrollBy: (dy: number) => scroller.evaluate((el, d) => new Promise<void>((done) => { el.scrollBy({ top: d }); requestAnimationFrame(() => requestAnimationFrame(() => done())) }), dy),
    /** The first article wholly inside the viewport: its message id and its distance from the viewport top. */
    firstVisible: () =>
      scroller.evaluate((el) => {
        const top = el.getBoundingClientRect().top
        for (const article of el.querySelectorAll('article')) {
          const box = article.getBoundingClientRect()
          if (box.top >= top && box.top < top + el.clientHeight && article.dataset['messageId'])
            return { id: article.dataset['messageId'], offset: box.top - top, pos: Number(article.getAttribute('aria-posinset')) }
        }
        return null
      }),
    offsetOf: (id: string) =>
      scroller.evaluate((el, messageId) => {
        const article = el.querySelector(`article[data-message-id="${messageId}"]`)
        return article ? article.getBoundingClientRect().top - el.getBoundingClientRect().top : null
      }, id),
    positionOf: (id: string) =>
      scroller.evaluate((el, messageId) => Number(el.querySelector(`article[data-message-id="${messageId}"]`)?.getAttribute('aria-posinset')), id),
    distanceFromEnd: () => scroller.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop),
  }
}
