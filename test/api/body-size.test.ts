import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { maxBodySize } from '../../api/middleware/body-size'
import { onError } from '../../api/middleware/problem'

const app = new Hono()
  .post('/', maxBodySize(10), async (c) => c.text(await c.req.text()))
  .onError(onError)

const streamOf = (text: string) =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text))
      controller.close()
    },
  })

describe('maxBodySize', () => {
  it('lets a body within the declared limit through', async () => {
    const response = await app.request('/', { method: 'POST', body: '0123456789' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('0123456789')
  })

  it.each([
    { case: 'a declared length above the limit', init: { body: '01234567890' } },
    {
      case: 'a length that is not a number',
      init: { body: '0', headers: { 'content-length': 'abc' } },
    },
  ])('answers 413 problem+json for $case', async ({ init }) => {
    const response = await app.request('/', { method: 'POST', ...init })
    expect(response.status).toBe(413)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })

  it('counts a chunked body, which declares no length', async () => {
    const small = await app.request('/', {
      method: 'POST',
      body: streamOf('short'),
      duplex: 'half',
    } as RequestInit)
    expect(small.status).toBe(200)
    expect(await small.text()).toBe('short')
    const large = await app.request('/', {
      method: 'POST',
      body: streamOf('x'.repeat(50)),
      duplex: 'half',
    } as RequestInit)
    expect(large.status).toBe(413)
  })
})
