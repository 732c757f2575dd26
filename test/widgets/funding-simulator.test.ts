/** <ganapati-funding-simulator> in real Chromium against the real API (libSQL in memory, funding rules seeded). */
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands'
import type { SimulationResult } from '../../api/contracts/simulations'
import '../../widgets/booking-link/define'
import '../../widgets/funding-simulator/define'
import '../../widgets/opco-finder/define'
import type { GanapatiFundingSimulator } from '../../widgets/funding-simulator/funding-simulator'
import type { GanapatiOpcoFinder } from '../../widgets/opco-finder/opco-finder'
import { defineElement } from '../../widgets/shared/base-element'
import type { SimulationChangeDetail } from '../../widgets/shared/events'
import {
  afterEach,
  assert,
  cleanUp,
  deepEqual,
  describe,
  equal,
  expectNoAxeViolations,
  includes,
  it,
  mount,
  part,
  parts,
  proxiedApi,
  testEnv,
  text,
  waitFor,
  waitForState,
  widgetUnderCsp,
} from './helpers'

/**
 * The worked example (sources in db/data/funding-rules-sources.md): an apprentice at level 6,
 * contract from 2026-10-01, 12 employees, CFA price 8 500 €, NPEC 7 000 € → OPCO 6 250 €
 * (NPEC − the 750 € participation of décret 2025-585), employer 2 250 € (1 500 € above the NPEC
 * + 750 €), State hiring aid 2 000 € (décret 2026-168, < 250 employees, level 6).
 */
const WORKED = 'scheme="apprentissage" date="2026-10-01" headcount="12" level="6"'
const WORKED_PRICES = 'price="8500" npec="7000"'
const WORKED_REQUEST = {
  scheme: 'apprentissage',
  lang: 'fr',
  date: '2026-10-01',
  headcount: 12,
  level: 6,
  priceCents: 850000,
  npecCents: 700000,
  rqth: false,
  distanceLearning: false,
}

async function simulator(attributes = '', api?: string): Promise<GanapatiFundingSimulator> {
  const element = mount<GanapatiFundingSimulator>(
    `<ganapati-funding-simulator api="${api ?? (await testEnv()).api}" ${attributes}></ganapati-funding-simulator>`,
  )
  await element.updateComplete
  return element
}

function control(element: Element, id: string): HTMLInputElement {
  const found = element.shadowRoot?.getElementById(id)
  assert(found, `the ${id} control`)
  return found as HTMLInputElement
}

/** Types over a field like a visitor who selects what is there and types anew. */
async function retype(element: Element, id: string, value: string): Promise<void> {
  const input = control(element, id)
  input.focus()
  input.select()
  await sendKeys(value ? { type: value } : { press: 'Backspace' })
}

/** Chooses an option as the browser does after a pick in the list: value set, `change` fired. */
function choose(element: Element, id: string, value: string): void {
  const select = control(element, id)
  select.value = value
  select.dispatchEvent(new Event('change', { bubbles: true }))
}

/** The figure of one amount (`opco`, `employer`, `state`, `total`) in a result column. */
function amount(element: Element, payer: string, column = 0): string {
  return text(parts(element, `amount-${payer}`)[column]?.querySelector('dd'))
}

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim()

function changes(): CustomEvent<SimulationChangeDetail>[] {
  const seen: CustomEvent<SimulationChangeDetail>[] = []
  const listener = (event: CustomEvent<SimulationChangeDetail>) => seen.push(event)
  document.addEventListener('ganapati-simulation-change', listener)
  listeners.push(() => document.removeEventListener('ganapati-simulation-change', listener))
  return seen
}
const listeners: (() => void)[] = []

