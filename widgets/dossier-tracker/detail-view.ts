/** One dossier: who acts next (the banner), the actions the reader may take now, and its milestones like a parcel's tracking. */
import { html, nothing, type TemplateResult } from 'lit'
import type { DossierDetail } from '../../api/contracts/dossiers'
import type { MemberRole } from '../../api/contracts/members'
import type { Opco } from '../../api/contracts/opcos'
import { safeHttpUrl } from '../shared/api-client'
import type { Lang, StepType } from '../i18n/translation'
import { secondary } from './fields'
import { formatDay } from './format'
import { actorName, nextText, trainingDates } from './next-action'
import type { Words } from './step-form'

/**
 * The milestones: the steps done (date, who), the step awaited now, the steps to come on the usual
 * path with their expected dates. Each says its status in words before its label.
 */
function milestones(dossier: DossierDetail, lang: Lang, t: Words) {
  const done = dossier.timeline.filter((entry) => entry.type !== 'reminder' && entry.state)
  const [current, ...later] = dossier.nextAction ? dossier.upcoming : []
  const step = (
    kind: 'done' | 'current' | 'upcoming',
    label: string,
    detail: string,
    note?: string | null,
  ) =>
    html`<li
      class="milestone milestone--${kind}"
      part="milestone milestone-${kind}"
      aria-current=${kind === 'current' ? 'step' : nothing}
    >
      ${kind === 'done' ? html`<span class="tick" aria-hidden="true">✓</span>` : nothing}
      <span class="visually-hidden">${t.status[kind]}</span>
      <span class="milestone-label">${label}</span>
      <span class="muted">${detail}</span>
      ${note ? html`<span class="milestone-note">${note}</span>` : nothing}
    </li>`
  const expected = (dueAt: string | null) =>
    dueAt ? `, ${t.expected(formatDay(dueAt, lang))}` : ''
  return html`<ol class="milestones" part="milestones">
    ${done.map((entry) =>
      step(
        'done',
        t.states[entry.state!],
        `${formatDay(entry.at, lang)} · ${t.by(entry.actor.name)}`,
        entry.note,
      ),
    )}
    ${
      current
        ? step(
            'current',
            t.states[current.state],
            `${t.by(actorName(dossier, current.actor, t))}${expected(current.dueAt)}`,
          )
        : nothing
    }
    ${later.map((next) =>
      step(
        'upcoming',
        t.states[next.state],
        `${t.by(actorName(dossier, next.actor, t))}${expected(next.dueAt)}`,
      ),
    )}
  </ol>`
}

/**
 * While the company files its PEC or awaits the answer: where and how, from its OPCO's flyer
 * (GET /v1/opcos), and the OPCO's site. Nothing when no flyer says.
 */
function filing(dossier: DossierDetail, opco: Opco | undefined, lang: Lang, t: Words) {
  const request = opco?.fundingRequest
  const site = safeHttpUrl(opco?.website)
  if (!opco || !request?.channel || !['documents_sent', 'pec_requested'].includes(dossier.state)) {
    return nothing
  }
  const name = lang === 'fr' ? opco.nameInFrenchSentence : opco.shortName
  return html`<section class="notice" part="filing" aria-labelledby="filing-title">
    <h4 id="filing-title">${t.howToFile(name)}</h4>
    <p>${request.channel[lang]}</p>
    ${request.note ? html`<p>${request.note[lang]}</p>` : nothing}
    ${
      site
        ? html`<a class="link" href=${site} target="_blank" rel="noopener"
            >${t.opcoSite(opco.shortName)}<span class="visually-hidden"> ${t.newTab}</span></a
          >`
        : nothing
    }
  </section>`
}

export function detailView(
  dossier: DossierDetail,
  role: MemberRole | undefined,
  lang: Lang,
  t: Words,
  parts: {
    notice: TemplateResult | typeof nothing
    /** The step form when one is being recorded. */
    form: TemplateResult | null
    /** The dossier's OPCO, once GET /v1/opcos answered. */
    opco: Opco | undefined
    back: () => void
    act: (step: StepType) => void
  },
) {
  const late = dossier.nextAction?.late
  const steps = dossier.allowedEvents.filter(
    (type): type is StepType => type !== 'session_validated',
  )
  return html`${secondary(t.back, parts.back, { part: 'back' })}
    <h3 id="view-title" tabindex="-1">${dossier.reference} · ${dossier.training.title}</h3>
    <p class="muted">
      ${dossier.company.name} · ${dossier.opco.name} · ${trainingDates(dossier, lang, t)}
    </p>
    <div class="notice banner ${late ? 'banner--late' : ''}" part="banner">
      <p>
        ${late ? html`<span class="tag tag--late" part="late">${t.late}</span> ` : nothing}${nextText(dossier, role, lang, t)}
      </p>
    </div>
    ${parts.notice} ${filing(dossier, parts.opco, lang, t)}
    ${
      steps.length
        ? html`<section class="actions" aria-labelledby="actions-title">
            <h4 id="actions-title">${t.actionsTitle}</h4>
            ${
              parts.form ??
              html`<div class="buttons">
                ${steps.map(
                  (type) =>
                    html`<button
                      class="button ${type === 'cancelled' ? 'button--secondary' : ''}"
                      part="action"
                      type="button"
                      data-step=${type}
                      @click=${() => parts.act(type)}
                    >
                      ${t.steps[type]}
                    </button>`,
                )}
              </div>`
            }
          </section>`
        : nothing
    }
    <section aria-labelledby="milestones-title">
      <h4 id="milestones-title">${t.milestones}</h4>
      ${milestones(dossier, lang, t)}
    </section>`
}
