import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { onError } from '../../api/middleware/problem'
import { validate } from '../../api/middleware/validate'

const Body = z.strictObject({ name: z.string().min(1) })

const app = new Hono()
  .post('/echo', validate('json', Body), (c) => c.json(c.req.valid('json')))
  // A route whose own work fails with Hono's wording, after its body was validated.
  .post('/upstream', validate('json', Body), () => {
    throw new HTTPException(400, { message: 'Malformed JSON in the upstream answer' })
  })
  .get('/query', validate('query', z.object({ q: z.string() })), (c) => c.text('ok'))
  .onError(onError)

const post = (path: string, body: string, contentType = 'application/json') =>
  app.request(path, { method: 'POST', headers: { 'content-type': contentType }, body })

describe('validate', () => {
  it('hands the route the parsed body', async () => {
    const response = await post('/echo', '{"name":"Élodie"}')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ name: 'Élodie' })
  })

  it.each([
    ['a truncated object', '{"name": "Élodie",'],
    ['plain text', 'not json at all'],
    ['an empty body', ''],
    ['a JSON media type with parameters (RFC 8259 § 11)', '{', 'application/json; charset=utf-8'],
    ['a +json media type', '{', 'application/merge-patch+json'],
  ])('answers %s as a validation error at /body, in French', async (_case, body, type?) => {
    const response = await post('/echo', body, type)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      type: '/problems/validation-error',
      detail: 'Le corps de la requête n’est pas du JSON valide.',
      errors: [{ pointer: '/body', detail: 'Le corps de la requête n’est pas du JSON valide.' }],
    })
  })

  it('points at each field of a body that parses but does not fit the schema', async () => {
    const response = await post('/echo', '{"name":"","extra":1}')
    expect(response.status).toBe(400)
    const problem = (await response.json()) as { errors: { pointer: string }[] }
    expect(problem.errors.map((error) => error.pointer).sort()).toEqual([
      '/body/extra',
      '/body/name',
    ])
  })

  it('reads a body sent without a JSON media type as no body, as Hono does', async () => {
    const response = await post('/echo', '{', 'text/plain')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errors: [{ pointer: '/body/name' }] })
  })

  it('leaves what the route throws after validation to onError, untranslated', async () => {
    const response = await post('/upstream', '{"name":"Élodie"}')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      type: '/problems/http-error',
      detail: 'Malformed JSON in the upstream answer',
    })
  })

  it('validates other targets as before', async () => {
    expect((await app.request('/query?q=x')).status).toBe(200)
    expect(await (await app.request('/query')).json()).toMatchObject({
      errors: [{ pointer: '/query/q' }],
    })
  })
})
