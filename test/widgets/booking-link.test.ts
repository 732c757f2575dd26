/** <ganapati-booking-link> in real Chromium against the real API (libSQL in memory, the seeded advisor, the real clock). */
import { sendKeys } from '@web/test-runner-commands'
import type { Slot, SlotList } from '../../api/contracts/advisors'
import type { BookingConfirmation } from '../../api/contracts/bookings'
import type { SimulationResult } from '../../api/contracts/simulations'
import '../../widgets/booking-link/define'
import '../../widgets/funding-simulator/define'
import '../../widgets/opco-finder/define'
import type { GanapatiBookingLink } from '../../widgets/booking-link/booking-link'
import { defineElement } from '../../widgets/shared/base-element'
import type { GanapatiEventMap, GanapatiEventName } from '../../widgets/shared/events'
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

/** The seeded advisor (db/data/advisors.json): weekdays 09:00–12:00 and 14:00–17:30 Paris, 30-minute calls. */
const ADVISOR = 'conseiller-ganapati'
const PARIS = 'Europe/Paris'

/** A stored booking as GET /v1/admin/bookings/:id answers it. */
interface StoredBooking {
  id: string
  advisorId: string
  start: string
  end: string
  status: string
  name: string
  email: string
  phone: string | null
  company: string | null
  message: string | null
  context: Record<string, unknown> | null
  lang: string
  cancelledAt: string | null
}

async function bookingWidget(attributes = '', api?: string): Promise<GanapatiBookingLink> {
  const element = mount<GanapatiBookingLink>(
    `<ganapati-booking-link api="${api ?? (await testEnv()).api}" ${attributes}></ganapati-booking-link>`,
  )
  await element.updateComplete
  return element
}

/** The advisor's free slots as the API lists them by default: the next 14 days from today in Paris. */
async function apiSlots(advisor = ADVISOR): Promise<Slot[]> {
  const { api } = await testEnv()
  const response = await fetch(`${api}/v1/advisors/${advisor}/slots`)
  equal(response.status, 200, `GET /v1/advisors/${advisor}/slots`)
  return ((await response.json()) as SlotList).slots
}

