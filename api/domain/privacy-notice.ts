/** The short privacy notice the booking form shows: what is kept, why, for how long, whom to ask. Pure. */
import type { Lang } from './reason-text'

/**
 * A year after the call. The CNIL's référentiel « gestion des activités commerciales »
 * (délibération n° 2021-131) keeps a prospect's data at most 3 years after their last contact; a
 * booking needs far less: the call, then its follow-up — the funding request to the OPCO and its
 * answer, a training often planned for the next school year. The advisor's relation with the
 * company lives in their own tools (the webhook, the e-mail), under their own retention.
 */
export const DEFAULT_RETENTION_DAYS = 365

export interface PrivacySettings {
  /** BOOKING_RETENTION_DAYS: days after the call (or its slot, when cancelled) before erasure. */
  retentionDays: number
  /** PRIVACY_CONTACT: an e-mail address or a page, for access, correction and erasure requests. */
  contact: string | null
  /** PRIVACY_NOTICE_URL: the full privacy policy. */
  policyUrl: string | null
  /** PRIVACY_NOTICE_FR / _EN: the operator's own wording; `{days}` and `{contact}` are filled in. */
  text: Partial<Record<Lang, string>>
}

export interface PrivacyNotice {
  lang: Lang
  text: string
  retentionDays: number
  contact: string | null
  policyUrl: string | null
}

const DEFAULT_TEXT: Record<Lang, (days: number, contact: string | null) => string> = {
  fr: (days, contact) =>
    `Votre nom, votre e-mail et, si vous les donnez, votre téléphone, votre entreprise, votre message et ce que cette page a trouvé sur votre entreprise (SIRET, IDCC, OPCO, simulation) servent à préparer votre appel avec un conseiller Ganapati et à vous écrire à son sujet (confirmation, rappel, annulation). Ils sont effacés ${days} jours après l’appel. Pour les consulter, les corriger ou les faire effacer plus tôt\u00a0: ${contact ?? 'répondez à l’e-mail de confirmation'}.`,
  en: (days, contact) =>
    `Your name, your e-mail and, if you give them, your phone, company, message and what this page found about your company (SIRET, IDCC, OPCO, simulation) are used to prepare your call with a Ganapati advisor and to write to you about it (confirmation, reminder, cancellation). They are erased ${days} days after the call. To see, correct or erase them sooner: ${contact ?? 'reply to the confirmation e-mail'}.`,
}

export function privacyNotice(settings: PrivacySettings, lang: Lang): PrivacyNotice {
  const own = settings.text[lang]
  const text = own
    ? own
        .replaceAll('{days}', String(settings.retentionDays))
        .replaceAll('{contact}', settings.contact ?? '')
    : DEFAULT_TEXT[lang](settings.retentionDays, settings.contact)
  return {
    lang,
    text,
    retentionDays: settings.retentionDays,
    contact: settings.contact,
    policyUrl: settings.policyUrl,
  }
}

const DAY_MS = 86_400_000

/** Bookings whose call ended before this instant are erased. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS
}
