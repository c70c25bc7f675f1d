// jsdom computes no layout and cannot scroll, so a virtualized list would see a 0-pixel viewport
// stuck at the top. This gives elements the sizes a browser would (a 600-pixel scroller, 64-pixel
// rows) and makes scrollTop/scrollTo real, so component tests exercise the feed as it behaves in a
// browser. Pixel-exact behaviour (anchoring, flings) is tested in Chromium with Playwright.
const VIEWPORT = { width: 800, height: 600 }
const ROW_HEIGHT = 64

const isScroller = (el: Element) => el.classList.contains('feed-scroller')
const heightOf = (el: Element) => (isScroller(el) ? VIEWPORT.height : ROW_HEIGHT)

Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: {
    configurable: true,
    get(this: HTMLElement) {
      return heightOf(this)
    },
  },
  offsetWidth: {
    configurable: true,
    get() {
      return VIEWPORT.width
    },
  },
  clientHeight: {
    configurable: true,
    get(this: HTMLElement) {
      return heightOf(this)
    },
  },
})

Element.prototype.getBoundingClientRect = function (this: Element) {
  return new DOMRect(0, 0, VIEWPORT.width, heightOf(this))
}

const scrollTops = new WeakMap<Element, number>()
Object.defineProperty(Element.prototype, 'scrollTop', {
  configurable: true,
  get(this: Element) {
    return scrollTops.get(this) ?? 0
  },
  set(this: Element, value: number) {
    const max = Math.max(0, this.scrollHeight - this.clientHeight)
    scrollTops.set(this, Math.min(Math.max(0, value), max))
    this.dispatchEvent(new Event('scroll'))
  },
})
Object.defineProperty(Element.prototype, 'scrollHeight', {
  configurable: true,
  get(this: Element) {
    const content = this.firstElementChild as HTMLElement | null
    return content ? Number.parseFloat(content.style.height) || heightOf(content) : heightOf(this)
  },
})
Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number, y?: number) {
  const top = typeof options === 'object' ? options.top : y
  if (top !== undefined) this.scrollTop = top
} as Element['scrollTo']
