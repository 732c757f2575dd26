/** The dossier tracker: a member signs in by e-mail link, follows their training files and records the steps that are theirs. */
import { html, nothing, type PropertyValues } from 'lit'
import type { DossierDetail, DossierList } from '../../api/contracts/dossiers'
import type { Member } from '../../api/contracts/members'
import type { Opco } from '../../api/contracts/opcos'
import * as fr from '../i18n/fr'
import type { StepType, Waiting } from '../i18n/translation'
import { ApiController } from '../shared/api-controller'
import { GanapatiElement } from '../shared/base-element'
import { sharedStyles } from '../shared/controls.styles'
import { fieldStyles } from '../shared/field.styles'
import { LocalizeController, groupDigits } from '../shared/localize'
import { PageContextController } from '../shared/page-context'
import { detailView } from './detail-view'
import { styles } from './dossier-tracker.styles'
import { field, secondary, type FormState, type Values } from './fields'
import { listView } from './list-view'
import { newDossierForm } from './new-dossier'
import { stepForm } from './step-form'
import { TrackerController } from './tracker-controller'
import './tracker-events'

export type TrackerState = 'signed-out' | 'signing-in' | 'loading' | 'ready' | 'error'

export interface TrackerNotice {
  text: string
  error?: boolean
}

/**
 * @tagname ganapati-dossier-tracker
 * @summary Follows training files (dossiers) from the validated session to the trainer's payment,
 * and says who acts next and by when. Signed out, asks for an e-mail to send a sign-in link to;
 * opened from that link (`#ganapati-auth=…`), signs in by itself and keeps the session in the tab.
 * Lists the member's dossiers (late ones first, filters « À moi d’agir », « En retard », « Tous »,
 * a search, pages); a dossier shows its banner (« À vous : … »), its milestones and the steps the
 * member may record now; a trainer opens a dossier with « Valider une session ».
 *
 * @event ganapati-signed-in - A session began (link, `session-token` or the tab's). `detail: { member }`.
 * @event ganapati-signed-out - The session ended: signed out, revoked or expired. `detail: null`.
 * @event ganapati-dossier-change - A step was recorded, or « Valider une session » opened a dossier. `detail: { id, state, version }`.
 *
 * @csspart base - The root wrapper.
 * @csspart title - The widget's heading.
 * @csspart account - Who is signed in, and « Se déconnecter ».
 * @csspart sign-in - The e-mail form that asks for a sign-in link.
 * @csspart filters - The group of the three filters.
 * @csspart filter - One filter (a button, `aria-pressed` when chosen).
 * @csspart search - The search form.
 * @csspart list - The list of dossiers.
 * @csspart row - One dossier of the list.
 * @csspart open - The button (the dossier's reference) that opens it.
 * @csspart state - A dossier's step label.
 * @csspart late - The « En retard » mark.
 * @csspart next - Who acts next and by when, in the list.
 * @csspart pager - The previous / next page buttons.
 * @csspart banner - The dossier's « À vous : … » or « En attente de : … ».
 * @csspart filing - How the company files its PEC with its OPCO: the flyer's words and the OPCO's site.
 * @csspart milestones - The dossier's steps, done, current and to come.
 * @csspart milestone - One step; also `milestone-done`, `milestone-current` or `milestone-upcoming`.
 * @csspart action - A step the member may record now.
 * @csspart step-form - The form of the step being recorded.
 * @csspart confirm - The confirmation asked before an irreversible step.
 * @csspart new-form - The « Valider une session » form.
 * @csspart field - One field: its label, control and error.
 * @csspart label - A field's visible label.
 * @csspart input - Every text control and select.
 * @csspart error - The message under a refused field.
 * @csspart submit - The button that sends a form.
 * @csspart button - Every secondary button: back, cancel, pager, retry, sign out.
 * @csspart message - Loading, empty, error and confirmation messages.
 *
 * @cssproperty --ganapati-color-primary - Buttons, links, the current step.
 * @cssproperty --ganapati-color-primary-hover - Hovered buttons and links.
 * @cssproperty --ganapati-color-on-primary - Text on primary.
 * @cssproperty --ganapati-color-text - Body text.
 * @cssproperty --ganapati-color-muted - Secondary text, steps to come.
 * @cssproperty --ganapati-color-surface - Panel, card and input background.
 * @cssproperty --ganapati-color-surface-alt - Banner and message background.
 * @cssproperty --ganapati-color-border - Borders.
 * @cssproperty --ganapati-color-focus - Focus ring.
 * @cssproperty --ganapati-color-success - Steps done; background `--ganapati-color-success-bg`.
 * @cssproperty --ganapati-color-warning - Late dossiers, confirmations; background `--ganapati-color-warning-bg`.
 * @cssproperty --ganapati-color-danger - Errors; background `--ganapati-color-danger-bg`.
 * @cssproperty --ganapati-radius - Corner radius of the panel.
 * @cssproperty --ganapati-radius-small - Corner radius of cards, buttons and controls.
 * @cssproperty --ganapati-font-family - Font stack.
 * @cssproperty --ganapati-font-size - Base font size.
 * @cssproperty --ganapati-spacing - Base spacing unit.
 * @cssproperty --ganapati-shadow - Panel shadow.
 * @cssproperty --ganapati-color-scheme - `light` or `dark`: native controls' palette (default: the theme's).
 */
