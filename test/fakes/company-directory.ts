/**
 * recherche-entreprises on 127.0.0.1 for the dossier tests: any company the test registers, written
 * in the shape of the recorded answer (fixtures/), so many companies can be looked up by SIRET.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { listenOnLoopback } from './loopback'

const RECORDED = JSON.parse(
  readFileSync(
    new URL('./fixtures/recherche-entreprises_search_by-siret.json', import.meta.url),
    'utf8',
  ),
) as { results: Record<string, unknown>[] }

export interface DirectoryCompany {
  siret: string
  name: string
  idcc: string[]
}

export interface FakeCompanyDirectory {
  url: string
  add(company: DirectoryCompany): void
  close(): Promise<void>
}

/** The recorded company, with another SIRET, name and conventions. */
function answerFor(company: DirectoryCompany) {
  const recorded = RECORDED.results[0] as Record<string, Record<string, unknown>>
  const establishment = {
    ...recorded.siege,
    siret: company.siret,
    liste_idcc: company.idcc,
  }
  return {
    ...recorded,
    siren: company.siret.slice(0, 9),
    nom_complet: company.name,
    nom_raison_sociale: company.name,
    siege: establishment,
    matching_etablissements: [establishment],
    complements: { ...recorded.complements, liste_idcc: company.idcc },
  }
}

export async function startFakeCompanyDirectory(): Promise<FakeCompanyDirectory> {
  const companies = new Map<string, DirectoryCompany>()
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake')
    const company = companies.get((url.searchParams.get('q') ?? '').replace(/\s/g, ''))
    const results = url.pathname === '/search' && company ? [answerFor(company)] : []
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(
      JSON.stringify({
        results,
        total_results: results.length,
        page: 1,
        per_page: 10,
        total_pages: 1,
      }),
    )
  })
  const loopback = await listenOnLoopback(server)
  return {
    url: loopback.url,
    add: (company) => companies.set(company.siret, company),
    close: loopback.close,
  }
}
