/** Who acts next on a dossier and by when, in the reader's words. Pure. */
import type { DossierView, EventActor } from '../../api/contracts/dossiers'
import type { MemberRole } from '../../api/contracts/members'
import type { Lang } from '../i18n/translation'
import { formatDay } from './format'
import type { Words } from './step-form'

/** An actor as a sentence names them; the OPCO by its name. */
export function actorName(dossier: DossierView, actor: EventActor, t: Words): string {
  return actor === 'opco' ? dossier.opco.name : t.actors[actor]
}

/**
 * « À vous : <action> avant le <date> » or « En attente de : <actor> — <action> »; nothing left
 * to do once closed or cancelled. The API words the action in French, its due date included; in
 * English, the step it leads to and the date.
 */
export function nextText(dossier: DossierView, role: MemberRole | undefined, lang: Lang, t: Words) {
  const next = dossier.nextAction
  if (!next) return t.noNext
  const due = next.dueAt ? ` ${t.before(formatDay(next.dueAt, lang))}` : ''
  const action =
    lang === 'fr' ? next.action : `${t.states[dossier.upcoming[0]?.state ?? dossier.state]}${due}`
  return next.actor === role
    ? t.yourTurn(action)
    : t.waitingFor(actorName(dossier, next.actor, t), action)
}

/** « du 2 au 4 mars 2027 »: the session's first and last days. */
export function trainingDates(dossier: DossierView, lang: Lang, t: Words): string {
  const { startDate, endDate } = dossier.training
  return t.dates(formatDay(startDate, lang), formatDay(endDate, lang))
}
