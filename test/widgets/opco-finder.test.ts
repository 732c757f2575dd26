/** <ganapati-opco-finder> in real Chromium against the real API; only recherche-entreprises is a fake server. */
import { sendKeys } from '@web/test-runner-commands'
import '../../widgets/booking-link/define'
import '../../widgets/opco-finder/define'
import { defineElement } from '../../widgets/shared/base-element'
import type { OpcoFoundDetail } from '../../widgets/shared/events'
import type { GanapatiOpcoFinder } from '../../widgets/opco-finder/opco-finder'
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
  setUpstreamMode,
  testEnv,
  text,
  waitFor,
  waitForState,
  widgetUnderCsp,
} from './helpers'

const BOOKING = 'https://meetings.hubspot.com/mehdi-abakri/rencontrer-mon-conseiller-en-formation'

async function finder(attributes = '', api?: string): Promise<GanapatiOpcoFinder> {
  const element = mount<GanapatiOpcoFinder>(
    `<ganapati-opco-finder api="${api ?? (await testEnv()).api}" ${attributes}></ganapati-opco-finder>`,
  )
  await element.updateComplete
  return element
}

function input(element: GanapatiOpcoFinder): HTMLInputElement {
  const field = part(element, 'input')
  assert(field instanceof HTMLInputElement, 'the combobox input')
  return field
}

/** Types like a visitor: real key presses in the focused input. */
async function type(element: GanapatiOpcoFinder, query: string): Promise<void> {
  input(element).focus()
  await sendKeys({ type: query })
}

/** Types over the whole field, as a visitor who selects what they typed and starts again. */
async function retype(element: GanapatiOpcoFinder, query: string): Promise<void> {
  input(element).focus()
  input(element).select()
  await sendKeys({ type: query })
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key })
}

function message(element: GanapatiOpcoFinder): string {
  return text(part(element, 'message'))
}

function found(): { events: CustomEvent<OpcoFoundDetail>[] } {
  const seen = { events: [] as CustomEvent<OpcoFoundDetail>[] }
  const listener = (event: CustomEvent<OpcoFoundDetail>) => seen.events.push(event)
  document.addEventListener('ganapati-opco-found', listener)
  listeners.push(() => document.removeEventListener('ganapati-opco-found', listener))
  return seen
}
const listeners: (() => void)[] = []

function optionTexts(element: GanapatiOpcoFinder): string[] {
  return parts(element, 'option').map(text)
}

