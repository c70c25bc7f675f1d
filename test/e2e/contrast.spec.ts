import { expect, test, type FrameLocator } from '@playwright/test'
import { taskCard } from './feed-page'
import { resetPortal } from './portal'

/**
 * WCAG 1.4.11 (non-text contrast) as axe does not check it: every visible control's boundary (its
 * border, or its background where that is what sets it apart) against what is behind it, at least
 * 3:1, and placeholders (text) at least 4.5:1, from the computed colours, light and dark. A control
 * drawn by the browser (a native checkbox) has no computed boundary and is left to the browser's
 * own theme; a control with neither border nor background of its own is told by its text or icon,
 * which axe's text contrast checks.
 */

interface Finding {
  control: string
  ratio: number
  what: string
}

/** Runs inside the app's frame: the boundary contrast of each visible control, and each placeholder's. */
function measure(): Finding[] {
  type Rgba = [number, number, number, number]
  const parse = (css: string): Rgba => {
    const m = css.match(/rgba?\(([^)]+)\)/)
    if (!m) return [0, 0, 0, 0]
    const [r, g, b, a] = m[1]!.split(/[\s,/]+/).map(Number)
    return [r!, g!, b!, a ?? 1]
  }
  const over = ([r, g, b, a]: Rgba, [br, bg, bb]: Rgba): Rgba => [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1]
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
  }
  const ratio = (x: Rgba, y: Rgba) => {
    const [hi, lo] = [luminance(x), luminance(y)].sort((a, b) => b - a)
    return (hi! + 0.05) / (lo! + 0.05)
  }
  /** What is painted behind an element: its ancestors' backgrounds, composed from the page's canvas up. */
  const behind = (el: Element): Rgba => {
    const layers: Rgba[] = []
    for (let e = el.parentElement; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor))
    const dark = matchMedia('(prefers-color-scheme: dark)').matches
    let colour: Rgba = dark ? [18, 18, 18, 1] : [255, 255, 255, 1]
    for (const layer of layers.reverse()) colour = over(layer, colour)
    return colour
  }
  const name = (el: Element) => {
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute('placeholder') ?? el.textContent ?? ''
    const role = el.getAttribute('role')
    return `${el.tagName.toLowerCase()}${role ? `[role=${role}]` : ''} "${label.trim().slice(0, 40)}"`
  }
  const found: Finding[] = []
  const controls = document.querySelectorAll('button, input, textarea, select, [role="switch"], [role="searchbox"], [role="checkbox"]')
  for (const el of controls) {
    const style = getComputedStyle(el)
    const box = el.getBoundingClientRect()
    if (box.width === 0 || box.height === 0 || style.visibility !== 'visible' || Number(style.opacity) === 0) continue
    if ((el as HTMLButtonElement).disabled || (el as HTMLInputElement).type === 'hidden') continue // inactive: exempt
    const back = behind(el)
    const fill = over(parse(style.backgroundColor), back)
    const native = style.appearance !== 'none' && el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type)
    const boundaries: { ratio: number; what: string }[] = []
    const border = parse(style.borderTopColor)
    if (parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none' && border[3] > 0)
      boundaries.push({ ratio: ratio(over(border, fill), back), what: `border ${style.borderTopColor}` })
    const fillRatio = ratio(fill, back)
    if (fillRatio > 1.005) boundaries.push({ ratio: fillRatio, what: `background ${style.backgroundColor}` })
    if (!native && boundaries.length > 0) {
      const best = boundaries.sort((a, b) => b.ratio - a.ratio)[0]!
      found.push({ control: name(el), ratio: best.ratio, what: `${best.what} on rgb(${back.slice(0, 3).map(Math.round).join(',')})` })
    }
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.placeholder && el.value === '') {
      const placeholder = getComputedStyle(el, '::placeholder')
      const text = parse(placeholder.color)
      text[3] *= Number(placeholder.opacity || 1)
      found.push({ control: `placeholder of ${name(el)}`, ratio: ratio(over(text, fill), fill), what: `text ${placeholder.color}` })
    }
  }
  return found
}

async function findings(app: FrameLocator) {
  return app.locator('body').evaluate(measure)
}

/** The findings under their floor (3:1 for a boundary, 4.5:1 for placeholder text), as lines that say what to fix. */
const failing = (all: Finding[]) =>
  all.filter((f) => f.ratio < (f.control.startsWith('placeholder') ? 4.5 : 3)).map((f) => `${f.control}: ${f.ratio.toFixed(2)}:1 (${f.what})`)

test.beforeEach(async ({ request }) => resetPortal(request))

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every control's boundary stands out 3:1 and placeholders 4.5:1 (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await page.goto('/task/1')
    const card = taskCard(page)
    await card.ready()
    await expect(card.app.getByRole('button', { name: 'Attach file' })).toBeVisible()
    await card.frames()
    const first = await findings(card.app)
    // The controls the issue measured are among those checked, so a check that found nothing cannot pass.
    const checked = first.map((f) => f.control).join('\n')
    for (const control of ['Show system messages', 'Results only', 'Search in chat', 'Attach file', 'placeholder of textarea'])
      expect(checked, `${control} was measured`).toContain(control)
    expect(failing(first), 'off switches, search field, message box, buttons').toEqual([])
    // The other state of a switch: on.
    await card.app.getByRole('switch', { name: 'Show system messages' }).click()
    await card.frames()
    expect(failing(await findings(card.app)), 'a switch on').toEqual([])
    // An empty chat: its way forward and the composer.
    await page.goto('/task/6')
    await expect(card.app.getByRole('button', { name: 'Attach file' })).toBeVisible()
    await card.frames()
    expect(failing(await findings(card.app)), 'an empty chat').toEqual([])
  })
}
