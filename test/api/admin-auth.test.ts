import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../support/test-app'

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ adminToken: ADMIN_TOKEN })
})

const withAuthorization = (authorization: string) =>
  t.app.request('/v1/admin/advisors', { headers: { authorization } })

describe('adminAuth', () => {
  it.each([
    // RFC 9110 § 11.1: « It uses a case-insensitive token to identify the authentication scheme ».
    ['Bearer', `Bearer ${ADMIN_TOKEN}`],
    ['bearer', `bearer ${ADMIN_TOKEN}`],
    ['BEARER', `BEARER ${ADMIN_TOKEN}`],
    ['BeArEr', `BeArEr ${ADMIN_TOKEN}`],
    // § 11.4: credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ].
    ['two spaces', `Bearer  ${ADMIN_TOKEN}`],
  ])('accepts the scheme written %s', async (_case, authorization) => {
    expect((await withAuthorization(authorization)).status).toBe(200)
  })

  it.each([
    ['another scheme', `Basic ${ADMIN_TOKEN}`],
    ['no space after the scheme', `Bearer${ADMIN_TOKEN}`],
    ['the scheme alone', 'Bearer'],
    ['a wrong token', `bearer ${'x'.repeat(40)}`],
    ['the token without a scheme', ADMIN_TOKEN],
  ])('refuses %s with a 401 problem', async (_case, authorization) => {
    const response = await withAuthorization(authorization)
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
  })
})
