/**
 * Who must act next on a dossier, what, and by when. Due dates are data (db/data/dossier-deadlines.json):
 * the OPCO's published PEC lead time with its source, else Ganapati's default marked « non publié »,
 * and Ganapati's service levels for its own steps. Days are calendar days in Europe/Paris, a step
 * being due by the end of its due day; `late` is computed here from the clock's instant, never
 * stored. The texts are shown as they are, so they come in French typography. Pure.
 */
import deadlines from '../../db/data/dossier-deadlines.json'
import type {
  DossierState,
  DossierTraining,
  EventActor,
  NextAction,
  UpcomingStep,
} from '../contracts/dossiers'
import type { DossierFacts } from './dossier-workflow'
import { addDays, frenchDay, parisDate, zonedInstant } from './calendar'
import { frenchTypography } from './french-typography'

export type ServiceLevels = typeof deadlines.serviceLevels.values
export const DEFAULT_SERVICE_LEVELS: ServiceLevels = deadlines.serviceLevels.values
const SERVICE_LEVEL_SOURCE = deadlines.serviceLevels.source

export interface PecLeadTime {
  daysBeforeStart: number
  /** Whether the OPCO publishes it; when not, it is Ganapati's default. */
  published: boolean
  portal: string | null
  source: string
}

/** The OPCO's published lead time, or Ganapati's default for the others, marked as such. */
export function pecLeadTime(opcoId: string, levels: ServiceLevels): PecLeadTime {
  const published = (
    deadlines.pecLeadTimes as Record<string, (typeof deadlines.pecLeadTimes)['akto']>
  )[opcoId]
  return published
    ? {
        daysBeforeStart: published.daysBeforeStart,
        published: true,
        portal: published.portal,
        source: published.source,
      }
    : {
        daysBeforeStart: levels.defaultPecLeadDaysBeforeStart,
        published: false,
        portal: null,
        source: SERVICE_LEVEL_SOURCE,
      }
}

/** What the next action is computed from. */
export interface DeadlineInput {
  state: DossierState
  facts: DossierFacts
  training: Pick<DossierTraining, 'startDate' | 'endDate'>
  /** `name` for lists, `inSentence` with its article for French sentences (« l’OPCO EP »). */
  opco: { id: string; name: string; inSentence: string }
  /** When the dossier reached its state (its last event), UTC ISO. */
  since: string
}

/** The end of a Paris day, as an instant: a step due that day is late from then on. */
export const endOfParisDay = (date: string) => zonedInstant(addDays(date, 1), '00:00')

