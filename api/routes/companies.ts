/** GET /v1/companies/:id (SIRET or SIREN → conventions → OPCO) and GET /v1/companies?q=&postcode= (search by name). */
import { Hono } from 'hono'
import { z } from 'zod'
import type { CompanySearchResult } from '../contracts/companies'
import { LangQuery } from '../contracts/conventions'
import { parseCompanyId } from '../domain/company-id'
import { activeFirst, answerCompany, summarizeCompany } from '../domain/company-opco'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import type { CompanyDirectory } from '../services/recherche-entreprises'
import { COMPANY_HEADERS, jsonResponse } from './json-response'

const CompanyParam = z.object({
  id: z.string().transform((raw, ctx) => {
    const parsed = parseCompanyId(raw)
    if (parsed === 'format') {
      ctx.addIssue({
        code: 'custom',
        message: 'Saisissez un SIRET (14 chiffres) ou un SIREN (9 chiffres).',
      })
      return z.NEVER
    }
    if (parsed === 'checksum') {
      ctx.addIssue({
        code: 'custom',
        message: `${raw} n'est pas un numéro SIRET ou SIREN valide (clé de contrôle incorrecte) : vérifiez les chiffres.`,
      })
      return z.NEVER
    }
    return parsed
  }),
})

const CompanySearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(3, 'Saisissez au moins 3 caractères du nom de l\u2019entreprise.')
    .max(100, 'La recherche est limitée à 100 caractères.'),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Un code postal compte 5 chiffres.')
    .optional(),
})

export function companyRoutes(directory: CompanyDirectory) {
  return new Hono<AppEnv>()
    .get('/', validate('query', CompanySearchQuery), async (c) => {
      const { q, postcode } = c.req.valid('query')
      const companies = await directory.searchCompanies(q, postcode)
      const body: CompanySearchResult = { items: activeFirst(companies.map(summarizeCompany)) }
      return jsonResponse(JSON.stringify(body), COMPANY_HEADERS)
    })
    .get('/:id', validate('param', CompanyParam), validate('query', LangQuery), async (c) => {
      const id = c.req.valid('param').id
      const { lang } = c.req.valid('query')
      const [company, catalog] = await Promise.all([directory.findCompany(id), c.var.catalog()])
      const siret = id.kind === 'siret' ? id.siret : null
      const answer = company ? answerCompany(company, siret, catalog, lang) : null
      if (!answer) {
        const what = siret ? `le SIRET ${siret}` : `le SIREN ${id.siren}`
        throw new ProblemError(
          'unknown-company',
          `Aucune entreprise trouvée pour ${what} dans l'annuaire des entreprises. Vérifiez le numéro, ou cherchez par nom.`,
        )
      }
      return jsonResponse(JSON.stringify(answer), COMPANY_HEADERS)
    })
}
