/** What the widgets share, seen from a page in real Chromium: one request per page for reference data, the page's language, its theme. */
import { emulateMedia } from '@web/test-runner-commands'
import '../../widgets/booking-link/define'
import '../../widgets/funding-simulator/define'
import '../../widgets/opco-finder/define'
import {
  afterEach,
  assert,
  cleanUp,
  describe,
  equal,
  expectNoAxeViolations,
  it,
  mount,
  part,
  proxiedApi,
  text,
  waitFor,
  waitForState,
} from './helpers'

const WORKED =
  'scheme="apprentissage" date="2026-10-01" headcount="12" level="6" price="8500" npec="7000"'

describe('the widgets’ shared core', () => {
  afterEach(async () => {
    cleanUp()
    document.documentElement.removeAttribute('lang')
    document.documentElement.removeAttribute('style')
    await emulateMedia({ colorScheme: 'light' })
  })

  it('fetches the OPCOs and the funding rules once for every widget of the page', async () => {
    const proxy = proxiedApi('page-cache')
    mount(
      `<div>
        <ganapati-opco-finder api="${proxy.url}" value="1486"></ganapati-opco-finder>
        <ganapati-funding-simulator api="${proxy.url}" ${WORKED}></ganapati-funding-simulator>
        <ganapati-funding-simulator api="${proxy.url}" ${WORKED}></ganapati-funding-simulator>
        <ganapati-booking-link api="${proxy.url}" opco="atlas"></ganapati-booking-link>
      </div>`,
    )
    for (const widget of document.querySelectorAll('main div > *')) {
      await waitForState(widget as HTMLElement & { updateComplete: Promise<unknown> }, 'ready')
    }
    const simulator = document.querySelector('ganapati-funding-simulator')!
    // The rule in force words the distance-learning box once its answer is in.
    await waitFor(
      () => text(simulator.shadowRoot?.querySelector('label[for="distance"]')).includes('%'),
      'the funding rules answered',
    )
    const paths = (await proxy.requests()).map((request) => request.path)
    equal(paths.filter((path) => path === '/v1/opcos').length, 1, 'GET /v1/opcos for four widgets')
    equal(
      paths.filter((path) => path.startsWith('/v1/funding-rules?scheme=apprentissage')).length,
      1,
      'GET /v1/funding-rules for two simulators',
    )
  })

  it('speaks the page’s language without a lang attribute, and its own with one', async () => {
    document.documentElement.lang = 'en-GB'
    const english = mount<HTMLElement & { updateComplete: Promise<unknown> }>(
      '<ganapati-opco-finder></ganapati-opco-finder>',
    )
    await english.updateComplete
    equal(text(part(english, 'search-button')), 'Search', 'English from <html lang>')
    const french = mount<HTMLElement & { updateComplete: Promise<unknown> }>(
      '<ganapati-opco-finder lang="fr"></ganapati-opco-finder>',
    )
    await french.updateComplete
    equal(text(part(french, 'search-button')), 'Rechercher', 'the element’s own lang first')
  })

  it('takes the page’s colours set on :root, and the element’s own over them', async () => {
    document.documentElement.style.setProperty('--ganapati-color-primary', 'rgb(15, 107, 92)')
    const finder = mount<HTMLElement & { updateComplete: Promise<unknown> }>(
      '<ganapati-opco-finder></ganapati-opco-finder>',
    )
    await finder.updateComplete
    const button = part(finder, 'search-button')!
    equal(getComputedStyle(button).backgroundColor, 'rgb(15, 107, 92)', 'inherited from :root')
    finder.style.setProperty('--ganapati-color-primary', 'rgb(120, 20, 60)')
    equal(getComputedStyle(button).backgroundColor, 'rgb(120, 20, 60)', 'set on the element')
    equal(getComputedStyle(finder).colorScheme, 'light', 'native controls light by default')
  })

  it('draws a dark palette with theme="dark", and with theme="auto" on a dark system', async () => {
    const dark = mount<HTMLElement & { updateComplete: Promise<unknown> }>(
      `<div>
        <ganapati-opco-finder theme="dark" value="1486"></ganapati-opco-finder>
        <ganapati-funding-simulator theme="auto" ${WORKED}></ganapati-funding-simulator>
        <ganapati-booking-link theme="auto" opco="atlas"></ganapati-booking-link>
      </div>`,
    )
    const [finder, simulator, booking] = [...dark.children] as (HTMLElement & {
      updateComplete: Promise<unknown>
    })[]
    await waitForState(finder!, 'ready')
    equal(getComputedStyle(finder!).colorScheme, 'dark', 'theme="dark": native controls dark')
    equal(getComputedStyle(simulator!).colorScheme, 'light', 'theme="auto" on a light system')
    await emulateMedia({ colorScheme: 'dark' })
    await waitForState(simulator!, 'ready')
    await waitForState(booking!, 'ready')
    for (const widget of [finder!, simulator!, booking!]) {
      equal(getComputedStyle(widget).colorScheme, 'dark', `${widget.localName} in dark`)
      const base = part(widget, 'base')!
      // The panel's surface is dark: its red, green and blue all stay low.
      const channels = getComputedStyle(base).backgroundColor.match(/\d+/g)!.slice(0, 3)
      assert(
        channels.every((channel) => Number(channel) < 60),
        `${widget.localName} surface dark`,
      )
      // Dark text on a dark surface would fail axe's contrast rule.
      await expectNoAxeViolations(widget)
    }
  })

  it('ends a select’s text cut by a narrow column with an ellipsis', async () => {
    const frame = mount<HTMLDivElement>(
      '<div style="width: 320px"><ganapati-funding-simulator scheme="apprentissage"></ganapati-funding-simulator></div>',
    )
    const simulator = frame.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> }
    await simulator.updateComplete
    const level = simulator.shadowRoot?.querySelector<HTMLSelectElement>('select#level')
    assert(level, 'the level select')
    equal(getComputedStyle(level).textOverflow, 'ellipsis', 'text-overflow')
    assert(
      level.getBoundingClientRect().right <= simulator.getBoundingClientRect().right,
      'the select keeps within the widget',
    )
  })
})
