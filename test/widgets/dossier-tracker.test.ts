/** <ganapati-dossier-tracker> in real Chromium against the real API: members and sessions made through the admin API, sign-in links read on the real SMTP server of the tests. */
import type { DossierDetail, NewDossier } from '../../api/contracts/dossiers'
import type { Member, MemberRole, Session } from '../../api/contracts/members'
import { sendKeys } from '@web/test-runner-commands'
import '../../widgets/dossier-tracker/define'
import '../../widgets/opco-finder/define'
import type { GanapatiDossierTracker } from '../../widgets/dossier-tracker/dossier-tracker'
import {
  type CspPage,
  afterEach,
  assert,
  cleanUp,
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
} from './helpers'

/** The company the fake recherche-entreprises knows: IDCC 1486, OPCO Atlas. */
const SIRET = '41816609600069'

let serial = 0
const unique = (name: string) => `${name}-${Date.now()}-${++serial}@exemple.fr`

/** A member made through the admin API, with a session minted for it. */
async function member(role: MemberRole, name = `Membre ${role}`): Promise<Session> {
  const created = await fetch('/__ganapati/mail-admin/members', {
    method: 'POST',
    body: JSON.stringify({
      email: unique(role),
      name,
      role,
      organisation: { siret: role === 'company' ? SIRET : '73282932000074', name: `${name} SAS` },
    }),
  })
  equal(created.status, 201, 'POST /v1/admin/members')
  const { id } = (await created.json()) as Member
  const session = await fetch(`/__ganapati/mail-admin/members/${id}/sessions`, { method: 'POST' })
  equal(session.status, 201, 'POST /v1/admin/members/:id/sessions')
  return (await session.json()) as Session
}

