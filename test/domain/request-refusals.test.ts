import { describe, expect, it } from 'vitest'
import {
  adapterRefusal,
  INTERNAL_ERROR,
  MISSING_HOST,
  NO_TUNNEL,
  parserRefusal,
  UNEXPECTED_EXPECT,
} from '../../api/domain/request-refusals'
import { PROBLEM_TYPES } from '../../api/middleware/problem-types'

/** Node's default header limit (node:http `maxHeaderSize`, Node 22). */
const NODE_DEFAULT = 16 * 1024

describe('parserRefusal', () => {
  // Codes: llhttp's HPE_* errors and ERR_HTTP_REQUEST_TIMEOUT, as Node's lib/_http_server.js reports them.
  it.each([
    ['HPE_HEADER_OVERFLOW', 'headers-too-large', 431, /16 Ko/],
    ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 'payload-too-large', 413, /extensions de bloc/],
    ['ERR_HTTP_REQUEST_TIMEOUT', 'http-error', 408, /à temps/],
    ['HPE_INVALID_CONTENT_LENGTH', 'malformed-request', 400, /Content-Length/],
    ['HPE_UNEXPECTED_CONTENT_LENGTH', 'malformed-request', 400, /Content-Length/],
    ['HPE_INVALID_TRANSFER_ENCODING', 'malformed-request', 400, /Transfer-Encoding/],
    ['HPE_INVALID_URL', 'malformed-request', 400, /chemin/],
    ['HPE_INVALID_HEADER_TOKEN', 'malformed-request', 400, /en-tête/],
    ['HPE_INVALID_METHOD', 'malformed-request', 400, /HTTP\/1\.1 lisible/],
    [undefined, 'malformed-request', 400, /HTTP\/1\.1 lisible/],
  ])('%s: %s (%i)', (code, slug, status, detail) => {
    expect(parserRefusal(code, NODE_DEFAULT)).toEqual({
      slug,
      status,
      detail: expect.stringMatching(detail),
    })
  })

  it('leaves the figure to the detail: the documented type states none that could disagree', () => {
    expect(PROBLEM_TYPES['headers-too-large'].description).not.toMatch(/\d/)
    expect(parserRefusal('HPE_HEADER_OVERFLOW', 8 * 1024).detail).toContain('8 Ko')
  })

  it.each([
    [NODE_DEFAULT, '16 Ko'],
    [8 * 1024, '8 Ko'],
    [20_000, '20000 octets'],
  ])('states the limit it is given (%i bytes as %s)', (maxHeaderSize, shown) => {
    expect(parserRefusal('HPE_HEADER_OVERFLOW', maxHeaderSize).detail).toContain(
      `dépassent ${shown} :`,
    )
  })
})

describe('adapterRefusal', () => {
  // Messages: @hono/node-server's RequestError when it builds the request's URL.
  it.each([
    ['Backslash in request path', /barre oblique inverse/],
    ['Invalid host header', /Host n’est pas un nom d’hôte valide/],
    ['Invalid URL', /chemin commence par \//],
  ])('%j: %s', (message, detail) => {
    expect(adapterRefusal(message)).toEqual({
      slug: 'malformed-request',
      status: 400,
      detail: expect.stringMatching(detail),
    })
  })
})

describe('fixed refusals', () => {
  it.each([
    ['a missing Host', MISSING_HOST, 400],
    ['an unexpected Expect', UNEXPECTED_EXPECT, 417],
    ['CONNECT', NO_TUNNEL, 501],
    ['an error reaching the server', INTERNAL_ERROR, 500],
  ])('%s: %i, with a documented type', (_case, refused, status) => {
    expect(refused.status).toBe(status)
    expect(PROBLEM_TYPES[refused.slug]).toBeDefined()
    expect(refused.detail.length).toBeGreaterThan(20)
  })
})
