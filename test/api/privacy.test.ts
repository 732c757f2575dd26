import { describe, expect, it } from 'vitest'
import type { PrivacyNotice } from '../../api/contracts/privacy'
import { createTestApp, json } from '../support/test-app'

describe('GET /v1/privacy', () => {
  it('answers the default notice in French: what is kept, why, for a year, whom to ask', async () => {
    const { app, client } = await createTestApp()
    const response = await app.request('/v1/privacy')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const notice = await json<PrivacyNotice>(response)
    expect(notice).toMatchObject({ lang: 'fr', retentionDays: 365, contact: null, policyUrl: null })
    expect(notice.text).toContain('servent à préparer votre appel avec un conseiller Ganapati')
    expect(notice.text).toContain('Ils sont effacés 365 jours après l’appel.')
    expect(notice.text).toContain('répondez à l’e-mail de confirmation')
    client.close()
  })

  it('takes the deployment’s retention, contact, policy page and own wording, in English too', async () => {
    const { app, client } = await createTestApp({
      privacy: {
        retentionDays: 180,
        contact: 'dpo@ganapati.example',
        policyUrl: 'https://ganapati.example/confidentialite',
        text: { fr: 'Conservé {days} jours. Écrivez à {contact}.' },
      },
    })
    expect(await json<PrivacyNotice>(await app.request('/v1/privacy?lang=fr'))).toEqual({
      lang: 'fr',
      text: 'Conservé 180 jours. Écrivez à dpo@ganapati.example.',
      retentionDays: 180,
      contact: 'dpo@ganapati.example',
      policyUrl: 'https://ganapati.example/confidentialite',
    })
    // No English wording configured: the default one, with the deployment's figures.
    const english = await json<PrivacyNotice>(await app.request('/v1/privacy?lang=en'))
    expect(english.text).toContain('They are erased 180 days after the call.')
    expect(english.text).toContain('To see, correct or erase them sooner: dpo@ganapati.example.')
    client.close()
  })

  it('refuses a language it does not speak', async () => {
    const { app, client } = await createTestApp()
    const response = await app.request('/v1/privacy?lang=de')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errors: [{ pointer: '/query/lang' }] })
    client.close()
  })
})
