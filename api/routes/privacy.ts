/** GET /v1/privacy — the privacy notice shown under the booking form, in French or English. */
import { Hono } from 'hono'
import { PrivacyQuery, type PrivacyNotice } from '../contracts/privacy'
import { privacyNotice, type PrivacySettings } from '../domain/privacy-notice'
import type { AppEnv } from '../env'
import { validate } from '../middleware/validate'
import { jsonResponse, NOTICE_HEADERS } from './json-response'

export function privacyRoutes(settings: PrivacySettings) {
  return new Hono<AppEnv>().get('/', validate('query', PrivacyQuery), (c) => {
    const body: PrivacyNotice = privacyNotice(settings, c.req.valid('query').lang)
    return jsonResponse(JSON.stringify(body), NOTICE_HEADERS)
  })
}
