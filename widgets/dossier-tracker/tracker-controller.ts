/**
 * The tracker's job, out of the element: sign in (an e-mailed link, a session the page hands
 * over, or the one this tab keeps), send the bearer session with every request and sign out on a
 * 401, load the list and a dossier, record a step with the version read, open a dossier.
 */
import type { DossierDetail, DossierList } from '../../api/contracts/dossiers'
import type { Member, Session } from '../../api/contracts/members'
import type { FormWords, StepType, TrackerWords, Waiting } from '../i18n/translation'
import {
  ApiError,
  RetryKey,
  explain,
  isAbort,
  jsonPost,
  safeHttpUrl,
  type Params,
} from '../shared/api-client'
import type { ApiController } from '../shared/api-controller'
import { FocusAfterRender } from '../shared/focus-after-render'
import type { LocalizeController } from '../shared/localize'
import type { GanapatiDossierTracker } from './dossier-tracker'
import { apiFieldErrors } from './fields'
import { DOSSIER_FIELDS, DOSSIER_POINTERS, newDossierRequest } from './new-dossier'
import { keepSession, keptSession, takeFromAddress } from './session'
import { IRREVERSIBLE, STEP_POINTERS, stepRequest } from './step-form'

export class TrackerController {
  readonly #host: GanapatiDossierTracker
  readonly #api: ApiController
  readonly #i18n: LocalizeController<FormWords & TrackerWords>
  /** Where focus goes after the next render. */
  readonly #focus: FocusAfterRender
  #token: string | null = null
  /** One Idempotency-Key per session sent: the same one sent again opens one dossier. */
  readonly #retryKey = new RetryKey()

  constructor(
    host: GanapatiDossierTracker,
    api: ApiController,
    i18n: LocalizeController<FormWords & TrackerWords>,
  ) {
    this.#host = host
    this.#api = api
    this.#i18n = i18n
    this.#focus = new FocusAfterRender(host)
  }

  /** A failure in the reader's words: the connection's, else the API's French detail, else ours. */
  explain(error: unknown): string {
    const failure = error instanceof ApiError ? error : new ApiError('server', null)
    return explain(failure, this.#i18n.lang, this.#i18n.t)
  }

  /**
   * Signs in from what there is: a link's token in the address (exchanged), the session the page
   * handed over (`session-token`), the one this tab keeps; signed out without any.
   */
  async start(): Promise<void> {
    const host = this.#host
    const link = takeFromAddress()
    if (link?.dossier) host.dossierId = link.dossier
    if (link?.token) return this.#exchange(link.token)
    if (host.sessionToken) return this.adopt(host.sessionToken)
    const kept = keptSession(this.#api.base)
    if (!kept) return this.#signedOut()
    this.#token = kept.sessionToken
    host.member = kept.member
    if (kept.member) host.emit('ganapati-signed-in', { member: kept.member })
    return this.#home()
  }

  /** A session minted by the partner's back-end: who it is for, then the dossiers. */
  async adopt(sessionToken: string): Promise<void> {
    this.#host.state = 'loading'
    this.#token = sessionToken
    try {
      const { member } = await this.#request<{ member: Member }>('/v1/auth/sessions/current')
      this.#signIn(sessionToken, member)
      await this.#home()
    } catch (error) {
      if (!isAbort(error)) this.#fail(error)
    }
  }

  async #exchange(token: string): Promise<void> {
    const host = this.#host
    host.state = 'signing-in'
    try {
      const session = await this.#api.get<Session>(
        '/v1/auth/sessions',
        {},
        'session',
        jsonPost({ token }),
      )
      this.#signIn(session.sessionToken, session.member)
      await this.#home()
    } catch (error) {
      if (isAbort(error)) return
      const refused = error instanceof ApiError && error.kind === 'invalid'
      this.#signedOut(refused ? this.#i18n.t.signIn.badLink : this.explain(error))
    }
  }

  #signIn(sessionToken: string, member: Member): void {
    this.#token = sessionToken
    keepSession(this.#api.base, { sessionToken, member })
    this.#host.member = member
    this.#host.emit('ganapati-signed-in', { member })
  }

