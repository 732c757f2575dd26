import { describe, expect, it } from 'vitest'
import { NodeConfigSchema, parseConfig, privacySettingsOf, WorkerConfigSchema } from '../../api/env'

const WORKER = { DATABASE_URL: 'libsql://ganapati-widgets.turso.io' }

describe('NodeConfigSchema', () => {
  it('reads TRUSTED_PROXIES as ranges, none by default', () => {
    expect(parseConfig(NodeConfigSchema, {}).TRUSTED_PROXIES).toEqual([])
    const config = parseConfig(NodeConfigSchema, {
      TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32,127.0.0.1',
    })
    expect(config.TRUSTED_PROXIES.map((cidr) => [cidr.version, cidr.prefix])).toEqual([
      [4, 8],
      [6, 32],
      [4, 32],
    ])
  })

  it('refuses at boot a TRUSTED_PROXIES entry that is not a range, naming it', () => {
    expect(() =>
      parseConfig(NodeConfigSchema, { TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal, ::/200' }),
    ).toThrow(/TRUSTED_PROXIES: TRUSTED_PROXIES holds "proxy\.internal", "::\/200", not IPv4/)
  })

  it.each([
    ['https://widgets.ganapati.fr', 'https://widgets.ganapati.fr'],
    ['https://widgets.ganapati.fr/', 'https://widgets.ganapati.fr'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['HTTPS://Widgets.Ganapati.FR:443', 'https://widgets.ganapati.fr'],
  ])('reads PUBLIC_URL %s as the origin %s', (value, origin) => {
    expect(parseConfig(NodeConfigSchema, { PUBLIC_URL: value }).PUBLIC_URL).toBe(origin)
  })

  it.each([
    ['a path', 'https://ganapati.fr/widgets'],
    ['a query', 'https://widgets.ganapati.fr/?a=1'],
    ['credentials', 'https://user:secret@widgets.ganapati.fr'],
    ['another scheme', 'javascript:alert(1)'],
    ['no URL at all', 'widgets.ganapati.fr'],
  ])('refuses a PUBLIC_URL with %s', (_case, value) => {
    expect(() => parseConfig(NodeConfigSchema, { PUBLIC_URL: value })).toThrow(/PUBLIC_URL/)
  })

  it('leaves PUBLIC_URL unset by default: the listening origin is used', () => {
    expect(parseConfig(NodeConfigSchema, {}).PUBLIC_URL).toBeUndefined()
  })
})

describe('WorkerConfigSchema', () => {
  it('requires PUBLIC_URL: a Worker has no listening origin of its own', () => {
    expect(() => parseConfig(WorkerConfigSchema, WORKER)).toThrow(/PUBLIC_URL/)
    expect(
      parseConfig(WorkerConfigSchema, { ...WORKER, PUBLIC_URL: 'https://widgets.ganapati.fr' })
        .PUBLIC_URL,
    ).toBe('https://widgets.ganapati.fr')
  })
})

describe('e-mail settings', () => {
  it('reads DOSSIER_SERVICE_LEVELS as day overrides, none by default, and refuses others at boot', () => {
    expect(parseConfig(NodeConfigSchema, {}).DOSSIER_SERVICE_LEVELS).toEqual({})
    expect(
      parseConfig(NodeConfigSchema, {
        DOSSIER_SERVICE_LEVELS: '{"invoicingDaysAfterCompletion":3,"reminderDaysBeforeDue":1}',
      }).DOSSIER_SERVICE_LEVELS,
    ).toEqual({ invoicingDaysAfterCompletion: 3, reminderDaysBeforeDue: 1 })
    for (const text of ['{"invoicingDays":3}', '{"certificateDaysAfterEnd":2.5}', 'trois']) {
      expect(() => parseConfig(NodeConfigSchema, { DOSSIER_SERVICE_LEVELS: text })).toThrow(
        /DOSSIER_SERVICE_LEVELS must be a JSON object of whole numbers of days/,
      )
    }
  })

  it('reads ALLOWED_RETURN_ORIGINS as origins, none by default', () => {
    expect(parseConfig(NodeConfigSchema, {}).ALLOWED_RETURN_ORIGINS).toEqual([])
    expect(
      parseConfig(NodeConfigSchema, {
        ALLOWED_RETURN_ORIGINS:
          'https://www.partenaire.fr, HTTPS://Partenaire.FR:443/ ,http://localhost:3000',
      }).ALLOWED_RETURN_ORIGINS,
    ).toEqual(['https://www.partenaire.fr', 'https://partenaire.fr', 'http://localhost:3000'])
  })

  it.each([
    ['a path', 'https://www.partenaire.fr/rdv'],
    ['another scheme', 'javascript:alert(1)'],
    ['no URL', 'partenaire.fr'],
  ])('refuses an ALLOWED_RETURN_ORIGINS entry with %s, naming it', (_case, entry) => {
    expect(() =>
      parseConfig(NodeConfigSchema, { ALLOWED_RETURN_ORIGINS: `https://ok.example, ${entry}` }),
    ).toThrow(`ALLOWED_RETURN_ORIGINS holds ${JSON.stringify(entry)}`)
  })

  it('requires MAIL_FROM with SMTP_URL, and an smtp:// or smtps:// URL', () => {
    expect(() => parseConfig(NodeConfigSchema, { SMTP_URL: 'smtp://mail.example:587' })).toThrow(
      /MAIL_FROM is required with SMTP_URL/,
    )
    expect(() =>
      parseConfig(NodeConfigSchema, {
        SMTP_URL: 'http://mail.example',
        MAIL_FROM: 'rendez-vous@ganapati.fr',
      }),
    ).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/)
    const config = parseConfig(NodeConfigSchema, {
      SMTP_URL: 'smtps://user:secret@mail.example:465',
      MAIL_FROM: 'Ganapati <rendez-vous@ganapati.fr>',
    })
    expect(config.SMTP_URL).toBe('smtps://user:secret@mail.example:465')
  })

  it.each(['Ganapati', 'Ganapati <rendez-vous>', '<>'])('refuses MAIL_FROM %s', (from) => {
    expect(() => parseConfig(NodeConfigSchema, { MAIL_FROM: from })).toThrow(/MAIL_FROM/)
  })

  it('keeps personal data 365 days after the call unless told otherwise, between 1 day and 10 years', () => {
    expect(parseConfig(NodeConfigSchema, {}).BOOKING_RETENTION_DAYS).toBe(365)
    expect(
      parseConfig(NodeConfigSchema, { BOOKING_RETENTION_DAYS: '180' }).BOOKING_RETENTION_DAYS,
    ).toBe(180)
    for (const days of ['0', '3651', '12.5', 'un an']) {
      expect(() => parseConfig(NodeConfigSchema, { BOOKING_RETENTION_DAYS: days })).toThrow(
        /BOOKING_RETENTION_DAYS/,
      )
    }
  })

  it('reads the privacy notice settings, PRIVACY_CONTACT an address or a page', () => {
    const config = parseConfig(NodeConfigSchema, {
      PRIVACY_CONTACT: 'dpo@ganapati.fr',
      PRIVACY_NOTICE_URL: 'https://ganapati.fr/confidentialite',
      PRIVACY_NOTICE_EN: 'Kept {days} days.',
      BOOKING_RETENTION_DAYS: '90',
    })
    expect(privacySettingsOf(config)).toEqual({
      retentionDays: 90,
      contact: 'dpo@ganapati.fr',
      policyUrl: 'https://ganapati.fr/confidentialite',
      text: { en: 'Kept {days} days.' },
    })
    expect(
      parseConfig(NodeConfigSchema, { PRIVACY_CONTACT: 'https://ganapati.fr/donnees' })
        .PRIVACY_CONTACT,
    ).toBe('https://ganapati.fr/donnees')
    expect(() => parseConfig(NodeConfigSchema, { PRIVACY_CONTACT: 'le DPO' })).toThrow(
      /PRIVACY_CONTACT/,
    )
  })

  it('requires MAIL_FROM and OUTBOX_SECRET with BREVO_API_KEY on Workers, and defaults the API URL', () => {
    const worker = { ...WORKER, PUBLIC_URL: 'https://widgets.ganapati.fr' }
    expect(() =>
      parseConfig(WorkerConfigSchema, { ...worker, BREVO_API_KEY: 'xkeysib-1' }),
    ).toThrow(
      /MAIL_FROM is required with BREVO_API_KEY[\s\S]*OUTBOX_SECRET is required with BREVO_API_KEY/,
    )
    const config = parseConfig(WorkerConfigSchema, {
      ...worker,
      BREVO_API_KEY: 'xkeysib-1',
      MAIL_FROM: 'rendez-vous@ganapati.fr',
      OUTBOX_SECRET: 'o'.repeat(32),
    })
    expect(config.BREVO_API_URL).toBe('https://api.brevo.com/v3')
    expect(() => parseConfig(WorkerConfigSchema, { ...worker, OUTBOX_SECRET: 'short' })).toThrow(
      /OUTBOX_SECRET must hold at least 32 characters/,
    )
  })
})