/** `YYYY-MM-DD`, `days` from today. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/** Calls the API as a member would, with their bearer session. */
async function asMember<T>(session: Session, path: string, body?: object): Promise<T> {
  const { mailApi: api } = await testEnv()
  const response = await fetch(`${api}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${session.sessionToken}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  assert(response.ok, `${path}: ${response.status} ${await response.clone().text()}`)
  return (await response.json()) as T
}

/** A dossier opened by a trainer through the API. */
function openDossier(
  trainer: Session,
  title: string,
  startInDays = 60,
  extra: Partial<NewDossier> = {},
): Promise<DossierDetail> {
  return asMember<DossierDetail>(trainer, '/v1/dossiers', {
    company: { siret: SIRET, contactEmail: 'rh@exemple.fr' },
    training: {
      title,
      startDate: inDays(startInDays),
      endDate: inDays(startInDays + 1),
      hours: 14,
      location: 'Lyon',
    },
    trainees: [{ name: 'Léa Martin' }],
    priceCents: 180000,
    fundingMode: 'subrogation',
    ...extra,
  })
}

/** Records a step through the API, as another member acting meanwhile. */
function step(session: Session, dossier: { id: string; version: number }, body: object) {
  return asMember<DossierDetail>(session, `/v1/dossiers/${dossier.id}/events`, {
    expectedVersion: dossier.version,
    ...body,
  })
}

async function tracker(attributes = '', api?: string): Promise<GanapatiDossierTracker> {
  const element = mount<GanapatiDossierTracker>(
    `<ganapati-dossier-tracker api="${api ?? (await testEnv()).mailApi}" ${attributes}></ganapati-dossier-tracker>`,
  )
  await element.updateComplete
  return element
}

/** A tracker signed in with a session the page hands over. */
async function signedIn(session: Session, attributes = ''): Promise<GanapatiDossierTracker> {
  const element = await tracker(`session-token="${session.sessionToken}" ${attributes}`)
  await waitForState(element, 'ready')
  return element
}

const shadow = (element: Element, selector: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(selector)

/** Types into a field of the shadow tree as a visitor would (an input event per value). */
function type(element: Element, id: string, value: string): void {
  const control = shadow(element, `#${id}`) as HTMLInputElement | HTMLSelectElement
  assert(control, `field #${id}`)
  control.value = value
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'))
}

const rows = (element: Element) => parts(element, 'row').map((row) => text(row))

/** The e-mails the API sent, as the WTR config's SMTP server received them. */
interface Mail {
  to: string[]
  subject: string
  links: string[]
}
async function mailTo(email: string): Promise<Mail> {
  return waitFor(async () => {
    const mails = (await (await fetch('/__ganapati/mails')).json()) as Mail[]
    return mails.find((mail) => mail.to.includes(email)) ?? null
  }, `an e-mail to ${email}`)
}

async function clickAction(element: GanapatiDossierTracker, stepType: string): Promise<void> {
  const button = await waitFor(
    () => shadow(element, `[part~="action"][data-step="${stepType}"]`),
    `the action ${stepType}`,
  )
  button.click()
  await element.updateComplete
}

async function submit(
  element: GanapatiDossierTracker,
  selector = '[part~="submit"]',
): Promise<void> {
  shadow(element, selector)!.click()
  await element.updateComplete
}

describe('<ganapati-dossier-tracker>', () => {
  afterEach(() => {
    cleanUp()
    sessionStorage.clear()
  })

  it('signed out, sends a sign-in link and says so without telling whether the address is known', async () => {
    const element = await tracker()
    await waitForState(element, 'signed-out')
    await expectNoAxeViolations(element)
    type(element, 'email', 'personne@exemple.fr')
    await submit(element)
    const notice = await waitFor(() => part(element, 'message'), 'the link notice')
    includes(text(notice), 'Si personne@exemple.fr est l’adresse d’un membre', 'notice')
    equal(notice.getAttribute('role'), 'status', 'a status, not an alert')
  })

  it('signs in from the e-mailed link, takes the token out of the address and keeps the session in the tab', async () => {
    const session = await member('trainer', 'Jeanne Formatrice')
    const { mailApi: api } = await testEnv()
    await openDossier(session, 'Excel avancé')
    const element = await tracker(`return-url="${location.href.split('#')[0]}"`)
    await waitForState(element, 'signed-out')
    type(element, 'email', session.member.email)
    await submit(element)
    const mail = await mailTo(session.member.email)
    const link = mail.links.find((href) => href.includes('#ganapati-auth='))
    assert(link, `a sign-in link in ${JSON.stringify(mail.links)}`)
    cleanUp()

    // The link opens this page: its fragment, with another part of the page's own beside it.
    history.replaceState(null, '', `${new URL(link).hash}&section=2`)
    const events: string[] = []
    document.addEventListener('ganapati-signed-in', (event) =>
      events.push(event.detail.member.name),
    )
    const opened = await tracker()
    await waitForState(opened, 'ready')
    equal(location.hash, '#section=2', 'the token left the address bar, the page’s part stayed')
    equal(events.join(), 'Jeanne Formatrice', 'ganapati-signed-in')
    includes(text(part(opened, 'account')), 'Jeanne Formatrice', 'who is signed in')
    includes(rows(opened).join(), 'Excel avancé', 'the list')
    assert(sessionStorage.getItem(`ganapati-session ${api}`), 'the session kept in the tab')

    // The link is single-use; a second tracker of the tab signs in from sessionStorage.
    cleanUp()
    const again = await tracker()
    await waitForState(again, 'ready')
    includes(rows(again).join(), 'Excel avancé', 'signed in from the tab')

    // Sign out: DELETE /v1/auth/sessions/current, the session gone from the tab and the API.
    const { sessionToken } = JSON.parse(
      sessionStorage.getItem(`ganapati-session ${api}`)!,
    ) as Session
    let signedOut = 0
    document.addEventListener('ganapati-signed-out', () => signedOut++)
    ;(part(again, 'account')!.querySelector('button') as HTMLButtonElement).click()
    await waitForState(again, 'signed-out')
    equal(signedOut, 1, 'ganapati-signed-out')
    equal(sessionStorage.getItem(`ganapati-session ${api}`), null, 'forgotten')
    const revoked = await fetch(`${api}/v1/auth/sessions/current`, {
      headers: { authorization: `Bearer ${sessionToken}` },
    })
    equal(revoked.status, 401, 'revoked')
    history.replaceState(null, '', location.pathname + location.search)
  })

  it('opens the dossier a link names once signed in', async () => {
    const trainer = await member('trainer')
    const dossier = await openDossier(trainer, 'Comptabilité')
    const { mailApi: api } = await testEnv()
    const asked = await fetch(`${api}/v1/auth/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: trainer.member.email,
        returnUrl: location.href.split('#')[0],
        dossierId: dossier.id,
      }),
    })
    equal(asked.status, 202, 'POST /v1/auth/links')
    const link = (await mailTo(trainer.member.email)).links.find((href) => href.includes('#'))!
    history.replaceState(null, '', new URL(link).hash)
    const element = await tracker()
    await waitFor(
      () => text(shadow(element, '#view-title')).includes(dossier.reference),
      'the dossier',
    )
    equal(location.hash, '', 'the fragment is gone')
  })

  it('a refused link and an expired session leave the member signed out, saying why', async () => {
    history.replaceState(null, '', `#ganapati-auth=${'x'.repeat(43)}`)
    const element = await tracker()
    await waitForState(element, 'signed-out')
    includes(text(part(element, 'message')), 'déjà utilisé ou expiré', 'the refused link')

    const session = await member('trainer')
    const { mailApi: api } = await testEnv()
    const kept = await signedIn(session)
    await fetch(`${api}/v1/auth/sessions/current`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.sessionToken}` },
    })
    ;(parts(kept, 'filter')[0] as HTMLButtonElement).click()
    await waitForState(kept, 'signed-out')
    includes(text(part(kept, 'message')), 'Votre session a pris fin', 'a 401 signs out')
  })

  it('moved in the page while loading, loads again', async () => {
    const trainer = await member('trainer')
    await openDossier(trainer, 'Déplacé')
    const proxy = proxiedApi(`mail-moved-${Date.now()}`)
    await proxy.hold('/v1/dossiers')
    const element = await tracker(`session-token="${trainer.sessionToken}"`, proxy.url)
    await waitFor(
      async () => (await proxy.requests()).some((request) => request.state === 'held'),
      'the list held',
    )
    const parent = element.parentElement!
    element.remove()
    parent.append(element)
    await waitForState(element, 'ready')
    includes(rows(element).join(), 'Déplacé', 'the list')
  })

  it('says in French when the API cannot be reached, and offers to try again', async () => {
    const { closed, mailApi: api } = await testEnv()
    const session = await member('trainer')
    const element = await tracker(`session-token="${session.sessionToken}"`, closed)
    await waitForState(element, 'error')
    const message = part(element, 'message')!
    equal(message.getAttribute('role'), 'alert', 'an alert')
    includes(text(message), 'Le service Ganapati est injoignable', 'the French message')
    includes(text(message), 'Réessayer', 'a retry button')
    await expectNoAxeViolations(element)
    element.api = api
    await waitForState(element, 'ready')
  })

  it('lists the dossiers late first, filters, searches and pages', async () => {
    const trainer = await member('trainer')
    const staff = await member('staff')
    const company = await member('company')
    // Starting in 10 days: Atlas' PEC was due weeks ago, so once the documents are sent it is late.
    const late = await openDossier(trainer, 'Sécurité incendie', 10)
    await openDossier(trainer, 'Management agile')
    await openDossier(trainer, 'Anglais des affaires')
    await step(staff, late, { type: 'documents_sent' })

    const element = await signedIn(trainer, 'page-size="2"')
    await expectNoAxeViolations(element)
    const first = rows(element)
    equal(first.length, 2, 'a page of two')
    includes(first[0], 'Sécurité incendie', 'the late one first')
    includes(first[0], 'En retard', 'marked late in words')
    equal(getComputedStyle(parts(element, 'row')[0]!).borderLeftWidth, '6px', 'and by its edge')
    includes(first[0], 'Documents envoyés', 'its step label')
    includes(
      first[0],
      'En attente de : l’entreprise — Déposer la demande de prise en charge',
      'who acts next',
    )
    includes(text(part(element, 'pager')), 'Page 1 sur 2', 'pages')
    ;(part(element, 'pager')!.querySelectorAll('button')[1] as HTMLButtonElement).click()
    await waitFor(() => rows(element).length === 1, 'the second page')

    const filter = (label: string) =>
      parts(element, 'filter')
        .find((button) => text(button) === label)!
        .click()
    filter('En retard')
    await waitFor(
      () => rows(element).length === 1 && rows(element)[0]!.includes('Sécurité'),
      'late',
    )
    filter('À moi d’agir')
    await waitFor(() => text(part(element, 'message')).includes('Aucun dossier n’attend'), 'empty')
    filter('Tous')
    type(element, 'q', 'anglais')
    shadow(element, '[part~="search"] button')!.click()
    await waitFor(
      () => rows(element).length === 1 && rows(element)[0]!.includes('Anglais'),
      'search',
    )

    // The company's contact: its step is due and late, « À vous ».
    cleanUp()
    const theirs = await signedIn(company)
    filter.call(null, 'En retard')
    const mine = await waitFor(
      () => rows(theirs).find((row) => row.includes(late.reference)),
      'the company’s late dossier',
    )
    includes(mine, 'À vous : Déposer la demande de prise en charge', 'its turn')
  })

  it('shows a dossier: banner, milestones, and records steps as staff, company and trainer', async () => {
    const trainer = await member('trainer', 'Paul Formateur')
    const staff = await member('staff', 'Lina Ganapati')
    const company = await member('company', 'Rita RH')
    const dossier = await openDossier(trainer, 'Soudure')
    const changes: string[] = []
    document.addEventListener('ganapati-dossier-change', (event) =>
      changes.push(`${event.detail.state}@${event.detail.version}`),
    )

    // Staff: from the list, the row opens the dossier; « Documents envoyés ».
    let element = await signedIn(staff)
    filterAll: {
      type(element, 'q', dossier.reference)
      shadow(element, '[part~="search"] button')!.click()
      await waitFor(() => rows(element).length === 1, 'found')
      shadow(element, `#open-${dossier.id}`)!.click()
      break filterAll
    }
    await waitFor(() => part(element, 'banner'), 'the detail')
    includes(text(part(element, 'banner')), 'À vous : Envoyer à l’entreprise', 'staff’s turn')
    equal(element.shadowRoot!.activeElement?.id, 'view-title', 'focus on the dossier’s title')
    const milestones = parts(element, 'milestone').map(text)
    includes(milestones[0], 'Fait : Session validée', 'done, in words')
    includes(milestones[0], 'par Paul Formateur', 'who did it')
    includes(milestones[1], 'En cours : Documents envoyés', 'the current step')
    includes(milestones[2], 'À venir : Prise en charge demandée', 'a step to come')
    includes(milestones[2], 'prévu avant le', 'its expected date')
    await expectNoAxeViolations(element)
    await clickAction(element, 'documents_sent')
    await submit(element)
    await waitFor(() => text(part(element, 'message')).includes('Étape enregistrée'), 'recorded')
    includes(text(part(element, 'banner')), 'En attente de : l’entreprise', 'the company’s turn')

    // Company: the PEC requested, then its answer, with the decision and amount.
    cleanUp()
    element = await signedIn(company, `dossier="${dossier.id}"`)
    await waitFor(() => part(element, 'banner'), 'the company’s detail')
    // How to file with Atlas, from its flyer (GET /v1/opcos), while the PEC is the company's to file.
    const filing = await waitFor(() => part(element, 'filing'), 'how to file the PEC')
    includes(text(filing), 'La demande de prise en charge auprès d’Atlas', 'its title')
    includes(filing.querySelector('a')?.href, 'opco-atlas.fr', 'the OPCO’s site')
    await clickAction(element, 'pec_requested')
    type(element, 'opcoReference', 'ATL-2026-42')
    await submit(element)
    await waitFor(() => text(part(element, 'message')).includes('Étape enregistrée'), 'requested')
    await clickAction(element, 'pec_received')
    type(element, 'decision', 'accepted')
    type(element, 'amount', '1 800')
    await expectNoAxeViolations(element)
    await submit(element)
    await waitFor(
      () => text(part(element, 'banner')).includes('En attente de : Ganapati'),
      'staff next',
    )

    // Staff validates; the trainer starts the training.
    const current = await asMember<DossierDetail>(staff, `/v1/dossiers/${dossier.id}`)
    equal(current.timeline.at(-1)?.data.amountCents, 180000, 'the amount in cents')
    await step(staff, current, { type: 'pec_validated' })
    cleanUp()
    element = await signedIn(trainer, `dossier="${dossier.id}"`)
    await waitFor(() => part(element, 'banner'), 'the trainer’s detail')
    includes(text(part(element, 'banner')), 'À vous : Démarrer la formation', 'the trainer’s turn')
    await clickAction(element, 'training_started')
    await submit(element)
    await waitFor(() => text(part(element, 'banner')).includes('Terminer la formation'), 'started')
    equal(
      changes.join(),
      'documents_sent@2,pec_requested@3,pec_received@4,training_started@6',
      'ganapati-dossier-change',
    )
    // Back to the list, focus on the dossier's row.
    shadow(element, '[part~="back"]')!.click()
    await waitFor(
      () => element.shadowRoot!.activeElement?.id === `open-${dossier.id}`,
      'focus back',
    )
  })

  it('asks before an irreversible step, and reloads a dossier someone changed meanwhile', async () => {
    const trainer = await member('trainer')
    const staff = await member('staff')
    const dossier = await openDossier(trainer, 'Gestion du stress')
    const element = await signedIn(trainer, `dossier="${dossier.id}"`)
    await waitFor(() => part(element, 'banner'), 'the detail')

    // Someone acts meanwhile: the version read is stale (412).
    await step(staff, dossier, { type: 'documents_sent' })
    await clickAction(element, 'cancelled')
    type(element, 'reason', 'Session reportée')
    await submit(element)
    const confirm = await waitFor(() => part(element, 'confirm'), 'the confirmation')
    includes(text(confirm), '« Annuler le dossier » est définitif', 'asked')
    equal(element.shadowRoot!.activeElement?.id, 'no', 'focus on the harmless answer')
    shadow(element, '#yes')!.click()
    await waitFor(() => text(part(element, 'message')).includes('Quelqu’un a agi'), 'stale')
    await waitFor(
      () => text(part(element, 'banner')).includes('En attente de : l’entreprise'),
      'reloaded',
    )

    // Now on the fresh version, confirmed.
    await clickAction(element, 'cancelled')
    type(element, 'reason', 'Session reportée')
    await submit(element)
    shadow(element, '#yes')!.click()
    await waitFor(() => text(part(element, 'banner')).includes('Plus rien à faire'), 'cancelled')
    equal(parts(element, 'action').length, 0, 'no action left')
  })

  it('works with the keyboard alone: open a dossier, record an irreversible step, confirm', async () => {
    const trainer = await member('trainer')
    const dossier = await openDossier(trainer, 'Prise de parole')
    const element = await signedIn(trainer)
    const focused = () => element.shadowRoot!.activeElement
    shadow(element, `#open-${dossier.id}`)!.focus()
    await sendKeys({ press: 'Enter' })
    await waitFor(() => focused()?.id === 'view-title', 'focus on the opened dossier’s title')
    await sendKeys({ press: 'Tab' })
    equal(focused()?.getAttribute('data-step'), 'cancelled', 'Tab reaches the action')
    await sendKeys({ press: 'Enter' })
    await waitFor(() => focused()?.id === 'step-title', 'focus on the step’s form')
    await sendKeys({ press: 'Tab' })
    equal(focused()?.id, 'reason', 'the reason first')
    await sendKeys({ type: 'Formateur indisponible' })
    await sendKeys({ press: 'Tab' })
    await sendKeys({ press: 'Tab' })
    equal(focused()?.getAttribute('part'), 'submit', 'then the note, then Enregistrer')
    await sendKeys({ press: 'Enter' })
    await waitFor(() => focused()?.id === 'no', 'the harmless answer focused')
    await sendKeys({ down: 'Shift' })
    await sendKeys({ press: 'Tab' })
    await sendKeys({ up: 'Shift' })
    equal(focused()?.id, 'yes', 'back to « Oui, enregistrer »')
    await sendKeys({ press: 'Enter' })
    await waitFor(() => text(part(element, 'banner')).includes('Plus rien à faire'), 'cancelled')
    const after = await asMember<DossierDetail>(trainer, `/v1/dossiers/${dossier.id}`)
    equal(after.timeline.at(-1)?.data.reason, 'Formateur indisponible', 'the reason typed')
  })

  it('« Valider une session »: field errors under their fields, then the dossier opened', async () => {
    const trainer = await member('trainer')
    const element = await signedIn(trainer)
    shadow(element, '#new')!.click()
    await element.updateComplete
    await expectNoAxeViolations(element)
    type(element, 'siret', '418 166 096 00068')
    type(element, 'contactEmail', 'rh@exemple.fr')
    type(element, 'course', 'Premiers secours')
    type(element, 'startDate', inDays(40))
    type(element, 'endDate', inDays(41))
    type(element, 'hours', '7')
    type(element, 'location', 'Nantes')
    type(element, 'trainees', 'Ana Silva\nBo Chen')
    type(element, 'price', '950,50')
    await submit(element)
    const error = await waitFor(
      () => shadow(element, '#siret-error'),
      () => `the SIRET’s error (${element.shadowRoot!.textContent})`,
    )
    includes(text(error), 'clé de contrôle', 'the API’s words under the field')
    equal(shadow(element, '#siret')!.getAttribute('aria-invalid'), 'true', 'flagged')
    await expectNoAxeViolations(element)

    type(element, 'siret', '418 166 096 00069')
    await submit(element)
    await waitFor(() => text(part(element, 'message')).includes('Session validée'), 'created')
    includes(text(part(element, 'banner')), 'En attente de : Ganapati', 'the new dossier')
    const list = await asMember<{ items: DossierDetail[] }>(trainer, '/v1/dossiers')
    equal(list.items[0]?.priceCents, 95050, 'the price in cents')
    equal(list.items[0]?.trainees.length, 2, 'one trainee a line')
  })

  it('« Valider une session » starts from the company a finder on the page found', async () => {
    const trainer = await member('trainer')
    const { mailApi } = await testEnv()
    const page = mount<HTMLDivElement>(
      `<div>
        <ganapati-opco-finder api="${mailApi}"></ganapati-opco-finder>
        <ganapati-dossier-tracker api="${mailApi}" session-token="${trainer.sessionToken}"></ganapati-dossier-tracker>
      </div>`,
    )
    const finder = page.querySelector('ganapati-opco-finder')!
    const element = page.querySelector('ganapati-dossier-tracker') as GanapatiDossierTracker
    await waitForState(element, 'ready')
    const search = finder.shadowRoot!.querySelector('input')!
    search.focus()
    await sendKeys({ type: SIRET })
    await sendKeys({ press: 'Enter' })
    await waitFor(() => element.foundSiret, 'the SIRET the finder found')
    shadow(element, '#new')!.click()
    await element.updateComplete
    const siret = shadow(element, '#siret') as HTMLInputElement
    equal(siret.value.replace(/\s/g, ''), SIRET, 'the finder’s SIRET in the form')

    search.select()
    await sendKeys({ type: '9999' })
    await sendKeys({ press: 'Enter' })
    await waitFor(() => !element.foundSiret, 'taken back by a search without company')
    await element.updateComplete
    equal(siret.value, '', 'the form’s SIRET emptied, as the trainer had not changed it')
  })

  it('a session sent again after a lost answer opens one dossier (the same Idempotency-Key)', async () => {
    const trainer = await member('trainer')
    const proxy = proxiedApi(`mail-lost-${Date.now()}`)
    const element = await tracker(`session-token="${trainer.sessionToken}"`, proxy.url)
    await waitForState(element, 'ready')
    shadow(element, '#new')!.click()
    await element.updateComplete
    for (const [id, value] of [
      ['siret', '41816609600069'],
      ['contactEmail', 'rh@exemple.fr'],
      ['course', 'Gestes et postures'],
      ['startDate', inDays(50)],
      ['endDate', inDays(50)],
      ['hours', '7'],
      ['trainees', 'Ana Silva'],
      ['price', '600'],
    ] as const) {
      type(element, id, value)
    }
    ;(shadow(element, '#distance') as HTMLInputElement).checked = true
    shadow(element, '#distance')!.dispatchEvent(new Event('change'))
    await fetch(`/__ganapati/proxy/${proxy.url.split('/').pop()}?lose=/v1/dossiers`, {
      method: 'POST',
    })
    await submit(element)
    await waitFor(() => part(element, 'message')?.getAttribute('role') === 'alert', 'the failure')
    await submit(element)
    await waitFor(() => text(part(element, 'message')).includes('Session validée'), 'created')
    const keys = (await proxy.requests())
      .filter((request) => request.path === '/v1/dossiers')
      .map((request) => (request as { idempotencyKey?: string }).idempotencyKey)
    equal(keys.length, 2, 'sent twice')
    assert(keys[0] && keys[0] === keys[1], `one key for both: ${keys.join()}`)
    const list = await asMember<{ total: number; items: DossierDetail[] }>(trainer, '/v1/dossiers')
    equal(list.total, 1, 'one dossier')
    equal(list.items[0]?.training.distance, true, 'à distance')
  })

  it('fits 320 px without scrolling sideways: the list, a dossier, the new session form', async () => {
    const trainer = await member('trainer', 'Maximilienne Delacroix-Fontenay')
    const dossier = await openDossier(trainer, 'Prévention des risques psychosociaux en entreprise')
    const { mailApi: api } = await testEnv()
    const box = mount<HTMLDivElement>(
      `<div style="width: 320px"><ganapati-dossier-tracker api="${api}" session-token="${trainer.sessionToken}"></ganapati-dossier-tracker></div>`,
    )
    const element = box.firstElementChild as GanapatiDossierTracker
    await waitForState(element, 'ready')
    const fits = (what: string) => {
      const base = part(element, 'base')!
      assert(
        base.scrollWidth <= base.clientWidth,
        `${what}: ${base.scrollWidth} > ${base.clientWidth}`,
      )
      assert(element.getBoundingClientRect().width <= 320, `${what}: the element is wider`)
    }
    fits('the list')
    shadow(element, `#open-${dossier.id}`)!.click()
    await waitFor(() => part(element, 'banner'), 'the detail')
    fits('the dossier')
    await clickAction(element, 'cancelled')
    fits('a step’s form')
    shadow(element, '[part~="back"]')!.click()
    await waitFor(() => shadow(element, '#new'), 'the list again')
    shadow(element, '#new')!.click()
    await element.updateComplete
    fits('the new session form')
  })

  it('runs on the demo page and under a strict CSP, signed out', async () => {
    const frame = mount<HTMLIFrameElement>(
      '<iframe title="Page de démonstration" src="/__ganapati/demo/"></iframe>',
    )
    const demo = await waitFor(
      () => frame.contentDocument?.querySelector<GanapatiDossierTracker>('#tracker'),
      'the demo page’s tracker',
    )
    await waitForState(demo, 'signed-out')
    includes(text(part(demo, 'sign-in')), 'Recevoir un lien de connexion', 'the e-mail form')

    cleanUp()
    const csp = mount<HTMLIFrameElement>(
      '<iframe title="Page partenaire" src="/__ganapati/csp.html?tracker"></iframe>',
    )
    await new Promise((loaded) => csp.addEventListener('load', loaded, { once: true }))
    const page = csp.contentWindow as CspPage
    const element = await waitFor(
      () => csp.contentDocument?.querySelector<GanapatiDossierTracker>('ganapati-dossier-tracker'),
      'the tracker in the CSP page',
    )
    await waitForState(element, 'signed-out')
    equal(page.cspViolations.join(), '', 'no CSP violation')
  })

  it('speaks English with lang="en"', async () => {
    const trainer = await member('trainer')
    const dossier = await openDossier(trainer, 'Excel')
    const element = await signedIn(trainer, 'lang="en"')
    includes(text(part(element, 'title')), 'Training files', 'title')
    includes(rows(element).join(), 'Waiting for Ganapati', 'who acts next')
    // A click anywhere on the card opens it, not only on its reference.
    parts(element, 'row')[0]!.querySelector('p')!.click()
    await waitFor(() => part(element, 'banner'), 'the detail')
    includes(text(part(element, 'banner')), 'Waiting for Ganapati: Documents sent by', 'banner')
    includes(text(parts(element, 'milestone')[0]), 'Done: Session validated', 'milestone')
    await expectNoAxeViolations(element)
  })
})