/** Books a slot directly through the API, as another visitor would. */
async function bookDirectly(start: string): Promise<BookingConfirmation> {
  const { api } = await testEnv()
  const response = await fetch(`${api}/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      advisorId: ADVISOR,
      start,
      name: 'Autre Visiteur',
      email: 'autre@exemple.fr',
    }),
  })
  equal(response.status, 201, 'POST /v1/bookings by another visitor')
  return (await response.json()) as BookingConfirmation
}

/** A booking as stored, read through the admin API (the WTR server holds the token). */
async function storedBooking(id: string): Promise<StoredBooking> {
  const response = await fetch(`/__ganapati/admin/bookings/${id}`)
  equal(response.status, 200, `GET /v1/admin/bookings/${id}`)
  return (await response.json()) as StoredBooking
}

const listeners: (() => void)[] = []

/** Every event of that name reaching the document, in order. */
function record<K extends GanapatiEventName>(name: K): GanapatiEventMap[K][] {
  const seen: GanapatiEventMap[K][] = []
  const listener = (event: Event) => seen.push(event as GanapatiEventMap[K])
  document.addEventListener(name, listener)
  listeners.push(() => document.removeEventListener(name, listener))
  return seen
}

function control(element: Element, id: string): HTMLInputElement {
  const found = element.shadowRoot?.getElementById(id)
  assert(found, `the ${id} control`)
  return found as HTMLInputElement
}

const focused = (element: Element) => element.shadowRoot?.activeElement ?? null

/** Types over a field like a visitor who selects what is there and types anew. */
async function typeInto(element: Element, id: string, value: string): Promise<void> {
  const input = control(element, id)
  input.focus()
  input.select()
  await sendKeys({ type: value })
}

/** Clicks a day, then a slot: the two clicks to the form. Returns the day's and the slot's labels. */
async function choose(element: GanapatiBookingLink, day = 0, slot = 0): Promise<string> {
  const dayButton = parts(element, 'day')[day]
  assert(dayButton, `day ${day}`)
  dayButton.click()
  await element.updateComplete
  const slotButton = parts(element, 'slot')[slot]
  assert(slotButton, `slot ${slot} of the day`)
  slotButton.click()
  await element.updateComplete
  assert(part(element, 'form'), 'the form after two clicks')
  return text(slotButton)
}

async function fillAndSubmit(element: GanapatiBookingLink, name: string, email: string) {
  await typeInto(element, 'name', name)
  await typeInto(element, 'email', email)
  part(element, 'submit')?.click()
}

/** « 09:00 » as the widget words a time of day in French. */
const time = (instant: string, timeZone: string, lang = 'fr') =>
  new Intl.DateTimeFormat(lang, { timeZone, timeStyle: 'short' }).format(new Date(instant))

const dateIn = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(instant))

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim()

describe('<ganapati-booking-link>', () => {
  afterEach(() => {
    for (const remove of listeners.splice(0)) remove()
    cleanUp()
    // A booking made by one test is kept for the tab: the next test starts from the slots.
    sessionStorage.clear()
  })

  it('registers once and tolerates the bundle being loaded twice', () => {
    const ctor = customElements.get('ganapati-booking-link')
    assert(ctor, 'ganapati-booking-link is defined')
    defineElement('ganapati-booking-link', class extends HTMLElement {})
    equal(customElements.get('ganapati-booking-link'), ctor, 'the first definition stays')
  })

  it('lists the days with free slots, then a day’s slots, and books the first one end to end', async () => {
    const submitted = record('ganapati-booking-submitted')
    const confirmed = record('ganapati-booking-confirmed')
    const element = await bookingWidget(`time-zone="${PARIS}"`)
    await waitForState(element, 'ready')
    const slots = await apiSlots()
    assert(slots.length > 0, 'the seeded advisor has free slots within 14 days')

    // The advisor by default: the first of GET /v1/advisors, named.
    includes(text(part(element, 'base')), 'Conseiller Ganapati', 'the advisor named')
    includes(text(part(element, 'base')), '30 minutes', 'the call’s length, from the slots')
    const days = [...new Set(slots.map((slot) => dateIn(slot.start, PARIS)))]
    equal(parts(element, 'day').length, days.length, 'one button per day with a free slot')
    equal(parts(element, 'slot').length, 0, 'no slot before a day is chosen')
    equal(part(element, 'form'), null, 'no form before a slot is chosen')

    const first = slots[0]!
    const firstDay = slots.filter((slot) => dateIn(slot.start, PARIS) === days[0])
    parts(element, 'day')[0]!.click()
    await element.updateComplete
    equal(parts(element, 'day')[0]!.getAttribute('aria-pressed'), 'true', 'the day is pressed')
    deepEqual(
      parts(element, 'slot').map((button) => text(button)),
      firstDay.map((slot) => time(slot.start, PARIS)),
      'the day’s free slots, in Paris time for a Paris visitor, without a second Paris time',
    )
    equal(focused(element), parts(element, 'slot')[0], 'focus moves to the first slot')

    parts(element, 'slot')[0]!.click()
    await element.updateComplete
    equal(focused(element), control(element, 'name'), 'focus moves to the form')
    for (const [id, autocomplete] of [
      ['name', 'name'],
      ['email', 'email'],
      ['phone', 'tel'],
      ['company', 'organization'],
    ] as const) {
      equal(control(element, id).getAttribute('autocomplete'), autocomplete, `${id} autocomplete`)
    }
    equal(
      text(element.shadowRoot?.querySelector('label[for="email"]')),
      'Adresse e-mail',
      'French labels',
    )
    await typeInto(element, 'phone', '01 23 45 67 89')
    await typeInto(element, 'company', 'Boulangerie Martin')
    await typeInto(element, 'message', 'Un apprenti en CAP boulanger.')
    await fillAndSubmit(element, 'Jeanne Martin', 'jeanne@exemple.fr')

    await waitForState(element, 'confirmed')
    equal(submitted.length, 1, 'one ganapati-booking-submitted')
    deepEqual(submitted[0]!.detail, { advisorId: ADVISOR, start: first.start }, 'submitted detail')
    equal(confirmed.length, 1, 'one ganapati-booking-confirmed')
    const event = confirmed[0]!
    equal(event.bubbles, true, 'bubbles')
    equal(event.composed, true, 'composed')
    const { id } = event.detail
    deepEqual(
      event.detail,
      { id, advisorId: ADVISOR, start: first.start, end: first.end },
      'confirmed detail: no manage token',
    )

    const confirmation = part(element, 'confirmation')
    includes(text(confirmation), 'Rendez-vous confirmé', 'the confirmation')
    equal(focused(element)?.id, 'confirmation-title', 'focus moves to the confirmation heading')
    const calendar = part(element, 'calendar') as HTMLAnchorElement | null
    equal(text(calendar), 'Ajouter à mon agenda', 'the calendar link')
    const { api } = await testEnv()
    includes(calendar?.href, `${api}/v1/bookings/${id}.ics?token=`, 'the .ics of the booking')
    const ics = await fetch(calendar!.href)
    equal(ics.status, 200, 'the .ics answers')
    includes(ics.headers.get('content-type'), 'text/calendar', 'a calendar file')
    includes(await ics.text(), 'BEGIN:VCALENDAR', 'an iCalendar body')

    const stored = await storedBooking(id)
    deepEqual(
      [stored.status, stored.name, stored.email, stored.phone, stored.company, stored.message],
      [
        'confirmed',
        'Jeanne Martin',
        'jeanne@exemple.fr',
        '01 23 45 67 89',
        'Boulangerie Martin',
        'Un apprenti en CAP boulanger.',
      ],
      'what the visitor typed, stored',
    )
    equal(stored.lang, 'fr', 'the booking’s language')
    assert(
      !(await apiSlots()).some((slot) => slot.start === first.start),
      'the slot is no longer offered',
    )
  })

  it('carries the finder’s and the simulator’s context to the stored booking', async () => {
    const { api } = await testEnv()
    const simulations = record('ganapati-simulation-change')
    const confirmed = record('ganapati-booking-confirmed')
    mount(
      `<div>
        <ganapati-opco-finder api="${api}" value="41816609600069"></ganapati-opco-finder>
        <ganapati-funding-simulator api="${api}" scheme="apprentissage" date="2026-10-01" headcount="12" level="6" price="8500" npec="7000"></ganapati-funding-simulator>
        <ganapati-booking-link api="${api}" time-zone="${PARIS}"></ganapati-booking-link>
      </div>`,
    )
    const element = document.querySelector('ganapati-booking-link')!
    await waitForState(element, 'ready')
    // The finder's company (fake recherche-entreprises: IDCC 1486, Atlas) re-runs the simulation for Atlas.
    await waitFor(
      () => simulations.find((event) => event.detail.request.opcoId === 'atlas'),
      'a simulation for the OPCO the finder found',
    )
    await choose(element)
    const summary = await waitFor(() => {
      const shown = squash(text(part(element, 'summary')))
      return shown.includes('OPCO : Atlas') && shown.includes('2 250 €') ? shown : null
    }, 'the summary with the OPCO named and the simulation')
    for (const line of [
      'Votre conseiller recevra :',
      'SIRET : 418 166 096 00069',
      'IDCC : 1486',
      'Simulation contrat d’apprentissage au 1 octobre 2026 : coût 8 500 €, OPCO 6 250 €, reste à charge 2 250 €, aide de l’État 2 000 €',
    ]) {
      includes(summary, line, 'the summary')
    }

    await fillAndSubmit(element, 'Paul Durand', 'paul@exemple.fr')
    await waitForState(element, 'confirmed')
    const stored = await storedBooking(confirmed[0]!.detail.id)
    const context = stored.context as {
      siret: string
      idcc: string
      opcoId: string
      simulation: Record<string, unknown> & { inputs: Record<string, unknown> }
    }
    deepEqual(
      [context.siret, context.idcc, context.opcoId],
      ['41816609600069', '1486', 'atlas'],
      'the finder’s SIRET, IDCC and OPCO, stored',
    )
    const { inputs, ...figures } = context.simulation
    deepEqual(
      figures,
      {
        scheme: 'apprentissage',
        date: '2026-10-01',
        totalCostCents: 850000,
        opcoFundingCents: 625000,
        employerCostCents: 225000,
        stateAidCents: 200000,
      },
      'the simulation’s figures, stored',
    )
    const request = simulations.at(-1)!.detail.request as unknown as Record<string, unknown>
    for (const field of ['scheme', 'date', 'headcount', 'level', 'priceCents', 'npecCents']) {
      equal(inputs[field], request[field], `the simulation input ${field}`)
    }
    equal(inputs.opcoId, 'atlas', 'the simulation’s OPCO input')
  })

  it('books a slot on the demo page, the finder’s company reaching the stored booking', async () => {
    const frame = mount<HTMLIFrameElement>(
      '<iframe title="Page de démonstration" src="/__ganapati/demo/"></iframe>',
    )
    const page = await waitFor(
      () => frame.contentDocument?.querySelector('#booking') && frame.contentDocument,
      'the demo page with its booking widget',
    )
    const booking = page.querySelector('#booking') as GanapatiBookingLink
    const finder = page.querySelector('#finder')
    assert(finder, 'the demo page’s finder')
    const confirmed: GanapatiEventMap['ganapati-booking-confirmed'][] = []
    page.addEventListener('ganapati-booking-confirmed', (event) => confirmed.push(event))
    await waitForState(booking, 'ready')

    // A visitor finds their company with the demo's finder (fake recherche-entreprises: IDCC 1486, Atlas).
    const found: GanapatiEventMap['ganapati-opco-found'][] = []
    page.addEventListener('ganapati-opco-found', (event) => found.push(event))
    finder.setAttribute('value', '41816609600069')
    await waitFor(() => found[0], 'the demo finder’s ganapati-opco-found')

    await choose(booking)
    await waitFor(() => {
      const shown = squash(text(part(booking, 'summary')))
      return shown.includes('SIRET : 418 166 096 00069') && shown.includes('OPCO : Atlas')
    }, 'the finder’s company in the booking summary')
    equal(control(booking, 'company').value, 'OCTO-TECHNOLOGY', 'the company field, prefilled')
    for (const [field, value] of [
      ['name', 'Nadia Benali'],
      ['email', 'nadia@exemple.fr'],
    ]) {
      const input = control(booking, field!)
      input.value = value!
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }
    part(booking, 'submit')?.click()
    await waitForState(booking, 'confirmed')

    const stored = await storedBooking(confirmed[0]!.detail.id)
    equal(stored.name, 'Nadia Benali', 'the visitor’s name, stored')
    const context = stored.context as { siret: string; idcc: string; opcoId: string }
    deepEqual(
      [context.siret, context.idcc, context.opcoId],
      ['41816609600069', '1486', 'atlas'],
      'the demo finder’s SIRET, IDCC and OPCO, stored with the booking',
    )
  })

  it('forgets the previous company when the finder searches again, even with a preset OPCO', async () => {
    const confirmed = record('ganapati-booking-confirmed')
    const { api } = await testEnv()
    const page = mount<HTMLDivElement>(
      `<div>
        <ganapati-opco-finder api="${api}"></ganapati-opco-finder>
        <ganapati-booking-link api="${api}" opco="atlas" time-zone="${PARIS}"></ganapati-booking-link>
      </div>`,
    )
    const finder = page.querySelector('ganapati-opco-finder')!
    const booking = page.querySelector('ganapati-booking-link') as GanapatiBookingLink
    await waitForState(booking, 'ready')
    const search = async (query: string) => {
      const input = finder.shadowRoot!.querySelector('input')!
      input.focus()
      input.select()
      await sendKeys({ type: query })
      await sendKeys({ press: 'Enter' })
    }
    await search('41816609600069')
    await waitFor(
      () => booking.found.siret === '41816609600069',
      'the SIRET found, Atlas as preset',
    )
    await choose(booking)
    equal(control(booking, 'company').value, 'OCTO-TECHNOLOGY', 'the company, prefilled')

    await search('9999')
    await waitFor(() => !booking.found.siret, 'the SIRET dropped by a search without OPCO')
    equal(booking.found.idcc, undefined, 'the IDCC dropped')
    await booking.updateComplete
    equal(control(booking, 'company').value, '', 'the prefilled company emptied')
    await fillAndSubmit(booking, 'Ines Preset', 'ines@exemple.fr')
    await waitForState(booking, 'confirmed')
    const stored = await storedBooking(confirmed[0]!.detail.id)
    deepEqual(stored.context, { opcoId: 'atlas' }, 'only the preset OPCO reaches the advisor')
  })

  it('explains a slot taken meanwhile and refreshes the list without it, keeping what was typed', async () => {
    const failed = record('ganapati-booking-failed')
    const element = await bookingWidget(`time-zone="${PARIS}"`)
    await waitForState(element, 'ready')
    const [first] = await apiSlots()
    const label = await choose(element)
    equal(label, time(first!.start, PARIS), 'the first offered slot is chosen')
    await typeInto(element, 'name', 'Lea Petit')
    await typeInto(element, 'email', 'lea@exemple.fr')

    await bookDirectly(first!.start)
    part(element, 'submit')?.click()
    const notice = await waitFor(
      () => element.shadowRoot?.getElementById('notice'),
      'the slot-taken message',
    )
    includes(text(notice), 'vient d’être réservé par quelqu’un d’autre', 'explained in words')
    includes(text(notice), 'vos informations sont conservées', 'nothing lost')
    equal(focused(element), notice, 'focus moves to the explanation')
    await waitForState(element, 'ready')
    equal(part(element, 'form'), null, 'the form waits for another slot')
    deepEqual(
      failed.map((event) => event.detail),
      [{ reason: 'slot-taken', status: 409 }],
      'ganapati-booking-failed',
    )
    const offered = (await apiSlots()).filter(
      (slot) => dateIn(slot.start, PARIS) === dateIn(first!.start, PARIS),
    )
    await waitFor(
      () =>
        JSON.stringify(parts(element, 'slot').map((button) => text(button))) ===
        JSON.stringify(offered.map((slot) => time(slot.start, PARIS))),
      'the refreshed list of the day, without the slot taken',
    )
    assert(
      !parts(element, 'slot').some((button) => text(button) === label),
      'the slot taken is gone',
    )

    await choose(element)
    equal(control(element, 'name').value, 'Lea Petit', 'the name is kept')
    equal(control(element, 'email').value, 'lea@exemple.fr', 'the email is kept')
  })

  it('explains a slot no longer offered (a day off set meanwhile) and refreshes the list', async () => {
    const failed = record('ganapati-booking-failed')
    const element = await bookingWidget(`time-zone="${PARIS}"`)
    await waitForState(element, 'ready')
    const [first] = await apiSlots()
    const day = dateIn(first!.start, PARIS)
    await choose(element)
    await typeInto(element, 'name', 'Hugo Conge')
    await typeInto(element, 'email', 'hugo@exemple.fr')
    const dayOff = `/__ganapati/admin/advisors/${ADVISOR}/days-off/${day}`
    const put = await fetch(dayOff, { method: 'PUT', body: JSON.stringify({ reason: 'Congé' }) })
    assert(put.ok, `a day off set by an admin (${put.status})`)
    try {
      part(element, 'submit')?.click()
      const notice = await waitFor(
        () => element.shadowRoot?.getElementById('notice'),
        'the slot-unavailable message',
      )
      includes(text(notice), 'n’est plus proposé', 'explained in words')
      await waitForState(element, 'ready')
      deepEqual(
        failed.map((event) => event.detail),
        [{ reason: 'slot-unavailable', status: 422 }],
        'ganapati-booking-failed',
      )
      assert(
        !parts(element, 'day').some((button) => button.getAttribute('aria-pressed') === 'true'),
        'the day off is no longer chosen',
      )
      equal(parts(element, 'slot').length, 0, 'none of its slots listed')
      await choose(element)
      equal(control(element, 'name').value, 'Hugo Conge', 'the name is kept')
    } finally {
      const removed = await fetch(dayOff, { method: 'DELETE' })
      assert(removed.ok, `the day off removed (${removed.status})`)
    }
  })

  it('shows validation errors next to their field: its own before sending, the API’s after', async () => {
    const proxy = proxiedApi('booking-validation')
    const failed = record('ganapati-booking-failed')
    const element = await bookingWidget(`time-zone="${PARIS}"`, proxy.url)
    await waitForState(element, 'ready')
    await choose(element)
    await typeInto(element, 'email', 'pas-une-adresse')
    part(element, 'submit')?.click()
    await element.updateComplete

    const name = control(element, 'name')
    equal(name.getAttribute('aria-invalid'), 'true', 'the name flagged')
    const nameError = element.shadowRoot?.getElementById(name.getAttribute('aria-describedby')!)
    equal(text(nameError), 'Indiquez votre nom.', 'the name’s message, tied to it')
    equal(nameError?.closest('[part~="field"]'), name.closest('[part~="field"]'), 'in its field')
    equal(
      text(element.shadowRoot?.getElementById('email-error')),
      'Adresse e-mail invalide : par exemple nom@entreprise.fr.',
      'the email’s message',
    )
    equal(focused(element), name, 'focus moves to the first field flagged')
    const posts = (await proxy.requests()).filter((request) => request.path === '/v1/bookings')
    equal(posts.length, 0, 'nothing sent while a field is flagged')

    await typeInto(element, 'name', 'Jean Valide')
    equal(name.getAttribute('aria-invalid'), null, 'typing clears the flag')
    await typeInto(element, 'email', 'jean@exemple.fr')
    await typeInto(element, 'phone', 'pas un numero')
    part(element, 'submit')?.click()
    const phoneError = await waitFor(
      () => element.shadowRoot?.getElementById('phone-error'),
      'the API’s message under the phone',
    )
    equal(
      text(phoneError),
      'Un numéro de téléphone, par exemple 01 23 45 67 89.',
      'the API’s French detail next to the field',
    )
    equal(control(element, 'phone').getAttribute('aria-invalid'), 'true', 'the phone flagged')
    equal(focused(element), control(element, 'phone'), 'focus on the phone')
    equal(element.getAttribute('state'), 'ready', 'the form stays, values kept')
    equal(control(element, 'name').value, 'Jean Valide', 'the name kept')
    deepEqual(
      failed.map((event) => event.detail),
      [{ reason: 'validation-error', status: 400 }],
      'ganapati-booking-failed',
    )
    await expectNoAxeViolations(element)
  })

  it('cancels from the confirmation after a confirm step, and frees the slot', async () => {
    const confirmed = record('ganapati-booking-confirmed')
    const element = await bookingWidget(`time-zone="${PARIS}"`)
    await waitForState(element, 'ready')
    await choose(element)
    await fillAndSubmit(element, 'Marc Annule', 'marc@exemple.fr')
    await waitForState(element, 'confirmed')
    const { id, start } = confirmed[0]!.detail

    const cancel = part(element, 'cancel')
    equal(text(cancel), 'Annuler le rendez-vous', 'the cancel action')
    cancel?.click()
    await element.updateComplete
    includes(text(part(element, 'confirmation')), 'Annuler ce rendez-vous ?', 'asks first')
    equal(text(focused(element)), 'Non, le garder', 'focus on the harmless answer')
    const keep = parts(element, 'button').find((button) => text(button) === 'Non, le garder')
    keep?.click()
    await element.updateComplete
    equal(text(focused(element)), 'Annuler le rendez-vous', 'kept: focus back on the action')
    equal((await storedBooking(id)).status, 'confirmed', 'nothing cancelled yet')

    part(element, 'cancel')?.click()
    await element.updateComplete
    part(element, 'cancel')?.click()
    await waitForState(element, 'cancelled')
    includes(text(part(element, 'confirmation')), 'Rendez-vous annulé', 'the cancelled state')
    equal(focused(element)?.id, 'confirmation-title', 'focus on the cancelled heading')
    const stored = await storedBooking(id)
    equal(stored.status, 'cancelled', 'stored as cancelled')
    assert(stored.cancelledAt, 'with its time')
    assert(
      (await apiSlots()).some((slot) => slot.start === start),
      'the slot is offered again',
    )
    await expectNoAxeViolations(element)

    parts(element, 'button')
      .find((button) => text(button) === 'Choisir un autre créneau')
      ?.click()
    await waitForState(element, 'ready')
    assert(parts(element, 'day').length > 0, 'back to the days')
  })

  it('reopens a booking from the e-mail’s manage link, keeps it across a reload, forgets it once cancelled', async () => {
    const slots = await apiSlots()
    const booked = await bookDirectly(slots[slots.length - 1]!.start)
    const link = new URL(booked.manageUrl)
    equal(link.hash, `#ganapati-booking=${booked.id}.${booked.manageToken}`, 'the e-mail’s link')
    const page = location.pathname + location.search
    history.replaceState(null, '', `${page}${link.hash}`)

    let element = await bookingWidget(`time-zone="${PARIS}"`)
    await waitForState(element, 'confirmed')
    equal(location.hash, '', 'the token taken out of the address bar')
    equal(
      text(element.shadowRoot?.getElementById('confirmation-title')),
      'Votre rendez-vous',
      'title',
    )
    includes(text(part(element, 'confirmation')), time(booked.start, PARIS), 'the call’s time')

    // A reload: the same tab, a new element, no fragment any more.
    cleanUp()
    element = await bookingWidget(`time-zone="${PARIS}"`)
    await waitForState(element, 'confirmed')
    includes(text(part(element, 'confirmation')), 'Votre rendez-vous', 'shown again after a reload')
    await expectNoAxeViolations(element)

    part(element, 'cancel')?.click()
    await element.updateComplete
    part(element, 'cancel')?.click()
    await waitForState(element, 'cancelled')
    equal((await storedBooking(booked.id)).status, 'cancelled', 'cancelled through the kept token')
    parts(element, 'button')
      .find((button) => text(button) === 'Choisir un autre créneau')
      ?.click()
    await waitForState(element, 'ready')
    cleanUp()
    element = await bookingWidget(`time-zone="${PARIS}"`)
    await waitForState(element, 'ready')
    assert(parts(element, 'day').length > 0, 'a new booking, not the cancelled one, after a reload')
  })

  it('forgets a kept booking the API does not know, and shows the slots', async () => {
    const { api } = await testEnv()
    const key = `ganapati-booking ${api}`
    sessionStorage.setItem(key, `${crypto.randomUUID()}.not-the-token`)
    const element = await bookingWidget()
    await waitForState(element, 'ready')
    assert(parts(element, 'day').length > 0, 'the slots')
    equal(sessionStorage.getItem(key), null, 'forgotten')
  })

  it('shows the privacy notice under the form, in the visitor’s language', async () => {
    const element = await bookingWidget(`time-zone="${PARIS}"`)
    await waitForState(element, 'ready')
    await choose(element)
    const notice = await waitFor(() => part(element, 'privacy'), 'the privacy notice')
    includes(text(notice), 'Ils sont effacés 365 jours après l’appel', 'how long, from the API')
    const form = part(element, 'form')!
    equal(form.lastElementChild, notice, 'under the form, after its button')
    cleanUp()
    const english = await bookingWidget(`lang="en" time-zone="${PARIS}"`)
    await waitForState(english, 'ready')
    await choose(english)
    const words = await waitFor(() => part(english, 'privacy'), 'the notice in English')
    includes(text(words), 'They are erased 365 days after the call', 'in English')
  })

  it('offers phone or video when the advisor has a video room, and sends the choice', async () => {
    const advisor = 'visio-conseillere'
    const seeded = await fetch(`/__ganapati/admin/advisors/${ADVISOR}`).then((r) => r.json())
    const { weeklyHours, slotMinutes, minNoticeMinutes, horizonDays } = seeded as Record<
      string,
      unknown
    >
    const put = await fetch(`/__ganapati/admin/advisors/${advisor}`, {
      method: 'PUT',
      body: JSON.stringify({
        weeklyHours,
        slotMinutes,
        minNoticeMinutes,
        horizonDays,
        name: 'Visio Conseillère',
        email: 'visio@ganapati.example',
        videoUrl: 'https://visio.example/salle-ganapati',
      }),
    })
    assert(put.status === 201 || put.status === 200, `PUT the advisor: ${put.status}`)
    const confirmed = record('ganapati-booking-confirmed')
    // Its own API address: the advisors' list the browser cached before this advisor existed is not reused.
    const element = await bookingWidget(
      `advisor="${advisor}" time-zone="${PARIS}"`,
      proxiedApi('video-advisor').url,
    )
    await waitForState(element, 'ready')
    await choose(element)
    const choice = part(element, 'call-mode')
    assert(choice, 'the choice of phone or video')
    const radios = [...choice.querySelectorAll('input')]
    deepEqual(
      radios.map((radio) => text(radio.parentElement)),
      ['Par téléphone', 'En visio (lien envoyé par e-mail)'],
      'the advisor’s modes',
    )
    radios[0]!.click()
    await fillAndSubmit(element, 'Paul Appel', 'paul@exemple.fr')
    await waitFor(() => text(element.shadowRoot?.getElementById('phone-error')), 'phone asked')
    includes(text(element.shadowRoot?.getElementById('phone-error')), 'téléphone', 'to be called')
    radios[1]!.click()
    await element.updateComplete
    part(element, 'submit')?.click()
    await waitForState(element, 'confirmed')
    const stored = await storedBooking(confirmed[0]!.detail.id)
    equal((stored as StoredBooking & { callMode: string }).callMode, 'video', 'stored as video')
  })

  it('shows the days as a compact week strip on a 375 px screen', async () => {
    const frame = mount<HTMLDivElement>(
      `<div style="width: 375px"><ganapati-booking-link api="${(await testEnv()).api}" time-zone="${PARIS}"></ganapati-booking-link></div>`,
    )
    const element = frame.firstElementChild as GanapatiBookingLink
    await waitForState(element, 'ready')
    const days = parts(element, 'day')
    assert(days.length >= 5, 'a week of days at least')
    const firstRow = days.filter((day) => day.offsetTop === days[0]!.offsetTop)
    assert(firstRow.length >= 4, `four days or more to a row, not ${firstRow.length}`)
    equal(
      text(days[0]!.querySelector('.visually-hidden')).split(',').length,
      2,
      'date and count heard',
    )
  })

  it('retries a booking whose answer was lost with the same Idempotency-Key: one booking', async () => {
    const proxy = proxiedApi('booking-lost-answer')
    const failed = record('ganapati-booking-failed')
    const confirmed = record('ganapati-booking-confirmed')
    const element = await bookingWidget(`time-zone="${PARIS}"`, proxy.url)
    await waitForState(element, 'ready')
    await choose(element)
    const response = await fetch(`${proxy.url}?lose=/v1/bookings`, { method: 'POST' })
    equal(response.status, 204, 'the proxy will lose the next answer')
    await fillAndSubmit(element, 'Nina Reseau', 'nina@exemple.fr')
    const notice = await waitFor(
      () => element.shadowRoot?.getElementById('notice'),
      'the gateway’s failure',
    )
    includes(text(notice), 'a rencontré un problème', 'the failure in words')
    includes(text(notice), 'Vos informations sont conservées.', 'nothing lost')
    equal(notice.getAttribute('role'), 'alert', 'announced, focus staying on the button')
    deepEqual(
      failed.map((event) => event.detail),
      [{ reason: 'server', status: 504 }],
      'ganapati-booking-failed',
    )

    part(element, 'submit')?.click()
    await waitForState(element, 'confirmed')
    const posts = (await proxy.requests()).filter((request) => request.path === '/v1/bookings')
    equal(posts.length, 2, 'two attempts')
    deepEqual(
      posts.map((request) => request.state),
      ['lost', 'answered'],
      'the first answer lost',
    )
    const keys = posts.map((request) => (request as { idempotencyKey?: string }).idempotencyKey)
    assert(keys[0], 'an Idempotency-Key sent')
    equal(keys[1], keys[0], 'the same key on the retry')
    // A second booking of the same slot would have been refused 409: the API replayed the first.
    const stored = await storedBooking(confirmed[0]!.detail.id)
    equal(stored.name, 'Nina Reseau', 'the booking made by the first attempt')
  })

  it('sends the page address without its fragment and the time zone the times are shown in', async () => {
    const zone = 'America/Montreal'
    const before = location.href
    history.replaceState(history.state, '', '?from=partner#offre')
    const sent: Record<string, unknown>[] = []
    const realFetch = window.fetch
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (init?.method === 'POST' && new URL(url).pathname === '/v1/bookings') {
        sent.push(JSON.parse(String(init.body)) as Record<string, unknown>)
      }
      return realFetch(input, init)
    }
    listeners.push(() => {
      window.fetch = realFetch
      history.replaceState(history.state, '', before)
    })
    const element = await bookingWidget(`time-zone="${zone}"`)
    await waitForState(element, 'ready')
    await choose(element)
    await fillAndSubmit(element, 'Léa Fuseau', 'lea@exemple.fr')
    await waitForState(element, 'confirmed')
    equal(sent.length, 1, 'one POST /v1/bookings')
    equal(sent[0]!.timeZone, zone, 'the zone the times were shown in')
    equal(sent[0]!.pageUrl, `${location.origin}${location.pathname}?from=partner`, 'no fragment')
  })

  it('shows times in the time-zone attribute with Paris time alongside', async () => {
    const zone = 'America/Montreal'
    const element = await bookingWidget(`time-zone="${zone}"`)
    await waitForState(element, 'ready')
    includes(
      text(part(element, 'base')),
      `votre fuseau horaire : heure de l’Est nord-américain (${zone})`,
      'the zone in words, with its id',
    )
    const slots = await apiSlots()
    const days = [...new Set(slots.map((slot) => dateIn(slot.start, zone)))]
    equal(parts(element, 'day').length, days.length, 'days in Montreal')
    parts(element, 'day')[0]!.click()
    await element.updateComplete
    const ofDay = slots.filter((slot) => dateIn(slot.start, zone) === days[0])
    deepEqual(
      parts(element, 'slot').map((button) => text(button)),
      ofDay.map((slot) => `${time(slot.start, zone)} (${time(slot.start, PARIS)} heure de Paris)`),
      'local time, then Paris time',
    )
    for (const slot of ofDay) {
      const hours = (instant: string, timeZone: string) =>
        Number(time(instant, timeZone).slice(0, 2))
      const gap = (hours(slot.start, PARIS) - hours(slot.start, zone) + 24) % 24
      assert(gap === 5 || gap === 6, `Paris is 5 or 6 hours ahead of Montreal (${gap})`)
    }
    parts(element, 'slot')[0]!.click()
    await element.updateComplete
    includes(text(part(element, 'form')), '(heure de Paris)', 'the chosen call in Paris time too')
  })

  it('is used with the keyboard: arrows within days and slots, Enter to choose, focus onwards', async () => {
    const element = await bookingWidget(`time-zone="${PARIS}"`)
    await waitForState(element, 'ready')
    const days = parts(element, 'day')
    assert(days.length > 1, 'several days')
    deepEqual(
      days.map((day) => day.tabIndex),
      days.map((_, i) => (i ? -1 : 0)),
      'one tab stop in the group',
    )
    days[0]!.focus()
    await sendKeys({ press: 'ArrowRight' })
    equal(focused(element), days[1], 'ArrowRight: the next day')
    await sendKeys({ press: 'End' })
    equal(focused(element), days.at(-1), 'End: the last day')
    await sendKeys({ press: 'Home' })
    equal(focused(element), days[0], 'Home: the first day')
    await sendKeys({ press: 'ArrowLeft' })
    equal(focused(element), days.at(-1), 'ArrowLeft wraps around')
    await sendKeys({ press: 'Home' })
    await sendKeys({ press: 'Enter' })
    await element.updateComplete
    equal(days[0]!.getAttribute('aria-pressed'), 'true', 'Enter chose the day')
    const slots = parts(element, 'slot')
    equal(focused(element), slots[0], 'focus on the first slot')
    await sendKeys({ press: 'ArrowDown' })
    equal(focused(element), slots[1] ?? slots[0], 'ArrowDown: the next slot')
    await sendKeys({ press: 'Space' })
    await element.updateComplete
    equal(focused(element), control(element, 'name'), 'Space chose the slot: focus on the name')
  })

  it('says when no slot is free in the next 14 days, and offers the next period', async () => {
    const response = await fetch('/__ganapati/admin/advisors/zz-sans-creneau', {
      method: 'PUT',
      body: JSON.stringify({
        name: 'Zoé Sans Créneau',
        email: 'zoe@ganapati.example',
        weeklyHours: [],
      }),
    })
    assert([200, 201].includes(response.status), `an advisor without hours (${response.status})`)
    const element = await bookingWidget('advisor="zz-sans-creneau"')
    await waitForState(element, 'ready')
    equal(parts(element, 'day').length, 0, 'no day')
    includes(
      text(part(element, 'base')),
      'Aucun créneau libre dans les 14 prochains jours.',
      'the empty state',
    )
    await expectNoAxeViolations(element)
    const next = parts(element, 'button').find((button) => text(button) === '14 jours suivants')
    assert(next, 'a way to the next period')
    next.click()
    const message = await waitFor(() => {
      const shown = element.shadowRoot?.getElementById('days-title')
      return text(shown).startsWith('Aucun créneau libre du ') ? shown : null
    }, 'the next period, empty too')
    await waitFor(() => focused(element) === message, 'focus on the period’s message')
    equal(element.getAttribute('state'), 'ready', 'state')
    assert(
      parts(element, 'button').some((button) => text(button) === '14 jours précédents'),
      'and back',
    )
  })

  it('shows an error with a retry when the API cannot be reached, and an unknown advisor', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
    let element: GanapatiBookingLink
    try {
      element = await bookingWidget()
      await waitForState(element, 'error')
      includes(text(part(element, 'message')), 'hors ligne', 'offline, in words')
      await expectNoAxeViolations(element)
    } finally {
      delete (navigator as { onLine?: boolean }).onLine
    }
    const retry = parts(element, 'button').find((button) => text(button) === 'Réessayer')
    assert(retry, 'a retry button')
    retry.click()
    await waitForState(element, 'ready')
    assert(parts(element, 'day').length > 0, 'the days after the retry')
    equal(focused(element)?.id, 'title', 'focus kept in the widget')

    const unknown = await bookingWidget('advisor="personne"')
    await waitForState(unknown, 'error')
    includes(text(part(unknown, 'message')), 'Ce conseiller est introuvable.', 'unknown advisor')
  })

  it('speaks English with lang="en"', async () => {
    const element = await bookingWidget(`lang="en" time-zone="${PARIS}"`)
    await waitForState(element, 'ready')
    equal(text(part(element, 'title')), 'Book a call with an advisor', 'title')
    includes(text(part(element, 'base')), 'A 30-minute call with Conseiller Ganapati.', 'intro')
    includes(
      text(part(element, 'base')),
      `Times shown in your time zone: Central European Time (${PARIS}).`,
      'zone',
    )
    equal(text(element.shadowRoot?.getElementById('days-title')), 'Choose a day', 'days heading')
    await choose(element)
    includes(text(element.shadowRoot?.getElementById('slots-title')), 'Choose a time', 'slots')
    equal(text(element.shadowRoot?.querySelector('label[for="name"]')), 'Full name', 'label')
    equal(text(part(element, 'submit')), 'Confirm the call', 'submit')
    part(element, 'submit')?.click()
    await element.updateComplete
    equal(text(element.shadowRoot?.getElementById('name-error')), 'Enter your name.', 'error')
    equal(
      text(element.shadowRoot?.getElementById('email-error')),
      'Enter your email address.',
      'error',
    )
  })

  describe('link mode', () => {
    /** What a finder and a simulator on the page would say, dispatched as they do. */
    async function chainContext() {
      const { api } = await testEnv()
      const response = await fetch(`${api}/v1/simulations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(WORKED_REQUEST),
      })
      equal(response.status, 200, 'POST /v1/simulations')
      const result = (await response.json()) as SimulationResult
      const event = (name: GanapatiEventName, detail: object) =>
        document.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }))
      event('ganapati-opco-found', {
        opcoId: 'atlas',
        idcc: '1486',
        siret: '41816609600069',
        confidence: 'high',
      })
      event('ganapati-simulation-change', { request: WORKED_REQUEST, result })
    }

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
    const SUMMARY =
      'Entreprise : Boulangerie Martin · SIRET : 418 166 096 00069 · IDCC : 1486 · OPCO : Atlas · Simulation contrat d’apprentissage au 1 octobre 2026 : coût 8 500 €, OPCO 6 250 €, reste à charge 2 250 €, aide de l’État 2 000 €'
    const VISITOR =
      'name="Jeanne Martin" email="jeanne@exemple.fr" phone="+33 1 23 45 67 89" company="Boulangerie Martin"'

    async function linkOf(provider: string, href: string): Promise<URL> {
      const element = await bookingWidget(`provider="${provider}" href="${href}" ${VISITOR}`)
      await waitForState(element, 'ready')
      await chainContext()
      const link = await waitFor(() => {
        const anchor = part(element, 'link') as HTMLAnchorElement | null
        return anchor?.href.includes('Atlas') || provider === 'hubspot' ? anchor : null
      }, `the ${provider} link with the OPCO named`)
      equal(link.target, '_blank', 'a new tab')
      equal(link.rel, 'noopener', 'no window.opener')
      includes(text(link), 'Prendre rendez-vous avec un conseiller', 'the link’s text')
      includes(text(link), '(nouvel onglet)', 'says it opens a new tab')
      assert(!link.search.includes('+'), `spaces as %20: ${link.search}`)
      return new URL(link.href)
    }

    it('prefills Calendly: name, email and the context as the first custom answer', async () => {
      const url = await linkOf('calendly', 'https://calendly.com/ganapati/appel?month=2026-12')
      equal(url.origin + url.pathname, 'https://calendly.com/ganapati/appel', 'the page')
      equal(url.searchParams.get('month'), '2026-12', 'the page’s own parameter kept')
      equal(url.searchParams.get('name'), 'Jeanne Martin', 'name')
      equal(url.searchParams.get('email'), 'jeanne@exemple.fr', 'email')
      equal(squash(url.searchParams.get('a1')), SUMMARY, 'a1: the context in one French line')
      const summary = part(document.querySelector('ganapati-booking-link')!, 'summary')
      includes(
        squash(text(summary)),
        'Votre conseiller recevra : Entreprise : Boulangerie',
        'shown',
      )
    })

    it('prefills Cal.com: name, email, notes, phone and the context as metadata', async () => {
      const url = await linkOf('calcom', 'https://cal.com/ganapati/conseil')
      deepEqual(
        [...url.searchParams.keys()].sort(),
        [
          'attendeePhoneNumber',
          'email',
          'metadata[idcc]',
          'metadata[opcoId]',
          'metadata[siret]',
          'name',
          'notes',
        ],
        'only documented parameters',
      )
      equal(url.searchParams.get('name'), 'Jeanne Martin', 'name')
      equal(url.searchParams.get('email'), 'jeanne@exemple.fr', 'email')
      equal(url.searchParams.get('attendeePhoneNumber'), '+33 1 23 45 67 89', 'phone')
      equal(squash(url.searchParams.get('notes')), SUMMARY, 'notes: the context')
      equal(url.searchParams.get('metadata[siret]'), '41816609600069', 'SIRET')
      equal(url.searchParams.get('metadata[idcc]'), '1486', 'IDCC')
      equal(url.searchParams.get('metadata[opcoId]'), 'atlas', 'OPCO')
    })

    it('prefills HubSpot with the first and last names and the email only', async () => {
      const url = await linkOf(
        'hubspot',
        'https://meetings.hubspot.com/mehdi-abakri/rencontrer-mon-conseiller-en-formation?uuid=42',
      )
      deepEqual(
        Object.fromEntries(url.searchParams),
        { uuid: '42', firstName: 'Jeanne', lastName: 'Martin', email: 'jeanne@exemple.fr' },
        'HubSpot takes no free text',
      )
      const element = document.querySelector('ganapati-booking-link')!
      equal(part(element, 'summary'), null, 'no summary that would not travel')
      await expectNoAxeViolations(element)
    })

    it('refuses a javascript: href with an explanation, and an unknown provider', async () => {
      const hostile = await bookingWidget('provider="calendly" href="javascript:alert(1)"')
      await waitForState(hostile, 'error')
      equal(hostile.shadowRoot?.querySelector('a'), null, 'no link at all')
      includes(text(part(hostile, 'message')), 'seules les adresses http et https', 'explained')
      await expectNoAxeViolations(hostile)

      const unknown = await bookingWidget('provider="zoom" href="https://zoom.example/rdv"')
      await waitForState(unknown, 'error')
      equal(unknown.shadowRoot?.querySelector('a'), null, 'no link')
      includes(text(part(unknown, 'message')), 'hubspot, calcom ou calendly', 'explained')
    })
  })

  it('has no axe-core violations while choosing, with the form, and once confirmed', async () => {
    const element = await bookingWidget(`time-zone="America/Montreal"`)
    await waitForState(element, 'ready')
    await expectNoAxeViolations(element)
    await choose(element)
    await expectNoAxeViolations(element)
    await fillAndSubmit(element, 'Axe Core', 'axe@exemple.fr')
    await waitForState(element, 'confirmed')
    await expectNoAxeViolations(element)
  })

  it('runs the built bundle under a strict CSP without any violation', async () => {
    const { page, element } = await widgetUnderCsp('ganapati-booking-link')
    const day = part(element, 'day')
    assert(day, 'days rendered')
    equal(page.getComputedStyle(day).borderTopStyle, 'solid', 'adopted stylesheets applied')
    deepEqual(page.cspViolations, [], 'securitypolicyviolation events')
  })
})
