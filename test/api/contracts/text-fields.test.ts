import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { multiLine, singleLine } from '../../../api/contracts/text-fields'
import { fundingRules } from '../../support/funding-rules'
import { createTestApp, json, type TestApp } from '../../support/test-app'

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef'
const ADVISOR = 'conseiller-ganapati'
/** Monday 2026-11-23, 09:00 in Paris: a free slot of the seeded advisor, seen from the Friday before. */
const MONDAY_NINE = '2026-11-23T08:00:00.000Z'

let t: TestApp
let client = 0
beforeEach(async () => {
  t = await createTestApp({
    clock: { now: () => Date.parse('2026-11-20T08:00:00Z') },
    adminToken: ADMIN_TOKEN,
  })
})
afterEach(() => {
  t.client.close()
})

function send(method: string, path: string, body: unknown) {
  return t.app.request(path, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${ADMIN_TOKEN}`,
      'cf-connecting-ip': `198.51.100.${client++ % 250}`,
    },
    body: JSON.stringify(body),
  })
}

const visitor = {
  advisorId: ADVISOR,
  start: MONDAY_NINE,
  name: 'Élodie Durand',
  email: 'elodie@entreprise.example',
  company: 'Boulangerie Durand',
  message: 'Bonjour,\n\tune alternante en septembre.',
}
const advisor = {
  name: 'Camille Martin',
  email: 'camille.martin@ganapati.example',
  weeklyHours: [{ day: 'monday', from: '09:00', to: '12:00' }],
}
const rule = fundingRules[0]!

describe('control characters in the text fields of request bodies', () => {
  it.each([
    // Source of each character: Unicode 15 code charts (C0/C1 controls, General Punctuation).
    [
      'a bell (C0) in the name',
      'U+0007',
      'POST',
      '/v1/bookings',
      { ...visitor, name: 'Élodie\u0007' },
      '/body/name',
    ],
    [
      'a line feed in the name',
      'U+000A',
      'POST',
      '/v1/bookings',
      { ...visitor, name: 'Élodie\nDurand' },
      '/body/name',
    ],
    [
      'a NEL (C1) in the company',
      'U+0085',
      'POST',
      '/v1/bookings',
      { ...visitor, company: 'SARL\u0085X' },
      '/body/company',
    ],
    [
      'a right-to-left override in the name',
      'U+202E',
      'POST',
      '/v1/bookings',
      { ...visitor, name: 'Élodie\u202eeruD' },
      '/body/name',
    ],
    [
      'a left-to-right isolate in the company',
      'U+2066',
      'POST',
      '/v1/bookings',
      { ...visitor, company: '\u2066ACME' },
      '/body/company',
    ],
    [
      'a carriage return alone in the message',
      'U+000D',
      'POST',
      '/v1/bookings',
      { ...visitor, message: 'Bonjour\rà vous' },
      '/body/message',
    ],
    [
      'a line separator in the company',
      'U+2028',
      'POST',
      '/v1/bookings',
      { ...visitor, company: 'Boulangerie\u2028Durand' },
      '/body/company',
    ],
    [
      'a paragraph separator in the message',
      'U+2029',
      'POST',
      '/v1/bookings',
      { ...visitor, message: 'Bonjour,\u2029à vous' },
      '/body/message',
    ],
    [
      'a pop directional isolate in the message',
      'U+2069',
      'POST',
      '/v1/bookings',
      { ...visitor, message: 'a\u2069b' },
      '/body/message',
    ],
    [
      'a NUL in a simulator input',
      'U+0000',
      'POST',
      '/v1/bookings',
      {
        ...visitor,
        context: {
          simulation: {
            scheme: 'plan',
            date: '2026-09-01',
            totalCostCents: 1,
            opcoFundingCents: null,
            employerCostCents: null,
            stateAidCents: 0,
            inputs: { branch: 'a\u0000' },
          },
        },
      },
      '/body/context/simulation/inputs/branch',
    ],
    [
      'a tab in an advisor name',
      'U+0009',
      'PUT',
      '/v1/admin/advisors/camille',
      { ...advisor, name: 'Camille\tMartin' },
      '/body/name',
    ],
    [
      'an escape in a day off reason',
      'U+001B',
      'PUT',
      `/v1/admin/advisors/${ADVISOR}/days-off/2026-11-23`,
      { reason: 'Congé\u001b[31m' },
      '/body/reason',
    ],
    [
      'an embedding in a simulation branch',
      'U+202B',
      'POST',
      '/v1/simulations',
      {
        scheme: 'plan',
        date: '2026-09-01',
        opcoId: 'opco-ep',
        branch: '\u202bbranche=177',
        headcount: 5,
        hours: 14,
        priceCents: 100_000,
      },
      '/body/branch',
    ],
    [
      'a DEL in a rule source publisher',
      'U+007F',
      'PUT',
      `/v1/admin/funding-rules/${rule.id}`,
      { ...rule, source: { ...rule.source, publisher: 'OPCO\u007f' } },
      '/body/source/publisher',
    ],
  ])(
    'refuses %s (%s) with a 400 naming the field',
    async (_case, codePoint, method, path, body, pointer) => {
      const response = await send(method, path, body)
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      const problem = await json<{
        type: string
        detail: string
        errors: { pointer: string; detail: string }[]
      }>(response)
      expect(problem.type).toBe('/problems/validation-error')
      expect(problem.errors).toContainEqual({
        pointer,
        detail: expect.stringContaining(`Caractère ${codePoint} refusé`),
      })
    },
  )

  it('books a call whose message keeps its line feeds and tabs', async () => {
    const response = await send('POST', '/v1/bookings', visitor)
    expect(response.status).toBe(201)
    const { id } = await json<{ id: string }>(response)
    const stored = await json<{ visitor: { message: string } }>(
      await send('GET', `/v1/admin/bookings/${id}`, undefined),
    )
    expect(JSON.stringify(stored)).toContain(JSON.stringify(visitor.message).slice(1, -1))
  })

  it('keeps accents, apostrophes and other scripts in names', async () => {
    const name = 'Zoë O’Brien-Nguyễn 李 محمد'
    const response = await send('POST', '/v1/bookings', { ...visitor, name })
    expect(response.status).toBe(201)
  })
})

describe('singleLine / multiLine', () => {
  const Single = singleLine(z.string())
  const Multi = multiLine(z.string())
  it.each([
    ['plain text', 'Boulangerie Durand', true, true],
    ['a tab', 'a\tb', false, true],
    ['a line feed', 'a\nb', false, true],
    ['a carriage return alone', 'a\rb', false, false],
    ['a CRLF line end', 'a\r\nb', false, true],
    ['a carriage return at the end', 'a\r', false, false],
    ['a vertical tab', 'a\u000bb', false, false],
    ['DEL', 'a\u007fb', false, false],
    ['a C1 control (U+009B CSI)', 'a\u009bb', false, false],
    ['U+00A0 (no-break space, not a control)', 'a\u00a0b', true, true],
    ['U+200F (right-to-left mark, not an override)', 'a\u200fb', true, true],
    // A text area posts LF or CRLF, never these; mail and calendar clients break lines on them.
    ['U+2028 (line separator)', 'a\u2028b', false, false],
    ['U+2029 (paragraph separator)', 'a\u2029b', false, false],
    ['U+2027 (hyphenation point, not a separator)', 'a\u2027b', true, true],
    ['U+202A…U+202E', '\u202a\u202b\u202c\u202d\u202e', false, false],
    ['U+2066…U+2069', '\u2066\u2067\u2068\u2069', false, false],
  ])('%s: single line %s, multi-line %s', (_case, text, single, multi) => {
    expect(Single.safeParse(text).success).toBe(single)
    expect(Multi.safeParse(text).success).toBe(multi)
  })
})
