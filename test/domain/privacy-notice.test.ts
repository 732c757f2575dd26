import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RETENTION_DAYS,
  privacyNotice,
  retentionCutoff,
  type PrivacySettings,
} from '../../api/domain/privacy-notice'

const settings: PrivacySettings = {
  retentionDays: DEFAULT_RETENTION_DAYS,
  contact: null,
  policyUrl: null,
  text: {},
}

describe('privacyNotice', () => {
  it.each([
    [
      'fr',
      'Votre nom, votre e-mail',
      'Ils sont effacés 365 jours après l’appel.',
      'répondez à l’e-mail de confirmation.',
    ],
    [
      'en',
      'Your name, your e-mail',
      'They are erased 365 days after the call.',
      'reply to the confirmation e-mail.',
    ],
  ] as const)(
    'tells in %s what is kept, why, how long, whom to ask',
    (lang, what, howLong, who) => {
      const { text } = privacyNotice(settings, lang)
      expect(text.startsWith(what)).toBe(true)
      expect(text).toContain(howLong)
      expect(text.endsWith(who)).toBe(true)
    },
  )

  it('names the contact when there is one, and fills {days} and {contact} in the operator’s wording', () => {
    const own = {
      ...settings,
      retentionDays: 90,
      contact: 'dpo@ganapati.fr',
      text: { fr: '{days} jours, puis effacé. Question ? {contact}' },
    }
    expect(privacyNotice(own, 'fr').text).toBe('90 jours, puis effacé. Question ? dpo@ganapati.fr')
    expect(privacyNotice(own, 'en').text).toContain('sooner: dpo@ganapati.fr.')
  })
})

describe('retentionCutoff', () => {
  it('is the instant the retention period ago', () => {
    expect(new Date(retentionCutoff(Date.parse('2027-11-23T08:30:00Z'), 365)).toISOString()).toBe(
      '2026-11-23T08:30:00.000Z',
    )
  })
})