/** What the real API answers, asked directly: the widget must show the same. */
async function simulate(body: object): Promise<SimulationResult> {
  const { api } = await testEnv()
  const response = await fetch(`${api}/v1/simulations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  equal(response.status, 200, 'POST /v1/simulations')
  return (await response.json()) as SimulationResult
}

describe('<ganapati-funding-simulator>', () => {
  afterEach(async () => {
    for (const remove of listeners.splice(0)) remove()
    cleanUp()
    history.replaceState(null, '', location.pathname + location.search)
    await emulateMedia({ media: 'screen' })
  })

  it('registers once and tolerates the bundle being loaded twice', () => {
    const ctor = customElements.get('ganapati-funding-simulator')
    assert(ctor, 'ganapati-funding-simulator is defined')
    defineElement('ganapati-funding-simulator', class extends HTMLElement {})
    equal(customElements.get('ganapati-funding-simulator'), ctor, 'the first definition stays')
  })

  it('shows the worked example preset by attributes: figures, read-only fields, chart, sourced lines', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')

    equal(amount(element, 'opco'), '6 250 €', 'OPCO')
    equal(amount(element, 'employer'), '2 250 €', 'employer’s reste à charge')
    equal(amount(element, 'state'), '2 000 €', 'State aid')
    equal(amount(element, 'total'), '8 500 €', 'training cost')
    includes(text(part(element, 'amount-employer')), 'Reste à charge de l’entreprise', 'label')

    for (const [id, shown] of [
      ['scheme', 'Contrat d’apprentissage'],
      ['price', '8 500'],
      ['npec', '7 000'],
      ['level', '6 — bac +3 ou +4 (licence, BUT)'],
      ['headcount', '12'],
      ['date', '2026-10-01'],
    ] as const) {
      const field = control(element, id)
      equal(field.readOnly, true, `${id} is read-only`)
      equal(squash(field.value), shown, `${id} shows its preset`)
    }
    equal(control(element, 'opco').tagName, 'SELECT', 'the OPCO, not preset, stays a choice')

    const chart = part(element, 'chart')
    equal(chart?.getAttribute('role'), 'img', 'chart role')
    const name = squash(chart?.getAttribute('aria-label'))
    for (const figure of ['OPCO : 6 250 €', 'Entreprise : 2 250 €', 'État : 2 000 €']) {
      includes(name, figure, 'chart accessible name')
    }
    equal(squash(chart?.querySelector('title')?.textContent), name, 'chart title')
    equal(chart?.querySelectorAll('rect').length, 3, 'one bar per payer')

    const expected = await simulate(WORKED_REQUEST)
    const lines = parts(element, 'line')
    equal(lines.length, expected.lines.length, 'one line per line of the API')
    expected.lines.forEach((line, i) => {
      const shown = lines[i]!
      includes(text(shown), line.label, `line ${i} label`)
      const link = shown.querySelector('[part~="source"] a')
      equal(link?.getAttribute('href') ?? null, line.source?.url ?? null, `line ${i} source link`)
      // Rule ids are the API's, for support: not shown to visitors.
      if (line.ruleId) assert(!text(shown).includes(line.ruleId), `line ${i} shows no rule id`)
    })
    const participation = lines.find((line) => text(line).includes('-750 €'))
    includes(text(participation), '-750 €', 'the deduction from the OPCO')
    // The 750 € source is dated July 2025 only: an undated link, never a made-up day.
    includes(text(participation), 'source (nouvel onglet)', 'undated source in French')
    equal(
      participation?.querySelector('a')?.getAttribute('target'),
      '_blank',
      'sources open in a new tab',
    )
  })

  it('words the distance-learning box with the threshold of the rule in force', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitFor(
      () => text(element.shadowRoot?.querySelector('label[for="distance"]')).includes('80 %'),
      'the threshold of npec-distance-reduction',
    )
  })

  it('updates the result as the visitor types, in French number formats', async () => {
    const element = await simulator(`${WORKED} npec="7000"`)
    await waitForState(element, 'idle')
    includes(text(part(element, 'message')), '« Prix de la formation (€) »', 'what is missing')

    await retype(element, 'price', '8 500')
    await waitFor(() => amount(element, 'employer') === '2 250 €', 'the first result')
    await retype(element, 'price', '9 000,50')
    await waitFor(
      () => amount(element, 'employer') === '2 750,50 €',
      () => `2 750,50 € (got ${amount(element, 'employer')})`,
    )
    equal(amount(element, 'opco'), '6 250 €', 'the OPCO still pays the NPEC minus 750 €')
    equal(control(element, 'price').readOnly, false, 'a field not preset stays editable')
  })

  it('keeps the previous figures while the next load, and drops a superseded request', async () => {
    const proxy = proxiedApi('simulator-superseded')
    const element = await simulator(`${WORKED} npec="7000"`, proxy.url)
    await retype(element, 'price', '8500')
    await waitFor(() => amount(element, 'employer') === '2 250 €', 'the first result')

    await proxy.hold('/v1/simulations')
    await retype(element, 'price', '9000')
    await waitFor(
      async () => (await proxy.requests()).some((r) => r.state === 'held'),
      'the next simulation in flight',
    )
    await waitForState(element, 'loading')
    equal(amount(element, 'employer'), '2 250 €', 'the previous figure stays while loading')
    equal(
      element.shadowRoot?.querySelector('.results')?.getAttribute('aria-busy'),
      'true',
      'aria-busy',
    )

    await retype(element, 'price', '9500')
    await waitFor(() => amount(element, 'employer') === '3 250 €', 'the latest price’s figure')
    await waitFor(
      async () => (await proxy.requests()).some((r) => r.state === 'aborted'),
      'the superseded request aborted',
    )
    equal(element.getAttribute('state'), 'ready', 'state')
  })

  it('is filled by a finder on the same page (ganapati-opco-found), unless a trainer preset another OPCO', async () => {
    const { api } = await testEnv()
    const seen = changes()
    mount(
      `<div>
        <ganapati-opco-finder api="${api}"></ganapati-opco-finder>
        <ganapati-funding-simulator id="chained" api="${api}" ${WORKED} ${WORKED_PRICES}></ganapati-funding-simulator>
        <ganapati-funding-simulator id="preset" api="${api}" ${WORKED} ${WORKED_PRICES} opco="akto"></ganapati-funding-simulator>
      </div>`,
    )
    const finder = document.querySelector('ganapati-opco-finder') as GanapatiOpcoFinder
    const chained = document.getElementById('chained') as GanapatiFundingSimulator
    const preset = document.getElementById('preset') as GanapatiFundingSimulator
    await waitForState(chained, 'ready')
    await waitForState(preset, 'ready')

    const input = finder.shadowRoot?.querySelector('input')
    assert(input, 'the finder input')
    input.focus()
    await sendKeys({ type: '1486' })
    await sendKeys({ press: 'Enter' })

    await waitFor(() => control(chained, 'opco').value === 'atlas', 'the OPCO from the finder')
    equal(control(chained, 'idcc').value, '1486', 'the IDCC from the finder')
    const event = await waitFor(
      () => seen.find((e) => e.target === chained && e.detail.result.opcoId === 'atlas'),
      'a simulation for Atlas',
    )
    equal(event.detail.request.idcc, '1486', 'the IDCC sent')
    await waitFor(
      () =>
        text((control(chained, 'opco') as unknown as HTMLSelectElement).selectedOptions[0]) ===
        'Atlas',
      'the OPCO named',
    )

    await waitFor(() => control(preset, 'opco').value === 'AKTO', 'the preset OPCO, by name')
    equal(control(preset, 'opco').readOnly, true, 'the preset OPCO is read-only')
    equal(control(preset, 'idcc').value, '', 'no IDCC from another OPCO')
    equal(preset.getAttribute('state'), 'ready', 'no contradiction sent to the API')
  })

  it('drops the OPCO and IDCC of the previous search, as does a booking widget, when the next finds no OPCO', async () => {
    const { api } = await testEnv()
    mount(
      `<div>
        <ganapati-opco-finder api="${api}"></ganapati-opco-finder>
        <ganapati-funding-simulator api="${api}" ${WORKED} ${WORKED_PRICES}></ganapati-funding-simulator>
        <ganapati-booking-link api="${api}"></ganapati-booking-link>
      </div>`,
    )
    const finder = document.querySelector('ganapati-opco-finder') as GanapatiOpcoFinder
    const chained = document.querySelector('ganapati-funding-simulator') as GanapatiFundingSimulator
    const booking = document.querySelector('ganapati-booking-link') as unknown as {
      found: { opcoId?: string | null; idcc?: string | null; siret?: string | null }
    }
    await waitForState(chained, 'ready')
    const input = finder.shadowRoot?.querySelector('input')
    assert(input, 'the finder input')
    input.focus()
    await sendKeys({ type: '1486' })
    await sendKeys({ press: 'Enter' })
    await waitFor(() => control(chained, 'opco').value === 'atlas', 'the OPCO from the finder')
    equal(booking.found.idcc, '1486', 'the booking knows the IDCC')

    input.select()
    await sendKeys({ type: '9999' })
    await sendKeys({ press: 'Enter' })
    await waitForState(finder, 'ready')
    await waitFor(() => control(chained, 'opco').value === '', 'the OPCO dropped')
    equal(control(chained, 'idcc').value, '', 'the IDCC dropped')
    equal(booking.found.opcoId ?? null, null, 'the booking forgets the OPCO')
    equal(booking.found.idcc ?? null, null, 'the booking forgets the IDCC')
    equal(booking.found.siret ?? null, null, 'the booking sends no SIRET')
  })

  it('fits a 320 px screen without sideways scrolling, every control inside its panel', async () => {
    try {
      await setViewport({ width: 320, height: 640 })
      const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
      await waitForState(element, 'ready')
      const panel = part(element, 'base')!.getBoundingClientRect()
      const over = [...element.shadowRoot!.querySelectorAll('*')].filter(
        (node) => node.getBoundingClientRect().right > panel.right + 0.5,
      )
      equal(
        over
          .map(
            (node) =>
              `${node.localName}.${node.className}:${Math.round(node.getBoundingClientRect().right)}`,
          )
          .join(' '),
        '',
        'nothing past the panel',
      )
      const page = document.scrollingElement!
      assert(
        page.scrollWidth <= page.clientWidth,
        `no sideways scroll: ${page.scrollWidth} > ${page.clientWidth}`,
      )
    } finally {
      await setViewport({ width: 800, height: 600 })
    }
  })

  it('keeps the chart labels at 12 px or more on a 375 px screen', async () => {
    try {
      await setViewport({ width: 375, height: 667 })
      const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
      await waitForState(element, 'ready')
      const chart = part(element, 'chart')!
      const scale = chart.getBoundingClientRect().width / 400
      for (const label of chart.querySelectorAll('text')) {
        const size = parseFloat(getComputedStyle(label).fontSize) * scale
        assert(size >= 12, `chart labels of ${size.toFixed(1)} px at 375 px`)
      }
      const [opco, bar] = [chart.querySelector('text')!, chart.querySelector('rect')!]
      assert(
        opco.getBoundingClientRect().right <= bar.getBoundingClientRect().left,
        'the payer label ends before its bar',
      )
    } finally {
      await setViewport({ width: 800, height: 600 })
    }
  })

  it('compares a second scheme side by side for the same training', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')
    equal(parts(element, 'result').length, 1, 'one column')

    const compare = part(element, 'compare')
    equal(compare?.tagName, 'SELECT', 'the « Comparer avec… » select')
    includes(
      text(element.shadowRoot?.querySelector('label[for="compare"]')),
      'Comparer avec',
      'its label',
    )
    choose(element, 'compare', 'contrat-pro')
    await waitFor(() => element.shadowRoot?.getElementById('hours'), 'the hours the scheme asks')
    await waitFor(
      () => text(parts(element, 'result')[1]).includes('Durée de la formation'),
      'the compared scheme asks its hours',
    )
    await retype(element, 'hours', '400')
    await waitFor(() => amount(element, 'opco', 1) === '3 660 €', 'the contrat pro figures')
    // Legal default 9,15 €/h (décret 2019-1489 rates, rule contrat-pro-forfait-defaut) × 400 h.
    equal(amount(element, 'employer', 1), '4 840 €', 'the same price, 8 500 €, less 3 660 €')
    equal(amount(element, 'total', 1), '8 500 €', 'same training price')
    includes(text(parts(element, 'result')[1]), 'Contrat de professionnalisation', 'its title')
    equal(amount(element, 'opco'), '6 250 €', 'the apprenticeship column stays')
  })

  it('says which scheme asks each field, and how much less one leaves to pay, in compare mode', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES} hours="400" compare="contrat-pro"`)
    await waitFor(() => amount(element, 'opco', 1) === '3 660 €', 'both columns')
    const only = (id: string) =>
      text(element.shadowRoot?.querySelector(`label[for="${id}"] [part~="only"]`))
    for (const id of ['headcount', 'level', 'npec', 'rqth', 'distance']) {
      equal(only(id), 'Contrat d’apprentissage uniquement', `${id}, the apprenticeship’s`)
    }
    for (const id of ['hours', 'rate', 'priority']) {
      equal(only(id), 'Contrat de professionnalisation uniquement', `${id}, the contrat pro’s`)
    }
    for (const id of ['date', 'opco', 'idcc', 'price']) equal(only(id), '', `${id}, both’s`)
    includes(
      text(element.shadowRoot?.querySelector('legend')),
      'Contrat d’apprentissage uniquement',
      'the frais annexes, once for the group',
    )
    equal(only('meals'), '', 'not again on each of them')
    includes(
      text(part(element, 'hint')),
      'Les champs sans mention valent pour les deux dispositifs.',
      'the hint says what the others are',
    )
    // 4 840 € with the contrat pro − 2 250 € with the apprenticeship (the figures above).
    equal(
      text(part(element, 'difference')),
      'Reste à charge de l’entreprise : 2 590 € de moins avec « Contrat d’apprentissage » qu’avec « Contrat de professionnalisation ».',
      'the difference',
    )

    try {
      await setViewport({ width: 320, height: 640 })
      const page = document.scrollingElement!
      assert(
        page.scrollWidth <= page.clientWidth,
        `no sideways scroll at 320 px: ${page.scrollWidth}`,
      )
    } finally {
      await setViewport({ width: 800, height: 600 })
    }

    choose(element, 'compare', '')
    await waitFor(() => parts(element, 'result').length === 1, 'one column again')
    equal(part(element, 'difference'), null, 'no difference')
    equal(part(element, 'only'), null, 'no scheme named under the fields')
  })

  it('makes a link that restores the simulation, compared scheme included', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES} hours="400" compare="contrat-pro"`)
    await waitFor(() => amount(element, 'opco', 1) === '3 660 €', 'both columns')
    const link = (part(element, 'share-link') as HTMLInputElement).value
    equal(
      link.split('#')[0],
      location.href.split('#')[0],
      'the page itself, with the simulation in its hash',
    )
    includes(link, '#ganapati-sim=', 'the hash')

    cleanUp()
    history.replaceState(null, '', link)
    const restored = await simulator('')
    await waitFor(() => amount(restored, 'opco', 1) === '3 660 €', 'the restored comparison')
    equal(amount(restored, 'opco'), '6 250 €', 'the restored result')
    equal(amount(restored, 'employer'), '2 250 €', 'the restored reste à charge')
    equal(squash(control(restored, 'price').value), '8 500', 'the price, in French')
    equal(control(restored, 'price').readOnly, false, 'restored fields stay editable')
    equal(control(restored, 'level').value, '6', 'the level')
    equal(control(restored, 'compare').value, 'contrat-pro', 'the compared scheme')
  })

  it('gives each simulator its link by its id, beside the page’s hash route, and scrolls to the one a link opens', async () => {
    const { api } = await testEnv()
    // A single-page app's route, which the links must keep for the page to open where it was.
    history.replaceState(null, '', '#/tarifs')
    const markup = `<div>
      <ganapati-funding-simulator id="first" api="${api}" ${WORKED} npec="7000"></ganapati-funding-simulator>
      <div class="spacer"></div>
      <ganapati-funding-simulator id="second" api="${api}" ${WORKED} npec="7000"></ganapati-funding-simulator>
      <div class="spacer"></div>
    </div>`
    const page = () => {
      mount(markup)
      // Two screens apart, so that opening a link has to scroll to its simulator.
      for (const spacer of document.querySelectorAll<HTMLElement>('.spacer')) {
        spacer.style.height = `${2 * innerHeight}px`
      }
      return ['first', 'second'].map(
        (id) => document.getElementById(id) as GanapatiFundingSimulator,
      )
    }
    const [first, second] = page()
    await Promise.all([first!.updateComplete, second!.updateComplete])
    await retype(first!, 'price', '8500')
    await retype(second!, 'price', '9000')
    await waitFor(() => amount(first!, 'employer') === '2 250 €', 'the first simulation')
    await waitFor(() => amount(second!, 'employer') === '2 750 €', 'the second simulation')
    const links = [first!, second!].map((element) => {
      const { value } = part(element, 'share-link') as HTMLInputElement
      return value
    })
    const route = `${location.href.split('#')[0]}#/tarifs?`
    assert(links[0]!.startsWith(`${route}ganapati-sim-first=`), `the first link: ${links[0]}`)
    assert(links[1]!.startsWith(`${route}ganapati-sim-second=`), `the second link: ${links[1]}`)

    cleanUp()
    scrollTo(0, 0)
    history.replaceState(null, '', links[1])
    const [notOpened, opened] = page()
    await waitFor(() => amount(opened!, 'employer') === '2 750 €', 'the second link restored')
    equal(squash(control(opened!, 'price').value), '9 000', 'its price')
    await waitForState(notOpened!, 'idle')
    equal(control(notOpened!, 'price').value, '', 'the first simulator keeps its own, empty')
    assert(location.hash.startsWith('#/tarifs?'), `the page’s route is kept: ${location.hash}`)
    await waitFor(
      () => Math.abs(opened!.getBoundingClientRect().top) < 2,
      () =>
        `the page scrolled to the second simulator (top ${opened!.getBoundingClientRect().top})`,
    )
    assert(scrollY > innerHeight, `scrolled down: ${scrollY}`)
  })

  it('copies the link with the Clipboard API, or says how to copy it', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')
    const button = part(element, 'share-button')
    equal(text(button), 'Copier le lien', 'button label')
    button?.click()
    const status = await waitFor(
      () => text(part(element, 'share')?.querySelector('[role="status"]')),
      'the copy status',
    )
    assert(
      ['Lien copié.', 'Sélectionnez le lien puis copiez-le (Ctrl+C).'].includes(status),
      `copy status: ${status}`,
    )
  })

  it('is used with the keyboard alone: native controls in form order, then the copy button', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')
    const focused = () => element.shadowRoot?.activeElement
    control(element, 'compare').focus()
    const order: string[] = []
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' })
      order.push(focused()?.id || focused()?.getAttribute('part') || '')
    }
    // Read-only presets stay in the tab order: a keyboard or screen-reader user reads them too.
    deepEqual(order, ['date', 'opco', 'idcc', 'headcount', 'level', 'price'], 'tab order')
    part(element, 'share-button')?.focus()
    await sendKeys({ press: 'Enter' })
    await waitFor(
      () => text(part(element, 'share')?.querySelector('[role="status"]')),
      'Enter on the copy button',
    )
  })

  it('says « Montant non estimé » with the OPCO’s criteria page when no figure is known, never 0', async () => {
    const element = await simulator(
      'scheme="plan" date="2026-10-01" opco="akto" headcount="12" hours="14" price="1500"',
    )
    await waitForState(element, 'ready')
    equal(amount(element, 'opco'), 'Montant non estimé', 'OPCO amount')
    equal(amount(element, 'employer'), 'Montant non estimé', 'reste à charge')
    equal(part(element, 'chart'), null, 'no empty chart when nothing is estimated')
    const warnings = part(element, 'warnings')
    includes(text(warnings), 'AKTO', 'the warning names the OPCO')
    const criteria = [...(warnings?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))
    assert(
      criteria.includes('https://www.akto.fr/financer-une-formation/regles-de-prise-en-charge/'),
      `the criteria page linked: ${criteria}`,
    )
  })

  it('shows a 400 next to the field it names, with aria-invalid and aria-describedby', async () => {
    const element = await simulator(`${WORKED} npec="7000"`)
    await retype(element, 'price', '0')
    await waitForState(element, 'error')
    const price = control(element, 'price')
    equal(price.getAttribute('aria-invalid'), 'true', 'aria-invalid')
    const error = element.shadowRoot?.getElementById(price.getAttribute('aria-describedby') ?? '')
    equal(text(error), 'Le montant doit être supérieur à 0.', 'the API’s detail under the field')
    equal(error?.getAttribute('part'), 'error', 'error part')
    equal(error?.closest('[part~="field"]'), price.closest('[part~="field"]'), 'in the same field')
    includes(text(part(element, 'message')), 'Corrigez le champ signalé', 'the result says why')

    await retype(element, 'price', '8500')
    await waitForState(element, 'ready')
    equal(price.getAttribute('aria-invalid'), null, 'no longer invalid')
  })

  it('flags a number it cannot read without asking the API', async () => {
    const proxy = proxiedApi('simulator-bad-number')
    const element = await simulator(`${WORKED} npec="7000"`, proxy.url)
    await retype(element, 'price', 'huit mille')
    await waitForState(element, 'error')
    equal(
      text(element.shadowRoot?.getElementById('price-error')),
      'Saisissez un nombre, par exemple 8 500 ou 8 500,50.',
      'message',
    )
    equal(control(element, 'price').getAttribute('aria-invalid'), 'true', 'aria-invalid')
    const posts = (await proxy.requests()).filter((r) => r.path === '/v1/simulations')
    equal(posts.length, 0, 'no simulation requested')
  })

  it('names the OPCO an IDCC contradicts, from the API’s pointer', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')
    choose(element, 'opco', 'akto')
    await retype(element, 'idcc', '1486')
    await waitForState(element, 'error')
    includes(text(element.shadowRoot?.getElementById('opco-error')), 'Atlas', 'the OPCO of 1486')
    equal(control(element, 'opco').getAttribute('aria-invalid'), 'true', 'the select flagged')
  })

  it('emits ganapati-simulation-change with the request and the result, bubbling and composed', async () => {
    const seen = changes()
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')
    const event = await waitFor(() => seen[0], 'the event on document')
    equal(event.bubbles, true, 'bubbles')
    equal(event.composed, true, 'composed')
    deepEqual(event.detail.request, WORKED_REQUEST, 'the request sent')
    deepEqual(event.detail.result, await simulate(WORKED_REQUEST), 'the API’s answer')
  })

  it('dates a source when the rule’s source gives a date', async () => {
    // aide-embauche-2025-02: Lefebvre Dalloz, 2026-01-05 (funding-rules-sources.md §1).
    const element = await simulator(
      'scheme="apprentissage" date="2025-06-01" headcount="12" level="5" price="8500" npec="7000"',
    )
    await waitForState(element, 'ready')
    const lines = [...(part(element, 'lines')?.querySelectorAll('li') ?? [])]
    // The State's line: rule ids are not shown to visitors.
    const aid = lines.find((line) => line.querySelector('.payer--state'))
    includes(text(aid), 'source du 05/01/2026', 'source date in French')
  })

  it('speaks English with lang="en", and words a 400 itself', async () => {
    const element = await simulator(`lang="en" ${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')
    equal(
      text(element.shadowRoot?.querySelector('label[for="price"]')),
      'Training price (€)',
      'label',
    )
    equal(amount(element, 'opco'), '€6,250', 'OPCO amount')
    includes(text(part(element, 'amount-employer')), 'Left for the company to pay', 'label')
    includes(squash(part(element, 'chart')?.getAttribute('aria-label')), 'Company: €2,250', 'chart')
    includes(text(part(element, 'lines')), 'source (new tab)', 'undated source')
    includes(
      text(part(element, 'lines')),
      'Mandatory employer contribution',
      'line from the API, in English',
    )
    equal(text(part(element, 'share-button')), 'Copy link', 'share button')

    cleanUp()
    const english = await simulator(`lang="en" ${WORKED} npec="7000"`)
    await retype(english, 'price', '8,500.50')
    await waitFor(() => amount(english, 'employer') === '€2,250.50', 'English number format')
    await retype(english, 'price', '0')
    await waitForState(english, 'error')
    equal(
      text(english.shadowRoot?.getElementById('price-error')),
      'This value is not accepted: check it.',
      'our English message, not the API’s French',
    )
  })

  it('keeps the amounts typed when the language changes at runtime', async () => {
    const seen = changes()
    const element = await simulator(`${WORKED} npec="7000"`)
    await retype(element, 'price', '8 500,5')
    await waitFor(() => amount(element, 'employer') === '2 250,50 €', 'the French result')

    element.setAttribute('lang', 'en')
    await waitFor(
      () => amount(element, 'employer') === '€2,250.50',
      () => `€2,250.50, not a price re-read as 85 005 (got ${amount(element, 'employer')})`,
    )
    equal(control(element, 'price').value, '8,500.5', 'the price, now in English')
    equal(control(element, 'npec').value, '7,000', 'the preset, now in English')
    const english = await waitFor(
      () => seen.find((event) => event.detail.request.lang === 'en'),
      'a simulation in English',
    )
    equal(english.detail.request.priceCents, 850050, 'the same price sent')
    includes(text(part(element, 'lines')), 'Remaining cost', 'the lines in English')

    element.setAttribute('lang', 'fr')
    await waitFor(() => amount(element, 'employer') === '2 250,50 €', 'back in French')
    equal(squash(control(element, 'price').value), '8 500,5', 'the price, in French again')
  })

  it('sends the apprenticeship’s frais annexes, grouped under their heading, only once filled', async () => {
    const seen = changes()
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')
    equal(seen[0]?.detail.request.scheme, 'apprentissage', 'the first simulation')
    equal('annex' in seen[0]!.detail.request, false, 'no annex while none is filled')

    const group = element.shadowRoot?.querySelector('fieldset')
    equal(text(group?.querySelector('legend')), 'Frais annexes (facultatif)', 'the heading')
    deepEqual(
      [...(group?.querySelectorAll('label') ?? [])].map((label) => text(label)),
      ['Repas pris en charge (nombre)', 'Nuitées (nombre)', 'Premier équipement (€)'],
      'the three fields in their group',
    )

    await retype(element, 'meals', '100')
    await retype(element, 'nights', '20')
    await retype(element, 'equipment', '800')
    // The API's caps (rule frais-annexes-apprenti): 100 × 3 € + 20 × 6 € + the 500 € equipment cap.
    await waitFor(
      () => amount(element, 'opco') === '7 170 €',
      () => `6 250 € + 920 € (got ${amount(element, 'opco')})`,
    )
    const request = {
      ...WORKED_REQUEST,
      annex: { meals: 100, nights: 20, firstEquipmentCents: 80000 },
    }
    const event = await waitFor(
      () => seen.find((e) => e.detail.result.opcoFundingCents === 717000),
      'the event',
    )
    deepEqual(event.detail.request, request, 'the annex sent')
    const annexLines = (await simulate(request)).lines.filter(
      (line) => line.ruleId === 'frais-annexes-apprenti',
    )
    equal(annexLines.length, 3, 'a line per annex item from the API')
    const labels = annexLines.map((line) => line.label)
    const shown = parts(element, 'line').filter((line) =>
      labels.includes(text(line.querySelector('span'))),
    )
    deepEqual(
      shown.map((line) => text(line.querySelector('span'))),
      annexLines.map((line) => line.label),
      'the meals, nights and equipment lines shown',
    )
  })

  it('sets the frais annexes apart from the boxes above, their heading clear of their fields', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')
    const group = element.shadowRoot!.querySelector('fieldset')!
    equal(getComputedStyle(group).borderTopStyle, 'solid', 'a rule above the group')
    const legend = group.querySelector('legend')!.getBoundingClientRect()
    const rule = group.getBoundingClientRect().top
    const boxes = control(element, 'distance').closest('[part~="field"]')!.getBoundingClientRect()
    const label = group.querySelector('label')!.getBoundingClientRect()
    assert(rule - boxes.bottom >= 8, `room above the rule: ${rule - boxes.bottom} px`)
    assert(legend.top - rule >= 8, `room between the rule and the heading: ${legend.top - rule} px`)
    assert(
      label.top - legend.bottom >= 8,
      `room under the heading: ${label.top - legend.bottom} px`,
    )
  })

  it('offers the OPCO’s own branches for the plan, and sends the one chosen', async () => {
    const seen = changes()
    const element = await simulator(
      'scheme="plan" date="2026-06-01" headcount="8" hours="35" price="3000"',
    )
    await waitForState(element, 'ready')
    equal(element.shadowRoot?.getElementById('branch'), null, 'no branch without an OPCO')
    equal(element.shadowRoot?.querySelector('fieldset'), null, 'no frais annexes for the plan')

    await waitFor(
      () => element.shadowRoot?.querySelector('#opco option[value="opco-ep"]'),
      'OPCO EP in the list',
    )
    choose(element, 'opco', 'opco-ep')
    const branch = await waitFor(
      () => element.shadowRoot?.querySelector<HTMLSelectElement>('#branch'),
      'the branch select',
    )
    equal(
      text(element.shadowRoot?.querySelector('label[for="branch"]')),
      'Branche de l’OPCO',
      'its label',
    )
    // OPCO EP publishes its 2026 plan scale per branch (rules pdc-opco-ep-177-2026, pdc-opco-ep-213-2026).
    deepEqual(
      [...branch.options].map((option) => option.value),
      ['', 'branche=177', 'branche=213'],
      'the branches of OPCO EP at the date',
    )
    equal(text(branch.options[0]), 'Non précisée', 'no branch chosen')
    deepEqual(
      [...branch.options].slice(1).map((option) => option.textContent),
      ['Branche n°\u00a0177', 'Branche n°\u00a0213'],
      'the branches shown in words, not as the API’s branche=177',
    )

    choose(element, 'branch', 'branche=177')
    await waitFor(() => amount(element, 'opco') === '2 000 €', 'the branch 177 annual cap')
    const event = await waitFor(
      () => seen.find((e) => e.detail.request.scheme === 'plan' && 'branch' in e.detail.request),
      'a simulation with the branch',
    )
    equal((event.detail.request as { branch?: string }).branch, 'branche=177', 'the branch sent')

    choose(element, 'opco', 'akto')
    await waitFor(() => !element.shadowRoot?.getElementById('branch'), 'no branch list for AKTO')
    await waitFor(() => amount(element, 'opco') === 'Montant non estimé', 'AKTO’s result')
    const last = seen.at(-1)!.detail.request
    equal('branch' in last, false, 'OPCO EP’s branch is not sent for AKTO')
  })

  it('says so when the browser is offline, and retries', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
    let element: GanapatiFundingSimulator
    try {
      element = await simulator(`${WORKED} ${WORKED_PRICES}`)
      await waitForState(element, 'error')
      includes(text(part(element, 'message')), 'hors ligne', 'offline message')
    } finally {
      delete (navigator as { onLine?: boolean }).onLine
    }
    const retry = part(element, 'button')
    equal(text(retry), 'Réessayer', 'retry button')
    retry?.click()
    await waitForState(element, 'ready')
    equal(amount(element, 'opco'), '6 250 €', 'figures after the retry')
  })

  it('prints the figures and sources without the controls', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')
    await emulateMedia({ media: 'print' })
    equal(getComputedStyle(part(element, 'share')!).display, 'none', 'no share block')
    equal(getComputedStyle(part(element, 'amounts')!).display, 'grid', 'the figures')
    equal(getComputedStyle(part(element, 'lines')!).display, 'block', 'the sources')
    equal(getComputedStyle(control(element, 'opco')).borderTopStyle, 'none', 'no input chrome')
  })

  it('prints a title, the day of the simulation and only the fields filled in', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES}`)
    await waitForState(element, 'ready')
    const header = part(element, 'print-header')!
    equal(header.checkVisibility(), false, 'no print title on screen')
    const shown = () =>
      parts(element, 'field')
        .filter((field) => field.checkVisibility())
        .map((field) => field.querySelector('[id]')?.id)
    await emulateMedia({ media: 'print' })
    equal(header.checkVisibility(), true, 'the title printed')
    equal(text(header.querySelector('h2')), 'Simulation du financement de la formation', 'title')
    const day = new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(new Date())
    equal(text(header.querySelector('p')), `Simulation du ${day}`, 'the day it was made')
    // No OPCO, no IDCC, nothing compared, boxes left unticked, no frais annexes: not printed.
    deepEqual(shown(), ['scheme', 'date', 'headcount', 'level', 'price', 'npec'], 'fields printed')
    equal(element.shadowRoot?.querySelector('fieldset')?.checkVisibility(), false, 'no annex')
    equal(part(element, 'hint')?.checkVisibility(), false, 'no typing hint')
    equal(part(element, 'share-button')?.checkVisibility(), false, 'no button')

    await emulateMedia({ media: 'screen' })
    control(element, 'rqth').click()
    await retype(element, 'meals', '100')
    await waitFor(() => amount(element, 'opco') === '6 550 €', 'the meals counted')
    await emulateMedia({ media: 'print' })
    deepEqual(
      shown(),
      ['scheme', 'date', 'headcount', 'level', 'price', 'npec', 'rqth', 'meals'],
      'the box ticked and the annex filled in, printed',
    )
    equal(element.shadowRoot?.querySelector('fieldset')?.checkVisibility(), true, 'the annex')
  })

  it('has no axe-core violations with two results side by side', async () => {
    const element = await simulator(`${WORKED} ${WORKED_PRICES} hours="400" compare="contrat-pro"`)
    await waitFor(() => amount(element, 'opco', 1) === '3 660 €', 'both columns')
    await expectNoAxeViolations(element)
  })

  it('has no axe-core violations with an error under a field, and with nothing to show yet', async () => {
    const element = await simulator(`${WORKED} npec="7000"`)
    await waitForState(element, 'idle')
    await expectNoAxeViolations(element)
    await retype(element, 'price', '0')
    await waitForState(element, 'error')
    await expectNoAxeViolations(element)
  })

  it('runs from the built bundle under a strict CSP without any violation', async () => {
    const { page, element } = await widgetUnderCsp('ganapati-funding-simulator')
    equal(amount(element, 'opco'), '6 250 €', 'figures rendered')
    const styled = page.getComputedStyle(part(element, 'result')!)
    equal(styled.borderTopStyle, 'solid', 'adopted stylesheets applied')
    deepEqual(page.cspViolations, [], 'securitypolicyviolation events')
  })
})
