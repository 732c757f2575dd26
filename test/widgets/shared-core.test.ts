/** What the widgets share, seen from a page in real Chromium: one request per page for reference data, the page's language. */
import '../../widgets/booking-link/define'
import '../../widgets/funding-simulator/define'
import '../../widgets/opco-finder/define'
import {
  afterEach,
  cleanUp,
  describe,
  equal,
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
  afterEach(() => {
    cleanUp()
    document.documentElement.removeAttribute('lang')
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
})