  /** The dossier asked for (attribute or link), else the list. */
  #home(): Promise<void> {
    const id = this.#host.dossierId
    return id ? this.open(id) : this.loadList()
  }

  /** Back to the e-mail field, the session forgotten; `ganapati-signed-out` when there was one. */
  #signedOut(notice?: string): void {
    const host = this.#host
    const had = this.#token !== null
    this.#token = null
    keepSession(this.#api.base, null)
    host.member = host.list = host.dossier = null
    host.view = 'list'
    host.notice = notice ? { text: notice, error: true } : null
    host.state = 'signed-out'
    if (had) host.emit('ganapati-signed-out', null)
  }

  /** A request with the bearer session; a 401 (expired, revoked) signs out, and is not shown twice. */
  async #request<T>(path: string, params: Params = {}, channel?: string, init: RequestInit = {}) {
    const headers = {
      accept: 'application/json',
      ...(init.headers as Record<string, string> | undefined),
      authorization: `Bearer ${this.#token}`,
    }
    try {
      return await this.#api.get<T>(path, params, channel, { ...init, headers })
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.#signedOut(this.#i18n.t.signIn.ended)
        this.#focus.next = '#email'
        throw new DOMException('', 'AbortError')
      }
      throw error
    }
  }

  #fail(error: unknown): void {
    this.#host.notice = { text: this.explain(error), error: true }
    this.#host.state = 'error'
  }

  /** POST /v1/auth/links: says a link went, whether or not the address is a member's. */
  async askLink(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const host = this.#host
    if (host.busy) return
    const email = host.values.email?.trim() ?? ''
    host.busy = true
    host.notice = null
    try {
      const returnUrl = safeHttpUrl(host.returnUrl) ?? location.href.split('#')[0]
      await this.#api.get('/v1/auth/links', {}, 'link', jsonPost({ email, returnUrl }))
      host.notice = { text: this.#i18n.t.signIn.sent(email) }
      this.#focus.next = '#notice'
    } catch (error) {
      if (!isAbort(error)) {
        host.notice = { text: this.explain(error), error: true }
        this.#focus.next = '#email'
      }
    } finally {
      host.busy = false
    }
  }

  /** DELETE /v1/auth/sessions/current; signed out here whatever the API answers. */
  async signOut(): Promise<void> {
    const headers = { authorization: `Bearer ${this.#token}` }
    // 204 has no JSON: the client reads it as a failure, and any answer will do.
    await this.#api
      .get('/v1/auth/sessions/current', {}, 'sign-out', { method: 'DELETE', headers })
      .catch(() => {})
    this.#signedOut()
    this.#focus.next = '#email'
  }

  async loadList(): Promise<void> {
    const host = this.#host
    host.state = 'loading'
    try {
      host.list = await this.#request<DossierList>(
        '/v1/dossiers',
        { waiting: host.waiting, q: host.query, page: host.page, pageSize: host.pageSize },
        'list',
      )
      host.state = 'ready'
    } catch (error) {
      if (!isAbort(error)) this.#fail(error)
    }
  }

  /** After a failure: what failed, again (who the session is for, the dossier, or the list). */
  retry(): void {
    const host = this.#host
    this.#focus.next = '#title'
    if (!host.member && host.sessionToken) void this.adopt(host.sessionToken)
    else if (host.view === 'detail' && host.dossier) void this.open(host.dossier.id)
    else void this.loadList()
  }

  filter(waiting: Waiting): void {
    const host = this.#host
    host.waiting = waiting
    host.page = 1
    void this.loadList()
  }

  search(event: SubmitEvent): void {
    event.preventDefault()
    const host = this.#host
    const input = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement
    host.query = input.value.trim()
    host.page = 1
    void this.loadList()
  }

  async turn(step: number): Promise<void> {
    this.#host.page += step
    await this.loadList()
    this.#focus.next = '[part~="row"] button'
    this.#host.requestUpdate()
  }

  /** Opens a dossier; `keepNotice` keeps the message that explains why it was reloaded. */
  async open(id: string, keepNotice = false): Promise<void> {
    const host = this.#host
    host.state = 'loading'
    host.view = 'detail'
    host.acting = null
    if (!keepNotice) host.notice = null
    try {
      host.dossier = await this.#request<DossierDetail>(
        `/v1/dossiers/${encodeURIComponent(id)}`,
        {},
        'dossier',
      )
      host.state = 'ready'
      this.#focus.next = keepNotice ? '#notice' : '#view-title'
      // The OPCOs' flyers, for how to file a PEC; without them the dossier shows all else.
      if (!host.opcos)
        this.#api.opcos().then(
          (opcos) => (host.opcos = opcos),
          () => {},
        )
    } catch (error) {
      if (isAbort(error)) return
      host.dossier = null
      if (error instanceof ApiError && (error.kind === 'not-found' || error.kind === 'invalid')) {
        host.notice = { text: this.#i18n.t.notFound, error: true }
        host.state = 'ready'
      } else this.#fail(error)
    }
  }

  back(): void {
    const host = this.#host
    const id = host.dossier?.id
    host.dossier = host.acting = host.notice = null
    host.dossierId = null
    host.view = 'list'
    this.#focus.next = '#title'
    // Focus returns to the dossier's row once the list shows it.
    void this.loadList().then(() => {
      if (id) this.#focus.next = `#open-${id}`
      host.requestUpdate()
    })
  }

  /** A field typed in: its value kept, the message about the previous value gone. */
  input(event: Event): void {
    const host = this.#host
    const control = event.target as HTMLInputElement
    const value = control.type === 'checkbox' ? (control.checked ? 'on' : '') : control.value
    host.values = { ...host.values, [control.name]: value }
    if (host.errors[control.name]) host.errors = { ...host.errors, [control.name]: '' }
  }

  /** Shows the form of a step (or hides it: null). */
  act(step: StepType | null): void {
    const host = this.#host
    host.acting = step
    host.confirming = false
    host.values = {}
    host.errors = {}
    host.notice = null
    this.#focus.next = step ? '#step-title' : '[part~="action"]'
  }

  confirm(asking: boolean): void {
    this.#host.confirming = asking
    this.#focus.next = asking ? '#no' : '[part~="submit"]'
  }

  /** POST /v1/dossiers/:id/events with the version read; asked twice when irreversible. */
  async record(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const host = this.#host
    const { dossier, acting: type } = host
    if (!dossier || !type || host.busy) return
    const { t, lang } = this.#i18n
    const { body, errors } = stepRequest(type, host.values, dossier.version, lang, t)
    host.errors = errors
    if (!body) return this.#focusFirst(Object.keys(errors))
    if (IRREVERSIBLE.includes(type) && !host.confirming) return this.confirm(true)
    host.busy = true
    try {
      const after = await this.#request<DossierDetail>(
        `/v1/dossiers/${encodeURIComponent(dossier.id)}/events`,
        {},
        'step',
        jsonPost(body),
      )
      host.dossier = after
      host.acting = null
      host.notice = { text: t.recorded(t.steps[type]) }
      this.#focus.next = '#notice'
      this.#changed(after)
    } catch (error) {
      if (isAbort(error)) return
      const status = error instanceof ApiError ? error.status : null
      if (status === 409 || status === 412) {
        // Someone acted meanwhile: the dossier as it is now, and why.
        host.notice = { text: t.stale, error: true }
        await this.open(dossier.id, true)
        return
      }
      host.confirming = false
      host.errors = error instanceof ApiError ? apiFieldErrors(error, STEP_POINTERS, lang, t) : {}
      host.notice = { text: this.explain(error), error: true }
      this.#focus.next = '#notice'
    } finally {
      host.busy = false
    }
  }

  #changed(dossier: DossierDetail): void {
    const { id, state, version } = dossier
    this.#host.emit('ganapati-dossier-change', { id, state, version })
  }

  /** « Valider une session »: its form, then the dossier it opens. */
  newDossier(show: boolean): void {
    const host = this.#host
    host.view = show ? 'new' : 'list'
    host.values = show ? { fundingMode: 'subrogation', siret: host.foundSiret } : {}
    host.errors = {}
    host.notice = null
    this.#focus.next = show ? '#view-title' : '#new'
  }

  async create(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const host = this.#host
    if (host.busy) return
    const { t, lang } = this.#i18n
    const { body, errors } = newDossierRequest(host.values, lang, t)
    host.errors = errors
    host.notice = null
    if (!body) return this.#focusFirst(Object.keys(errors))
    const init = jsonPost(body)
    const key = this.#retryKey.for(JSON.stringify(body))
    init.headers = { ...(init.headers as Record<string, string>), 'idempotency-key': key }
    host.busy = true
    try {
      const dossier = await this.#request<DossierDetail>('/v1/dossiers', {}, 'create', init)
      this.#retryKey.answered()
      host.values = {}
      host.dossier = dossier
      host.view = 'detail'
      host.notice = { text: t.created(dossier.reference) }
      this.#focus.next = '#notice'
      this.#changed(dossier)
    } catch (error) {
      if (isAbort(error)) return
      const fields =
        error instanceof ApiError ? apiFieldErrors(error, DOSSIER_POINTERS, lang, t) : {}
      // An unknown company is the SIRET's fault, though the API names no field.
      if (error instanceof ApiError && error.kind === 'not-found')
        fields.siret = this.explain(error)
      host.errors = fields
      // Only what the form shows: a refused pageUrl is not the trainer's to fix.
      const names = Object.keys(fields).filter((name) => DOSSIER_FIELDS.includes(name))
      host.notice = { text: names.length ? t.fix : this.explain(error), error: true }
      if (names.length) this.#focusFirst(names)
      else this.#focus.next = '#notice'
    } finally {
      host.busy = false
    }
  }

  #focusFirst(names: string[]): void {
    const first = [...DOSSIER_FIELDS, 'decision', 'amount', 'hoursDone', 'reason'].find((name) =>
      names.includes(name),
    )
    this.#focus.next = first ? `#${first}` : '#notice'
  }
}
