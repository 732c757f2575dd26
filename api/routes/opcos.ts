/** GET /v1/opcos and /v1/opcos/:id — the 11 OPCOs with their sectors and funding-criteria pages. */
import { Hono } from 'hono'
import { OpcoParam, type OpcoId, type OpcoList } from '../contracts/opcos'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import { jsonResponse, REFERENCE_HEADERS, sharedJson } from './json-response'

export const opcoRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const catalog = await c.var.catalog()
    const body: OpcoList = { items: [...catalog.opcos.values()] }
    return jsonResponse(JSON.stringify(body), REFERENCE_HEADERS)
  })
  .get('/:id', validate('param', OpcoParam), async (c) => {
    const { id } = c.req.valid('param')
    const opco = (await c.var.catalog()).opcos.get(id as OpcoId)
    if (!opco) throw new ProblemError('unknown-opco', `Aucun OPCO ${id}.`)
    return jsonResponse(sharedJson(opco), REFERENCE_HEADERS)
  })