export class GanapatiDossierTracker extends GanapatiElement {
  static override styles = [sharedStyles, fieldStyles, styles]

  static override properties = {
    member: { state: true },
    view: { state: true },
    list: { state: true },
    waiting: { state: true },
    query: { state: true },
    page: { state: true },
    dossier: { state: true },
    acting: { state: true },
    confirming: { state: true },
    values: { state: true },
    errors: { state: true },
    notice: { state: true },
    busy: { state: true },
    opcos: { state: true },
    dossierId: { attribute: 'dossier' },
    returnUrl: { attribute: 'return-url' },
    sessionToken: { attribute: 'session-token' },
    pageSize: { attribute: 'page-size', type: Number },
    state: { reflect: true },
  }

  /** Who is signed in, once known. */
  declare member?: Member | null
  /** What is shown once signed in: the list, a dossier, or « Valider une session ». */
  declare view: 'list' | 'detail' | 'new'
  /** The page of dossiers shown. */
  declare list?: DossierList | null
  /** The list's filter: `me`, `late` or `all`. */
  declare waiting: Waiting
  /** The list's search. */
  declare query: string
  /** The list's page, from 1. */
  declare page: number
  /** The dossier shown, with its timeline. */
  declare dossier?: DossierDetail | null
  /** The step whose form is shown. */
  declare acting?: StepType | null
  /** An irreversible step asks for confirmation. */
  declare confirming: boolean
  /** What the form shown holds. */
  declare values: Values
  /** Messages shown under the fields they are about. */
  declare errors: Values
  /** A message about the last request. */
  declare notice?: TrackerNotice | null
  /** A form's request is in flight. */
  declare busy: boolean
  /** The OPCOs by id once GET /v1/opcos answered (the page's one request), for their flyers. */
  declare opcos?: Map<string, Opco> | null

  /** A dossier id to open (`dossier` attribute); a sign-in link's `ganapati-dossier` sets it too. */
  declare dossierId?: string | null
  /**
   * The page a sign-in link leads back to (`return-url`, http/https); by default this page's
   * address without its fragment. Its origin must be one the API allows.
   */
  declare returnUrl?: string | null
  /**
   * A session minted by the partner's back-end (POST /v1/admin/members/:id/sessions), handed to the
   * element as a property (or `session-token`): signed in without an e-mail.
   */
  declare sessionToken?: string | null
  /** Dossiers per page of the list (`page-size`), 1 to 100; 10 by default. */
  declare pageSize: number
  /** Read-only UI state, reflected for host-page styling: signed-out, signing-in, loading, ready or error. */
  declare state: TrackerState