describe('<ganapati-opco-finder>', () => {
  afterEach(async () => {
    for (const remove of listeners.splice(0)) remove()
    cleanUp()
    await setUpstreamMode('ok')
  })

  it('registers once and tolerates the bundle being loaded twice', () => {
    const ctor = customElements.get('ganapati-opco-finder')
    assert(ctor, 'ganapati-opco-finder is defined')
    defineElement('ganapati-opco-finder', class extends HTMLElement {})
    equal(customElements.get('ganapati-opco-finder'), ctor, 'the first definition stays')
  })

  it('starts idle, in French, with a labelled ARIA 1.2 combobox', async () => {
    const element = await finder()
    equal(element.getAttribute('state'), 'idle', 'state')
    const field = input(element)
    equal(field.getAttribute('role'), 'combobox', 'input role')
    equal(field.getAttribute('aria-expanded'), 'false', 'aria-expanded')
    equal(field.getAttribute('aria-controls'), 'listbox', 'aria-controls')
    includes(text(part(element, 'label')), 'Convention collective, IDCC, SIRET', 'label')
    equal(
      element.shadowRoot?.querySelector('label')?.htmlFor,
      field.id,
      'label is bound to the input',
    )
  })

  it('shows the card for an IDCC typed then Enter: convention, Atlas, confidence, reason, criteria, steps, booking', async () => {
    const seen = found()
    const element = await finder()
    await type(element, '1486')
    await press('Enter')
    await waitForState(element, 'ready')

    const card = part(element, 'card')
    includes(text(card), 'IDCC 1486', 'IDCC number')
    includes(text(part(element, 'title')), 'bureaux d’études techniques', 'convention title')
    equal(text(part(element, 'opco-name')), 'Atlas', 'OPCO name')
    equal(text(part(element, 'confidence')), 'Fiabilité élevée', 'confidence in words')
    includes(text(part(element, 'reason')), 'Atlas', 'reason')
    const criteria = parts(element, 'link').find((a) =>
      text(a).startsWith('Critères de financement'),
    )
    equal(
      criteria?.getAttribute('href'),
      'https://www.opco-atlas.fr/criteres-financement.html',
      'criteria link',
    )
    const steps = parts(element, 'steps')[0]?.querySelectorAll('li') ?? []
    equal(steps.length, 6, 'number of funding steps')
    includes(text(part(element, 'steps')), 'en ligne sur MyAtlas', 'Atlas step from its flyer')
    const booking = part(element, 'booking-link')
    equal(booking?.getAttribute('href'), BOOKING, 'booking link')
    includes(text(booking), 'Prendre rendez-vous avec un conseiller', 'booking label')
    await waitFor(
      () => text(card).includes('OPCO 2i ('),
      () => `the alternative named from GET /v1/opcos in ${text(card)}`,
    )
    equal(seen.events.length, 1, 'one ganapati-opco-found event')
  })

  it('emits ganapati-opco-found, bubbling and composed, across an enclosing shadow root', async () => {
    const { api } = await testEnv()
    const seen = found()
    const host = mount<HTMLElement>('<div></div>')
    const root = host.attachShadow({ mode: 'open' })
    root.innerHTML = `<ganapati-opco-finder api="${api}" value="1486"></ganapati-opco-finder>`
    const element = root.querySelector('ganapati-opco-finder') as GanapatiOpcoFinder
    await waitForState(element, 'ready')
    const event = await waitFor(() => seen.events[0], 'the event on document')
    equal(event.bubbles, true, 'bubbles')
    equal(event.composed, true, 'composed')
    deepEqual(
      event.detail,
      { opcoId: 'atlas', idcc: '1486', siret: null, company: null, confidence: 'high' },
      'detail',
    )
  })

  it('suggests conventions for words, grouped, with numbers and titles; ArrowDown then Enter picks one', async () => {
    const element = await finder()
    await type(element, 'boulangerie')
    await waitForState(element, 'ready')
    const field = input(element)
    equal(field.getAttribute('aria-expanded'), 'true', 'aria-expanded')
    const listbox = part(element, 'listbox')
    equal(listbox?.getAttribute('role'), 'listbox', 'listbox role')
    equal(
      text(listbox?.querySelector('[role="group"] [role="presentation"]')),
      'Conventions collectives',
      'group label',
    )
    const options = optionTexts(element)
    assert(
      options.some((o) => o.includes('0843') && o.includes('boulangerie-pâtisserie')),
      `0843 in ${options}`,
    )
    assert(
      options.some((o) => o.includes('1747')),
      `1747 in ${options}`,
    )
    includes(
      text(element.shadowRoot?.querySelector('[role="status"]')),
      `${options.length} conventions`,
      'live region',
    )

    await press('ArrowDown')
    await element.updateComplete
    const active = field.getAttribute('aria-activedescendant')
    assert(active, 'aria-activedescendant set')
    const first = element.shadowRoot?.getElementById(active)
    equal(first?.getAttribute('aria-selected'), 'true', 'active option is selected')
    includes(text(first), '0843', 'first option')

    await press('Enter')
    await waitForState(element, 'ready')
    includes(text(part(element, 'card')), 'IDCC 0843', 'picked convention')
    equal(text(part(element, 'opco-name')), 'OPCO EP', 'OPCO of 0843')
    includes(text(part(element, 'steps')), 'à l’OPCO EP', 'OPCO EP step from its flyer')
    equal(field.getAttribute('aria-expanded'), 'false', 'listbox closed after the pick')
  })

  it('suggests conventions for an IDCC prefix as typed: 148 finds 1486', async () => {
    const element = await finder()
    await type(element, '148')
    await waitForState(element, 'ready')
    const options = optionTexts(element)
    assert(
      options.some((o) => o.includes('1486')),
      `1486 in ${options}`,
    )
  })

  it('closes the listbox on Tab, moving focus on', async () => {
    const element = await finder()
    await type(element, 'boulangerie')
    await waitForState(element, 'ready')
    equal(input(element).getAttribute('aria-expanded'), 'true', 'open before Tab')
    await press('Tab')
    await element.updateComplete
    equal(input(element).getAttribute('aria-expanded'), 'false', 'closed after Tab')
    equal(
      element.shadowRoot?.activeElement,
      part(element, 'search-button'),
      'focus on the search button',
    )
  })

  it('still suggests conventions when recherche-entreprises fails, and says so', async () => {
    await setUpstreamMode('server-error')
    const element = await finder()
    // Words no other test searched: the API caches upstream answers.
    await type(element, 'boulangerie pâtisserie')
    await waitForState(element, 'ready')
    assert(
      optionTexts(element).some((o) => o.includes('0843')),
      'conventions still suggested',
    )
    includes(
      text(part(element, 'message')),
      'seules les conventions sont proposées',
      'companies down notice',
    )

    // The next rounds do not search companies: the failure above says nothing about them.
    await retype(element, '1486')
    await waitFor(
      () => element.getAttribute('state') === 'ready' && optionTexts(element)[0]?.includes('1486'),
      'suggestions for the IDCC 1486',
    )
    equal(part(element, 'message'), null, 'no companies-down notice for an IDCC prefix')
    await retype(element, 'zq')
    await waitForState(element, 'empty')
    equal(
      message(element).split('.')[0],
      'Aucune convention ne correspond à « zq »',
      'empty, not an upstream error',
    )
  })

  it('searches companies only for words of 3 characters or more, as the API requires', async () => {
    const proxy = proxiedApi('short-words')
    const element = await finder('', proxy.url)
    await type(element, 'bo')
    await press('Enter')
    await waitForState(element, 'ready')
    assert(optionTexts(element).length > 1, 'conventions suggested for « bo »')
    equal(part(element, 'message'), null, 'no companies-down notice')
    await retype(element, 'zq')
    await press('Enter')
    await waitForState(element, 'empty')
    includes(
      message(element),
      'Aucune convention ne correspond à « zq »',
      'only conventions searched',
    )
    const companies = (await proxy.requests()).filter((r) => r.path.startsWith('/v1/companies'))
    deepEqual(companies, [], 'company searches')
  })

  it('says no convention and no company matched when both were searched', async () => {
    const element = await finder()
    await type(element, 'zzzz')
    await press('Enter')
    await waitForState(element, 'empty')
    includes(
      message(element),
      'Aucune convention ni entreprise ne correspond à « zzzz »',
      'empty message',
    )
  })

  it('closes the listbox on Escape and keeps the text', async () => {
    const element = await finder()
    await type(element, 'boulangerie')
    await waitForState(element, 'ready')
    await press('Escape')
    await element.updateComplete
    equal(input(element).getAttribute('aria-expanded'), 'false', 'aria-expanded after Escape')
    assert(part(element, 'listbox')?.closest('[hidden]'), 'listbox hidden')
    equal(input(element).value, 'boulangerie', 'text kept')
  })

  it('lists companies under « Entreprises » and shows the company card on click', async () => {
    const element = await finder()
    await type(element, 'octo technology')
    await waitFor(
      () => optionTexts(element).some((o) => o.includes('OCTO-TECHNOLOGY')),
      'company suggestion',
    )
    const labels = [
      ...(element.shadowRoot?.querySelectorAll('[role="group"] [role="presentation"]') ?? []),
    ].map(text)
    assert(labels.includes('Entreprises'), `groups ${labels}`)
    const option = parts(element, 'option').find((o) => text(o).includes('OCTO-TECHNOLOGY'))
    option?.click()
    await element.updateComplete
    await waitForState(element, 'ready')
    includes(text(part(element, 'title')), 'OCTO-TECHNOLOGY', 'company name')
    equal(text(part(element, 'opco-name')), 'Atlas', 'company OPCO')
  })

  it('shows the company card for a SIRET typed with spaces, with its conventions and the chosen one', async () => {
    const seen = found()
    const element = await finder()
    await type(element, '418 166 096 00069')
    await press('Enter')
    await waitForState(element, 'ready')
    const card = part(element, 'card')
    equal(text(part(element, 'title')), 'OCTO-TECHNOLOGY', 'company name')
    includes(text(card), "34 AVENUE DE L'OPERA 75002 PARIS", 'address')
    includes(text(card), 'SIRET 418 166 096 00069', 'SIRET')
    // No-break spaces inside the number: a narrow screen never breaks it mid-number.
    includes(card?.textContent, '418\u00a0166\u00a0096\u00a000069', 'SIRET kept whole')
    const chosen = card?.querySelector('.convention--chosen')
    includes(text(chosen), '1486', 'chosen convention')
    includes(text(chosen), 'Atlas', 'OPCO of the chosen convention')
    equal(text(part(element, 'opco-name')), 'Atlas', 'OPCO')
    equal(text(part(element, 'confidence')), 'Fiabilité élevée', 'confidence')
    const event = await waitFor(() => seen.events[0], 'ganapati-opco-found')
    deepEqual(
      event.detail,
      {
        opcoId: 'atlas',
        idcc: '1486',
        siret: '41816609600069',
        company: 'OCTO-TECHNOLOGY',
        confidence: 'high',
      },
      'detail',
    )
  })

  it('says clearly in French when no convention has that IDCC, with where to find it', async () => {
    const element = await finder()
    await type(element, '0001')
    await press('Enter')
    await waitForState(element, 'empty')
    const message = part(element, 'message')
    includes(text(message), 'Aucune convention ne correspond à « 0001 »', 'empty message')
    includes(text(message), 'bulletin de paie', 'where to find the IDCC')
    equal(part(element, 'card'), null, 'no card')
  })

  it('answers no OPCO for the escape code 9999, with the reason, and emits nothing', async () => {
    const seen = found()
    const element = await finder()
    await type(element, '9999')
    await press('Enter')
    await waitForState(element, 'ready')
    equal(text(part(element, 'opco-name')), 'Pas d’OPCO à indiquer', 'no OPCO')
    includes(text(part(element, 'reason')), 'sans convention collective', 'reason')
    equal(part(element, 'steps'), null, 'no funding steps without an OPCO')
    equal(seen.events.length, 0, 'no ganapati-opco-found')
  })

  it('emits ganapati-opco-cleared when a search replaces a card with an OPCO by no OPCO', async () => {
    const cleared: Event[] = []
    const listener = (event: Event) => cleared.push(event)
    document.addEventListener('ganapati-opco-cleared', listener)
    listeners.push(() => document.removeEventListener('ganapati-opco-cleared', listener))
    const seen = found()
    const element = await finder()
    await type(element, '1486')
    await press('Enter')
    await waitFor(() => seen.events[0], 'ganapati-opco-found for 1486')
    equal(cleared.length, 0, 'nothing cleared by a search that found an OPCO')
    await retype(element, '9999')
    await press('Enter')
    await waitForState(element, 'ready')
    equal(text(part(element, 'opco-name')), 'Pas d’OPCO à indiquer', 'no OPCO')
    equal(cleared.length, 1, 'one ganapati-opco-cleared')
    equal((cleared[0] as CustomEvent).composed, true, 'composed, so the page hears it')
  })

  it('shows an error in words with a retry when the API is down', async () => {
    const { closed } = await testEnv()
    const element = await finder()
    element.api = closed
    await type(element, '1486')
    await press('Enter')
    await waitForState(element, 'error')
    includes(text(part(element, 'message')), 'injoignable', 'error message')
    const retry = parts(element, 'button').find((b) => text(b) === 'Réessayer')
    assert(retry, 'retry button')
    const { api } = await testEnv()
    element.api = api
    retry.focus()
    await press('Enter')
    equal(element.shadowRoot?.activeElement, input(element), 'focus moved to the input')
    await waitForState(element, 'ready')
    equal(text(part(element, 'opco-name')), 'Atlas', 'retried successfully')
    equal(element.shadowRoot?.activeElement, input(element), 'focus still on the input')
    equal(document.activeElement, element, 'focus inside the finder, not on <body>')
  })

  it('ties the bad-number, invalid-SIRET and error messages to the input', async () => {
    const element = await finder()
    const field = input(element)
    await type(element, '12345')
    await press('Enter')
    await waitForState(element, 'error')
    equal(field.getAttribute('aria-invalid'), 'true', 'aria-invalid for a bad number')
    equal(field.getAttribute('aria-describedby'), 'hint message', 'aria-describedby')
    includes(
      text(element.shadowRoot?.getElementById('message')),
      'n’a pas la bonne longueur',
      'the described message',
    )
    await expectNoAxeViolations(element)

    await type(element, '6')
    await element.updateComplete
    equal(field.hasAttribute('aria-invalid'), false, 'no aria-invalid once the value is edited')
    equal(field.getAttribute('aria-describedby'), 'hint', 'only the hint once the message is gone')

    await retype(element, '41816609600068')
    await press('Enter')
    await waitForState(element, 'error')
    equal(field.getAttribute('aria-invalid'), 'true', 'aria-invalid for an invalid SIRET')
    includes(text(element.shadowRoot?.getElementById('message')), 'clé de contrôle', 'described')

    const { closed } = await testEnv()
    element.api = closed
    await retype(element, '1486')
    await press('Enter')
    await waitForState(element, 'error')
    equal(field.hasAttribute('aria-invalid'), false, 'the value is fine when the API is down')
    equal(field.getAttribute('aria-describedby'), 'hint message', 'the error still described')
    await expectNoAxeViolations(element)
  })

  it('says the company search is not answering when recherche-entreprises fails, in the API’s words, and offers the IDCC', async () => {
    await setUpstreamMode('server-error')
    const element = await finder()
    // A SIRET no other test looked up: the API caches answers it already has.
    await type(element, '80136425800021')
    await press('Enter')
    await waitForState(element, 'error')
    includes(
      text(part(element, 'message')),
      'L’annuaire des entreprises a répondu par une erreur (503). Réessayez dans un instant, ou cherchez par numéro IDCC.',
      'the API’s French detail, not a vaguer sentence of ours',
    )
  })

  it('tells an English visitor how long a saturated directory asks to wait, and offers the IDCC', async () => {
    await setUpstreamMode('rate-limited')
    const element = await finder('lang="en"')
    await type(element, '80136425800039')
    await press('Enter')
    await waitForState(element, 'error')
    const said = message(element)
    includes(
      said,
      'Too many searches in a short time. Try again in 2 s.',
      'saturated, and the wait',
    )
    includes(said, 'You can also search by IDCC code', 'the IDCC fallback')
    assert(!said.includes('Réessayez'), `no French in an English widget: ${said}`)
    // The API now holds every directory call for the 2 s announced: the next tests need it back.
    await setUpstreamMode('ok')
    const { api } = await testEnv()
    for (let tries = 0; tries < 20; tries++) {
      const probe = await fetch(`${api}/v1/companies/80136425800047`)
      if (probe.status !== 503) break
      await new Promise((pause) => setTimeout(pause, 500))
    }
  })

  it('shows the API detail for an invalid SIRET (400)', async () => {
    const element = await finder()
    await type(element, '41816609600068')
    await press('Enter')
    await waitForState(element, 'error')
    includes(text(part(element, 'message')), 'clé de contrôle', 'API detail')
  })

  it('words a 400 in English with lang="en": the API details validation in French only', async () => {
    const element = await finder('lang="en"')
    await type(element, '41816609600068')
    await press('Enter')
    await waitForState(element, 'error')
    includes(message(element), 'This search is not valid', 'English message')
    assert(!message(element).includes('clé'), `no French detail: ${message(element)}`)
  })

  it('says so when the browser is offline', async () => {
    const element = await finder()
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
    try {
      await type(element, '1486')
      await press('Enter')
      await waitForState(element, 'error')
      includes(text(part(element, 'message')), 'hors ligne', 'offline message')
    } finally {
      delete (navigator as { onLine?: boolean }).onLine
    }
  })

  it('speaks English with lang="en"', async () => {
    const element = await finder('lang="en" value="1486"')
    await waitForState(element, 'ready')
    equal(
      text(part(element, 'label')),
      'Collective agreement, IDCC, SIRET or company name',
      'label',
    )
    equal(text(part(element, 'confidence')), 'High reliability', 'confidence')
    includes(text(part(element, 'steps')), 'online on MyAtlas', 'steps')
    equal(text(part(element, 'booking-link')), 'Book a call with an advisor (new tab)', 'booking')
    includes(
      text(part(element, 'card')),
      'establishments declaring IDCC 1486',
      'reason from the API, in English',
    )
  })

  it('looks up the value attribute on connect', async () => {
    const element = await finder('value="418166096"')
    await waitForState(element, 'ready')
    equal(input(element).value, '418166096', 'input shows the initial query')
    equal(text(part(element, 'title')), 'OCTO-TECHNOLOGY', 'company from its SIREN')
  })

  it('uses an http(s) booking-url and rejects javascript: URLs', async () => {
    const custom = await finder('value="1486" booking-url="https://partner.example/rdv"')
    await waitForState(custom, 'ready')
    equal(
      part(custom, 'booking-link')?.getAttribute('href'),
      'https://partner.example/rdv',
      'custom booking',
    )
    const hostile = await finder('value="1486" booking-url="javascript:alert(1)"')
    await waitForState(hostile, 'ready')
    equal(
      part(hostile, 'booking-link')?.getAttribute('href'),
      BOOKING,
      'javascript: falls back to the default',
    )
  })

  it('keeps only the answer to the latest keystrokes', async () => {
    const proxy = proxiedApi('latest-keystrokes')
    await proxy.hold('/v1/conventions')
    const element = await finder('', proxy.url)
    await type(element, 'boul')
    // Past the debounce: the suggestions for « boul » are in flight when the visitor types on.
    await waitFor(
      async () => (await proxy.requests()).some((r) => r.state === 'held'),
      'the suggestions for « boul » in flight',
    )
    await type(element, 'angerie industrielle')
    await waitFor(
      async () => (await proxy.requests()).some((r) => r.state === 'aborted'),
      'the request for « boul » aborted',
    )
    await waitForState(element, 'ready')
    await proxy.release()
    const options = optionTexts(element)
    assert(options.length > 0, 'suggestions shown')
    assert(
      options.every((o) => o.includes('1747')),
      `only the industrial bakery convention: ${options}`,
    )
    const conventions = (await proxy.requests()).filter((r) =>
      r.path.startsWith('/v1/conventions?'),
    )
    deepEqual(
      conventions.map((r) => `${new URLSearchParams(r.path.split('?')[1]).get('q')} ${r.state}`),
      ['boul aborted', 'boulangerie industrielle answered'],
      'suggestion requests',
    )
  })

  it('drops the lookup in flight when the visitor types again: no stale card, no event', async () => {
    const seen = found()
    const proxy = proxiedApi('abandoned-lookup')
    await proxy.hold('/v1/conventions/1486')
    const element = await finder('', proxy.url)
    await type(element, '1486')
    await press('Enter')
    await waitFor(
      async () => (await proxy.requests()).some((r) => r.state === 'held'),
      'the lookup of 1486 in flight',
    )
    equal(element.getAttribute('state'), 'loading', 'looking up')
    await retype(element, 'boulangerie')
    await waitFor(
      async () => (await proxy.requests()).some((r) => r.state === 'aborted'),
      'the lookup of 1486 aborted',
    )
    await waitForState(element, 'ready')
    assert(
      optionTexts(element).some((o) => o.includes('0843')),
      'suggestions for boulangerie',
    )
    equal(part(element, 'card'), null, 'no card for the abandoned query')
    equal(seen.events.length, 0, 'no ganapati-opco-found for the abandoned query')
  })

  it('looks a company suggestion without SIRET up by its SIREN, and names it by SIREN', async () => {
    const proxy = proxiedApi('no-siret')
    const element = await finder('', proxy.url)
    // recherche-entreprises lists some companies without any establishment (siege.siret null);
    // the fake's recordings have none, so the suggestion is set as the API would send it.
    element.companies = [
      {
        siren: '418166096',
        siret: null,
        name: 'OCTO-TECHNOLOGY',
        naf: null,
        address: null,
        postcode: '75002',
        city: 'PARIS',
        active: true,
        idcc: ['1486'],
      },
    ]
    element.open = true
    await element.updateComplete
    parts(element, 'option')[0]?.click()
    await waitForState(element, 'ready')
    equal(text(part(element, 'title')), 'OCTO-TECHNOLOGY', 'company looked up')
    const paths = (await proxy.requests()).map((r) => r.path)
    deepEqual(
      paths.filter((p) => p.startsWith('/v1/companies')),
      ['/v1/companies/418166096?lang=fr'],
      'looked up by its SIREN',
    )

    // An answer without establishment, as the API sends when the directory knows none.
    const answer = element.result
    assert(answer && 'siret' in answer, 'a company answer')
    element.result = { ...answer, siret: null }
    await element.updateComplete
    const header = text(part(element, 'card')?.querySelector('.section-label'))
    equal(header, 'Entreprise · SIREN 418 166 096', 'card header')
  })

  it('words the company step from the OPCO data: generic with its name, or the flyer and its note', async () => {
    const afdas = await finder('value="3090"')
    await waitForState(afdas, 'ready')
    includes(
      text(part(afdas, 'steps')),
      'Vous envoyez la demande de prise en charge et les documents à l’Afdas, depuis son espace entreprise en ligne',
      'generic step with the name in a French sentence',
    )
    const english = await finder('lang="en" value="3090"')
    await waitForState(english, 'ready')
    includes(
      text(part(english, 'steps')),
      'to Afdas, through its online company space',
      'generic step in English',
    )
    const opcommerce = await finder('value="1517"')
    await waitForState(opcommerce, 'ready')
    equal(text(part(opcommerce, 'opco-name')), 'L’Opcommerce', 'short name')
    includes(
      text(part(opcommerce, 'steps')),
      'Vous envoyez la demande de prise en charge et les documents à L’Opcommerce.',
      'the flyer’s channel',
    )
    includes(
      text(opcommerce.shadowRoot?.querySelector('.steps')),
      'Seules les actions prévues, réalisées et dûment justifiées',
      'the flyer’s note',
    )
  })

  it('names OPCO ids from GET /v1/opcos, once per API, showing the id until it answers', async () => {
    const proxy = proxiedApi('opco-names')
    await proxy.hold('/v1/opcos')
    const first = await finder('value="1486"', proxy.url)
    await waitForState(first, 'ready')
    includes(text(part(first, 'card')), 'opco-2i (', 'the id while the names load')
    const second = document.createElement('ganapati-opco-finder')
    second.api = proxy.url
    first.after(second)
    await second.updateComplete
    await type(second, 'boulangerie')
    await waitForState(second, 'ready')
    await proxy.release()
    await waitFor(
      () => text(part(first, 'card')).includes('OPCO 2i ('),
      () => `the alternative named in ${text(part(first, 'card'))}`,
    )
    await waitFor(
      () => optionTexts(second).some((o) => o.includes('0843') && o.endsWith('OPCO EP')),
      () => `suggestions named in ${optionTexts(second)}`,
    )
    const opcos = (await proxy.requests()).filter((r) => r.path === '/v1/opcos')
    equal(opcos.length, 1, 'GET /v1/opcos once for both finders')
  })

  it('calls the API under the path prefix of its api attribute', async () => {
    const proxy = proxiedApi('path-prefix')
    const element = await finder('value="1486"', `${proxy.url}/`)
    await waitForState(element, 'ready')
    equal(text(part(element, 'opco-name')), 'Atlas', 'answered through the prefix')
    const paths = (await proxy.requests()).map((r) => r.path)
    assert(paths.includes('/v1/conventions/1486?lang=fr'), `lookup under the prefix: ${paths}`)
  })

  it('falls back to the script origin for an api attribute that is not http(s)', async () => {
    const element = await finder('value="1486"', 'javascript:alert(1)')
    await waitForState(element, 'ready')
    equal(text(part(element, 'opco-name')), 'Atlas', 'answered by the script origin')
    const paths = (await proxiedApi('script-origin').requests()).map((r) => r.path)
    assert(paths.includes('/v1/conventions/1486?lang=fr'), `asked the script origin: ${paths}`)
  })

  it('gives up on a request that does not answer, says so and offers a retry', async () => {
    const proxy = proxiedApi('timeout')
    await proxy.hold('/v1/conventions/1486')
    const element = await finder('value="1486"', proxy.url)
    // The client's own timeout: the API answers within 5 s, the widget waits 8.
    await waitFor(() => element.getAttribute('state') === 'error', 'the client timeout', 12_000)
    await element.updateComplete
    includes(message(element), 'met trop de temps à répondre', 'timeout message')
    assert(
      parts(element, 'button').some((b) => text(b) === 'Réessayer'),
      'retry button',
    )
    await waitFor(
      async () => (await proxy.requests()).some((r) => r.state === 'aborted'),
      'the request aborted',
    )
  })

  it('works without AbortSignal.any and AbortSignal.timeout (Safari before 17.4)', async () => {
    const { any, timeout } = AbortSignal
    Object.assign(AbortSignal, { any: undefined, timeout: undefined })
    try {
      const element = await finder('value="1486"')
      await waitForState(element, 'ready')
      equal(text(part(element, 'opco-name')), 'Atlas', 'looked up')
    } finally {
      Object.assign(AbortSignal, { any, timeout })
    }
  })

  it('has no axe-core violations with a result card', async () => {
    const element = await finder('value="1486"')
    await waitForState(element, 'ready')
    await expectNoAxeViolations(element)
  })

  it('has no axe-core violations with the suggestions open', async () => {
    const element = await finder()
    await type(element, 'boulangerie')
    await waitForState(element, 'ready')
    await press('ArrowDown')
    await element.updateComplete
    await expectNoAxeViolations(element)
  })

  it('has no axe-core violations with a company card and with an error', async () => {
    const company = await finder('value="41816609600069"')
    await waitForState(company, 'ready')
    await expectNoAxeViolations(company)
    const empty = await finder('value="0001"')
    await waitForState(empty, 'empty')
    await expectNoAxeViolations(empty)
  })

  it('sets its French in French typography, and the addresses of a reason as links', async () => {
    const element = await finder()
    await type(element, '9999')
    await press('Enter')
    await waitForState(element, 'ready')
    const card = part(element, 'card')!.textContent ?? ''
    assert(!/\p{L}'\p{L}/u.test(card), `curly apostrophes only: ${card}`)
    assert(!/ [:;?!»]|« /.test(card), `no-break spaces at « » : ; ? !: ${card}`)
    const address = part(element, 'reason')?.querySelector('a')
    equal(address?.href, 'https://quel-est-mon-opco.francecompetences.fr/', 'the address as a link')
    equal(address?.target, '_blank', 'in a new tab, said so')
    // On a 320 px screen (300 px for the widget, the page's margins aside) the address is wider
    // than the card: it breaks, and the card keeps its width.
    element.style.width = '300px'
    const edge = (box: Element) => box.getBoundingClientRect().right
    const link = address!.getBoundingClientRect()
    assert(edge(part(element, 'card')!) <= edge(element), 'the card within the finder at 300 px')
    assert(link.right <= edge(part(element, 'card')!), 'the address broken within the card')
    element.style.width = ''
    await retype(element, '0001')
    await press('Enter')
    await waitForState(element, 'empty')
    includes(
      part(element, 'message')?.textContent,
      'correspond à «\u00a00001\u00a0»',
      'guillemets with no-break spaces',
    )
  })

  it('takes the visitor to the booking widget of the same page rather than a new tab', async () => {
    const { api } = await testEnv()
    const page = mount<HTMLDivElement>(
      `<div>
        <ganapati-opco-finder api="${api}" value="1486"></ganapati-opco-finder>
        <div style="height: 3000px"></div>
        <ganapati-booking-link api="${api}"></ganapati-booking-link>
      </div>`,
    )
    const element = page.querySelector<GanapatiOpcoFinder>('ganapati-opco-finder')!
    const booking = page.querySelector<HTMLElement>('ganapati-booking-link')!
    await waitForState(element, 'ready')
    await waitForState(booking as HTMLElement & { updateComplete: Promise<unknown> }, 'ready')
    const cta = part(element, 'booking-link')!
    let opened = true
    cta.addEventListener('click', (event) => (opened = !event.defaultPrevented))
    cta.click()
    equal(opened, false, 'no new tab')
    equal(document.activeElement, booking, 'focus in the booking widget')
    equal(booking.shadowRoot?.activeElement?.id, 'title', 'on its title')
    await waitFor(
      () => booking.getBoundingClientRect().top < innerHeight,
      'the page scrolled to the booking widget',
    )
    includes(
      text(part(booking, 'base')),
      'Choisissez un jour',
      'the booking ready to take the visitor',
    )
  })

  it('has no axe-core violation with the suggestions open on a 375 px screen', async () => {
    const { api } = await testEnv()
    const frame = mount<HTMLDivElement>(
      `<div style="width: 375px"><ganapati-opco-finder api="${api}"></ganapati-opco-finder></div>`,
    )
    const element = frame.firstElementChild as GanapatiOpcoFinder
    await element.updateComplete
    await type(element, 'boulangerie')
    await waitForState(element, 'ready')
    equal(input(element).getAttribute('aria-expanded'), 'true', 'the list open')
    await expectNoAxeViolations(element)
  })

  it('runs the built bundle under a strict CSP without any violation', async () => {
    const { page } = await widgetUnderCsp('ganapati-opco-finder')
    deepEqual(page.cspViolations, [], 'securitypolicyviolation events')
  })

  it('fetches the English words only on an English page, under the same CSP', async () => {
    const english = (page: Window) =>
      page.performance
        .getEntriesByType('resource')
        .filter((entry) => /\/widgets\/ganapati-en-\w+\.js$/.test(entry.name))
    const french = await widgetUnderCsp('ganapati-opco-finder')
    equal(english(french.page).length, 0, 'a French page loads no English')
    cleanUp()
    const { page, element } = await widgetUnderCsp('ganapati-opco-finder', 'en')
    equal(english(page).length, 1, 'the English module, once')
    equal(text(part(element, 'search-button')), 'Search', 'the finder speaks English')
    deepEqual(page.cspViolations, [], 'securitypolicyviolation events')
  })
})
