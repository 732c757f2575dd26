/** Helpers for widget tests in real Chromium: mocha's globals typed, small asserts, waiting for a state, the test servers' origins. */

/** Any Ganapati widget: an element that renders asynchronously. */
type LitWidget = Element & { updateComplete: Promise<unknown> }

type Test = () => void | Promise<void>
interface Mocha {
  describe(name: string, suite: () => void): void
  it(name: string, test: Test): void
  before(hook: Test): void
  beforeEach(hook: Test): void
  afterEach(hook: Test): void
}
// WTR's mocha puts its BDD functions on window; typing them here keeps vitest's globals out of tsc.
export const { describe, it, before, beforeEach, afterEach } = globalThis as unknown as Mocha

export class AssertionError extends Error {
  override name = 'AssertionError'
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message)
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(
      `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    )
  }
}

export function deepEqual(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual)
  const e = JSON.stringify(expected)
  if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`)
}

export function includes(text: string | null | undefined, part: string, what: string): void {
  if (!text?.includes(part)) {
    throw new AssertionError(
      `${what}: expected to contain ${JSON.stringify(part)}, got ${JSON.stringify(text)}`,
    )
  }
}

/** Origins the WTR config started: the real API, the fake upstream, and a port nobody listens on. */
export interface TestEnv {
  api: string
  /** The same API that sends its e-mails to the tests' SMTP server (GET /__ganapati/mails). */
  mailApi: string
  fake: string
  closed: string
}

let env: Promise<TestEnv> | null = null
export function testEnv(): Promise<TestEnv> {
  env ??= fetch('/__ganapati/env.json').then((response) => response.json() as Promise<TestEnv>)
  return env
}

/** Switches the fake recherche-entreprises to a failure mode (`ok` to restore). */
export async function setUpstreamMode(
  mode: 'ok' | 'server-error' | 'rate-limited' | 'hang' | 'garbage' | 'wrong-shape' | 'truncated',
): Promise<void> {
  const { fake } = await testEnv()
  const response = await fetch(`${fake}/__mode/${mode}`, { method: 'POST' })
  equal(response.status, 204, 'fake upstream mode switch')
}

/** What the API proxy of the WTR config received under one name, in order. */
export interface ProxiedRequest {
  /** Path under the prefix, with its query: `/v1/conventions?q=boul&limit=8`. */
  path: string
  state: 'held' | 'aborted' | 'answered'
}

/**
 * The real API under a path prefix of the test server (`apiProxy` in the WTR config), as a
 * partner's reverse proxy serves it. A fresh `name` per test keeps its log and the finder's
 * per-API caches to itself. `hold(path)` keeps the next request to that path in flight.
 */
export function proxiedApi(name: string) {
  const control = `/__ganapati/proxy/${name}`
  const post = async (query: string) => {
    const response = await fetch(`${control}?${query}`, { method: 'POST' })
    equal(response.status, 204, `proxy ${query}`)
  }
  return {
    url: `${location.origin}${control}`,
    hold: (path: string) => post(`hold=${encodeURIComponent(path)}`),
    release: () => post('release'),
    requests: async () => (await (await fetch(control)).json()) as ProxiedRequest[],
  }
}

/** Polls until `check` returns a truthy value; waiting for a state, never asserting a duration. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string | (() => string),
  limitMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = performance.now() + limitMs
  for (;;) {
    const value = await check()
    if (value) return value as NonNullable<T>
    if (performance.now() > deadline) {
      throw new AssertionError(`gave up waiting for ${typeof what === 'string' ? what : what()}`)
    }
    await new Promise((tick) => setTimeout(tick, 20))
  }
}

/** Waits for a widget's reflected `state` attribute, then for its render. */
export async function waitForState(widget: LitWidget, state: string): Promise<void> {
  await waitFor(
    () => widget.getAttribute('state') === state,
    () => `state="${state}" (still "${widget.getAttribute('state')}")`,
  )
  await widget.updateComplete
}

/** Mounts markup in a <main> landmark (axe's region rule) and returns its first element. */
export function mount<T extends Element>(markup: string): T {
  const main =
    document.querySelector('main') ?? document.body.appendChild(document.createElement('main'))
  main.innerHTML = markup
  const element = main.firstElementChild
  assert(element, 'mounted element')
  return element as T
}

export function cleanUp(): void {
  document.querySelector('main')?.replaceChildren()
}

/** Shadow-DOM query helpers: the widgets' shadow roots are open. */
export function part(finder: Element, name: string): HTMLElement | null {
  return finder.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null
}

export function parts(finder: Element, name: string): HTMLElement[] {
  return [...(finder.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])]
}

export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

interface AxeResults {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[]
}
declare global {
  interface Window {
    axe?: { run(context: Element, options?: object): Promise<AxeResults> }
  }
}

/** Loads axe-core from node_modules once, as a classic script. */
async function loadAxe(): Promise<NonNullable<Window['axe']>> {
  if (!window.axe) {
    await new Promise<void>((loaded, failed) => {
      const script = document.createElement('script')
      script.src = '/node_modules/axe-core/axe.min.js'
      script.onload = () => loaded()
      script.onerror = () => failed(new Error('axe-core did not load'))
      document.head.append(script)
    })
  }
  assert(window.axe, 'axe-core loaded')
  return window.axe
}

/** Runs axe on an element (it reaches into open shadow roots) and fails with every violation listed. */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const axe = await loadAxe()
  const { violations } = await axe.run(element)
  const report = violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    )
    .join('\n')
  equal(report, '', 'axe-core violations')
}

export type CspPage = Window & { cspViolations: string[] }

/**
 * Opens the strict-CSP partner page (served by the WTR config at /__ganapati/csp.html, loading the
 * built bundle), in French or English, and waits until the widget `tag` there has answered.
 */
export async function widgetUnderCsp(
  tag: string,
  lang: 'fr' | 'en' = 'fr',
): Promise<{ page: CspPage; element: HTMLElement }> {
  const frame = mount<HTMLIFrameElement>(
    `<iframe title="Page partenaire" src="/__ganapati/csp.html?lang=${lang}"></iframe>`,
  )
  await new Promise((loaded) => frame.addEventListener('load', loaded, { once: true }))
  const page = frame.contentWindow as (Window & { cspViolations?: string[] }) | null
  assert(page?.cspViolations, 'the CSP probe ran first')
  const element = await waitFor(
    () => frame.contentDocument?.querySelector<HTMLElement>(tag) ?? null,
    `${tag} in the CSP page`,
  )
  await waitFor(() => element.getAttribute('state') === 'ready', `${tag} answering under CSP`)
  return { page: page as CspPage, element }
}
