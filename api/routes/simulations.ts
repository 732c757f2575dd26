/** POST /v1/simulations — what the OPCO pays, what the State gives and the employer's « reste à charge ». */
import { Hono } from 'hono'
import type { Opco } from '../contracts/opcos'
import { SimulationRequest, type SimulationResult } from '../contracts/simulations'
import { simulateApprentissage } from '../domain/funding/apprentissage'
import { simulateHourly } from '../domain/funding/hourly-schemes'
import { simulatePlan } from '../domain/funding/plan'
import type { ConventionCatalog } from '../domain/convention-catalog'
import type { AppEnv } from '../env'
import { maxBodySize } from '../middleware/body-size'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import type { FundingRuleStore } from '../services/funding-rule-store'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'

/** A simulation request is a few hundred bytes. */
const MAX_BODY_BYTES = 8 * 1024

/** The OPCO whose figures apply: the IDCC's, or the one named; both given, they must agree. */
function resolveOpco(catalog: ConventionCatalog, request: SimulationRequest): Opco | null {
  const named = request.opcoId ? (catalog.opcos.get(request.opcoId) ?? null) : null
  if (!request.idcc) return named
  const convention = catalog.find(request.idcc)
  if (!convention || !convention.opco) {
    throw new ProblemError(
      'validation-error',
      `L'IDCC ${request.idcc} ne permet pas de connaître l'OPCO.`,
      {
        errors: [
          {
            pointer: '/body/idcc',
            detail: convention ? "Cet IDCC n'est rattaché à aucun OPCO." : 'IDCC inconnu.',
          },
        ],
      },
    )
  }
  // An IDCC some companies declare with another OPCO (SIRO alternatives) may name that one.
  if (
    named &&
    named.id !== convention.opco.id &&
    !convention.alternatives.some((alt) => alt.opcoId === named.id)
  ) {
    throw new ProblemError(
      'validation-error',
      `L'IDCC ${request.idcc} relève de ${convention.opco.name}, pas de ${named.name}.`,
      {
        errors: [
          {
            pointer: '/body/opcoId',
            detail: `L'IDCC ${request.idcc} relève de ${convention.opco.name}.`,
          },
        ],
      },
    )
  }
  return named ?? convention.opco
}

export function simulationRoutes(store: FundingRuleStore) {
  return new Hono<AppEnv>().post(
    '/',
    maxBodySize(MAX_BODY_BYTES),
    validate('json', SimulationRequest),
    async (c) => {
      const request = c.req.valid('json')
      const [catalog, stored] = await Promise.all([c.var.catalog(), store.rules(c.var.db)])
      const opco = resolveOpco(catalog, request)
      const rules = stored.map((entry) => entry.rule)
      const scope = { opcoId: opco?.id ?? null, idcc: request.idcc ?? null }
      const criteria = opco
        ? { name: opco.name, fundingCriteriaUrl: opco.fundingCriteriaUrl, website: opco.website }
        : null
      let result: SimulationResult
      switch (request.scheme) {
        case 'apprentissage':
          result = simulateApprentissage({ ...request, ...scope }, rules)
          break
        case 'plan':
          result = simulatePlan(
            { ...request, ...scope, branch: request.branch ?? null },
            rules,
            criteria,
          )
          break
        case 'contrat-pro':
          result = simulateHourly(
            { ...request, ...scope, centsPerHour: request.centsPerHour ?? null },
            rules,
            criteria,
          )
          break
        case 'pro-a':
          result = simulateHourly(
            {
              ...request,
              ...scope,
              priorityPublic: false,
              centsPerHour: request.centsPerHour ?? null,
            },
            rules,
            criteria,
          )
          break
        case 'tutor-training':
          result = simulateHourly(
            { ...request, ...scope, priorityPublic: false, centsPerHour: null },
            rules,
            criteria,
          )
          break
      }
      return jsonResponse(JSON.stringify(result), NO_STORE_HEADERS)
    },
  )
}