interface Due {
  date: string
  source: string
  why: string
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** « de » elided before a vowel: « auprès d’AKTO », « auprès de l’OPCO EP ». */
export const deName = (name: string) => (/^[aeiouyéèh]/i.test(name) ? `d’${name}` : `de ${name}`)

/** Who acts in each state and what they do, in French; null once nothing is expected. */
function stepOf(
  input: DeadlineInput,
  levels: ServiceLevels,
): { actor: EventActor; action: string; due: Due | null } | null {
  const { state, training, opco } = input
  const sinceDate = parisDate(Date.parse(input.since))
  const ours = (date: string, why: string): Due => ({ date, source: SERVICE_LEVEL_SOURCE, why })
  /** Ganapati's own step, due `days` after the dossier reached its state. */
  const ganapatiWithin = (days: number, does: string, after: string): Due =>
    ours(addDays(sinceDate, days), `Ganapati ${does} dans les ${days} jours qui suivent ${after}.`)
  switch (state) {
    case 'session_validated':
      return {
        actor: 'staff',
        action: 'Envoyer à l’entreprise la convention, le programme et le devis',
        due: ganapatiWithin(
          levels.documentsDaysAfterValidation,
          'envoie les documents',
          'la validation de la session',
        ),
      }
    case 'documents_sent': {
      const lead = pecLeadTime(opco.id, levels)
      return {
        actor: 'company',
        action: `Déposer la demande de prise en charge auprès ${deName(opco.inSentence)}${lead.portal ? ` (${lead.portal})` : ''}`,
        due: {
          date: addDays(training.startDate, -lead.daysBeforeStart),
          source: lead.source,
          why: lead.published
            ? `${capitalised(opco.inSentence)} demande le dépôt ${lead.daysBeforeStart} jours calendaires avant le début de la formation.`
            : `Délai de dépôt non publié par ${opco.inSentence} : échéance par défaut de Ganapati, ${lead.daysBeforeStart} jours avant le début de la formation.`,
        },
      }
    }
    case 'pec_requested':
      return {
        actor: 'company',
        action: `Déposer la réponse ${deName(opco.inSentence)} (accord de prise en charge) dans votre tableau de bord`,
        due: ours(
          addDays(training.startDate, -levels.pecAnswerDaysBeforeStart),
          `L’accord est attendu au plus tard ${levels.pecAnswerDaysBeforeStart} jours avant le début de la formation, pour que Ganapati le valide à temps.`,
        ),
      }
    case 'pec_received':
      return input.facts.pecDecision === 'accepted'
        ? {
            actor: 'staff',
            action: 'Contrôler et valider la prise en charge',
            due: ganapatiWithin(
              levels.pecValidationDaysAfterReceipt,
              'valide l’accord',
              'son dépôt',
            ),
          }
        : {
            actor: 'company',
            action:
              input.facts.pecDecision === 'partial'
                ? 'Prise en charge partielle : choisir de payer le reste directement, ou annuler'
                : 'Prise en charge refusée : choisir de payer directement, ou annuler',
            due: ours(
              addDays(training.startDate, -1),
              'La décision doit être prise avant le début de la formation.',
            ),
          }
    case 'pec_validated':
    case 'switched_to_direct':
      return {
        actor: 'trainer',
        action: 'Démarrer la formation',
        due: ours(training.startDate, 'La formation commence à la date prévue.'),
      }
    case 'training_started':
      return {
        actor: 'trainer',
        action: 'Terminer la formation et remettre le certificat de réalisation à l’entreprise',
        due: ours(
          addDays(training.endDate, levels.certificateDaysAfterEnd),
          `Le certificat de réalisation est attendu dans les ${levels.certificateDaysAfterEnd} jours qui suivent la fin de la formation.`,
        ),
      }
    case 'training_completed':
      return {
        actor: 'staff',
        action: 'Facturer le financeur',
        due: ganapatiWithin(
          levels.invoicingDaysAfterCompletion,
          'facture',
          'la fin de la formation',
        ),
      }
    case 'invoiced':
      // No payment term is published for the funders: nothing fixes a date.
      return input.facts.fundingMode === 'direct'
        ? { actor: 'company', action: 'Régler la facture de Ganapati', due: null }
        : { actor: 'opco', action: `Paiement de la facture par ${opco.inSentence}`, due: null }
    case 'paid':
      return {
        actor: 'staff',
        action: 'Virer au formateur sa rémunération',
        due: ganapatiWithin(
          levels.trainerPaymentDaysAfterPayment,
          'paie le formateur',
          'le paiement du financeur',
        ),
      }
    case 'trainer_paid':
      return { actor: 'staff', action: 'Clore le dossier', due: null }
    case 'control_requested':
      return {
        actor: 'staff',
        action: `Fournir à ${opco.inSentence} les factures et relevés de dépenses du contrôle de service fait`,
        due: ganapatiWithin(
          levels.controlAnswerDaysAfterRequest,
          'répond au contrôle',
          'sa demande',
        ),
      }
    case 'control_answered':
      return input.facts.trainerPaid
        ? { actor: 'staff', action: 'Clore le dossier', due: null }
        : { actor: 'staff', action: 'Virer au formateur sa rémunération', due: null }
    case 'closed':
    case 'cancelled':
      return null
  }
}

/** Who acts next and by when; `late` once the end of the due day has passed at `now`. */
export function nextAction(
  input: DeadlineInput,
  levels: ServiceLevels,
  now: number,
): NextAction | null {
  const step = stepOf(input, levels)
  if (!step) return null
  const dueAt = step.due ? endOfParisDay(step.due.date) : null
  return {
    actor: step.actor,
    action: frenchTypography(
      step.due ? `${step.action} avant le ${frenchDay(step.due.date)}` : step.action,
    ),
    dueAt: dueAt === null ? null : new Date(dueAt).toISOString(),
    late: dueAt !== null && now >= dueAt,
    reason: frenchTypography(step.due?.why ?? 'Aucune échéance publiée pour cette étape.'),
    source: step.due?.source ?? null,
  }
}

/** Whether a reminder is due at `now`: the due date is near (`near`), or passed (`late`). */
export function reminderKind(
  action: NextAction,
  levels: ServiceLevels,
  now: number,
): 'near' | 'late' | null {
  if (action.dueAt === null) return null
  const dueAt = Date.parse(action.dueAt)
  if (now >= dueAt) return 'late'
  const dueDate = parisDate(dueAt - 1)
  return parisDate(now) >= addDays(dueDate, -levels.reminderDaysBeforeDue) ? 'near' : null
}

/** The seeds' path through the workflow, with the PEC accepted, and with a refused or partial one. */
const FUNDED_PATH: readonly DossierState[] = [
  'session_validated',
  'documents_sent',
  'pec_requested',
  'pec_received',
  'pec_validated',
  'training_started',
  'training_completed',
  'invoiced',
  'paid',
  'trainer_paid',
  'closed',
]
const DIRECT_PATH: readonly DossierState[] = FUNDED_PATH.map((state) =>
  state === 'pec_validated' ? 'switched_to_direct' : state,
)

/**
 * The steps still to come on the usual path, each with who does it and when it is expected: its
 * due date, counting each earlier step as done on its own due day (the tracker draws them as a
 * parcel tracker does). Empty once closed or cancelled, and during a control.
 */
export function upcomingSteps(input: DeadlineInput, levels: ServiceLevels): UpcomingStep[] {
  const direct =
    input.state === 'switched_to_direct' ||
    (input.facts.pecDecision !== null && input.facts.pecDecision !== 'accepted')
  const path = direct ? DIRECT_PATH : FUNDED_PATH
  const from = path.indexOf(input.state)
  if (from < 0) return []
  const steps: UpcomingStep[] = []
  let since: string | null = input.since
  for (let index = from; index < path.length - 1; index++) {
    const state = path[index] as DossierState
    // After the current state, the path's own decision: the PEC accepted, or the switch to direct.
    const facts =
      index === from
        ? input.facts
        : {
            ...input.facts,
            pecDecision: input.facts.pecDecision ?? ('accepted' as const),
            ...(direct ? { fundingMode: 'direct' as const } : {}),
          }
    const step = stepOf({ ...input, state, facts, since: since ?? input.since }, levels)
    if (!step) break
    // After a step with no date (the funder's payment), what counts from it has none either.
    const dueAt: number | null = step.due && since !== null ? endOfParisDay(step.due.date) : null
    steps.push({
      state: path[index + 1] as DossierState,
      actor: step.actor,
      action: frenchTypography(step.action),
      dueAt: dueAt === null ? null : new Date(dueAt).toISOString(),
    })
    since = dueAt === null ? null : new Date(dueAt - 1).toISOString()
  }
  return steps
}