  readonly #api = new ApiController(this)
  readonly #i18n = new LocalizeController(this, { ...fr.form, ...fr.tracker }, (en) => ({
    ...en.form,
    ...en.tracker,
  }))
  readonly #tracker = new TrackerController(this, this.#api, this.#i18n)
  // A finder on the page found the company (by its name, say): « Valider une session » starts
  // from its SIRET, unless the trainer typed another; a search that found none takes it back.
  readonly #context = new PageContextController(this, {
    'ganapati-opco-found': ({ siret }) => {
      const found = siret ? groupDigits(siret) : ''
      if (this.view === 'new' && (this.values.siret ?? '') === this.foundSiret) {
        this.values = { ...this.values, siret: found }
      }
      this.foundSiret = found
    },
  })
  /** The SIRET a finder on the page last found, written as on a Kbis; empty when none. */
  foundSiret = ''

  constructor() {
    super()
    this.view = 'list'
    this.waiting = 'all'
    this.query = ''
    this.page = 1
    this.pageSize = 10
    this.confirming = this.busy = false
    this.values = {}
    this.errors = {}
    this.state = 'loading'
  }

  override connectedCallback() {
    super.connectedCallback()
    // Leaving the page aborted the request in flight: moving the element in the DOM starts again.
    if (this.hasUpdated && this.state === 'loading') void this.#tracker.start()
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (!this.hasUpdated || changed.has('api')) void this.#tracker.start()
    else if (changed.has('sessionToken') && this.sessionToken) {
      void this.#tracker.adopt(this.sessionToken)
    } else if (changed.has('dossierId') && this.dossierId && this.member) {
      void this.#tracker.open(this.dossierId)
    }
  }

  get #form(): FormState {
    return { values: this.values, errors: this.errors, input: (e) => this.#tracker.input(e) }
  }

  #noticeView() {
    const notice = this.notice
    return notice
      ? html`<div
          id="notice"
          class="notice ${notice.error ? 'notice--error' : ''}"
          part="message"
          role=${notice.error ? 'alert' : 'status'}
          tabindex="-1"
        >
          <p>${notice.text}</p>
        </div>`
      : nothing
  }

  #signInView() {
    const { t } = this.#i18n
    const w = t.signIn
    if (this.state === 'signing-in') return html`<p class="muted" part="message">${w.signingIn}</p>`
    const tracker = this.#tracker
    return html`<form
        class="form"
        part="sign-in"
        novalidate
        aria-busy=${this.busy}
        @submit=${(event: SubmitEvent) => tracker.askLink(event)}
      >
        <p>${w.intro}</p>
        ${field(this.#form, 'email', w.email, {
          type: 'email',
          autocomplete: 'email',
          required: true,
        })}
        <button class="button" part="submit" aria-disabled=${this.busy}>
          ${this.busy ? w.sending : w.submit}
        </button>
      </form>
      ${this.#noticeView()}`
  }

  #signedInView() {
    const { t, lang } = this.#i18n
    const tracker = this.#tracker
    const role = this.member?.role
    if (this.view === 'new') {
      return html`${newDossierForm(this.#form, t, this.busy, {
        submit: (event) => tracker.create(event),
        cancel: () => tracker.newDossier(false),
      })}
      ${this.#noticeView()}`
    }
    if (this.view === 'detail') {
      const dossier = this.dossier
      if (!dossier) {
        return html`${secondary(t.back, () => tracker.back(), { part: 'back' })}
        ${this.state === 'loading' ? html`<p class="muted" part="message">${t.loading}</p>` : this.#noticeView()}`
      }
      const acting = this.acting
      return detailView(dossier, role, lang, t, {
        notice: this.#noticeView(),
        form: acting
          ? stepForm(
              acting,
              this.#form,
              t,
              { confirming: this.confirming, busy: this.busy },
              {
                submit: (event) => tracker.record(event),
                cancel: () => tracker.act(null),
                no: () => tracker.confirm(false),
              },
            )
          : null,
        opco: this.opcos?.get(dossier.opco.id),
        back: () => tracker.back(),
        act: (step) => tracker.act(step),
      })
    }
    return html`${
      role === 'trainer' || role === 'staff'
        ? html`<button
            class="button new"
            part="button new"
            id="new"
            type="button"
            @click=${() => tracker.newDossier(true)}
          >
            ${t.newDossier}
          </button>`
        : nothing
    }
    ${listView(
      {
        list: this.list ?? null,
        waiting: this.waiting,
        query: this.query,
        loading: this.state === 'loading',
      },
      role,
      lang,
      t,
      {
        filter: (waiting) => tracker.filter(waiting),
        search: (event) => tracker.search(event),
        open: (id) => void tracker.open(id),
        turn: (step) => void tracker.turn(step),
      },
    )}
    ${this.state === 'error' ? this.#errorView() : nothing}`
  }

  #errorView() {
    const { t } = this.#i18n
    return html`<div class="notice notice--error" part="message" role="alert">
      <p>${this.notice?.text}</p>
      ${secondary(t.retry, () => this.#tracker.retry())}
    </div>`
  }

  override render() {
    const { t, lang } = this.#i18n
    const member = this.member
    const signedOut = this.state === 'signed-out' || this.state === 'signing-in'
    return html`<div class="base" part="base" lang=${lang}>
      <div class="head">
        <h2 class="title" part="title" id="title" tabindex="-1">${t.title}</h2>
        ${
          member && !signedOut
            ? html`<p class="account" part="account">
                <span>${t.signedInAs(member.name, t.roles[member.role])}</span>
                ${secondary(t.signOut, () => this.#tracker.signOut())}
              </p>`
            : nothing
        }
      </div>
      <div class="visually-hidden" role="status">${this.state === 'loading' ? t.loading : ''}</div>
      ${signedOut ? this.#signInView() : this.#signedInView()}
    </div>`
  }
}
