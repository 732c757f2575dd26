/**
 * `npm run db:import -- --siro <siro-AAAAMM.csv> [--edition AAAA-MM] [--published AAAA-MM-JJ] [--url <source URL>]`
 * Re-imports a newer official SIRET-OPCO file: aggregates it into db/data/idcc-opco.csv (+ its .meta.json), then loads
 * the database at DATABASE_URL. Without --siro, only reloads the database from db/data.
 */
import { createReadStream } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { NodeConfigSchema, parseConfig } from '../api/env'
import { createDb } from './client'
import { migrateDatabase } from './migrate'
import { seedFundingRules } from './seed-funding-rules'
import { seedAdvisors } from './seed-advisors'
import { openNodeDatabase } from './node-client'
import { opcoRows } from './reference-data'
import { DATA_FOLDER, seedReferenceData } from './seed'
import { editionFromFileName, pairsToCsv, SIRO_HEADER, SiroAggregator } from './siro-aggregate'

export async function aggregateSiroFile(
  path: string,
  dataFolder = DATA_FOLDER,
): Promise<SiroAggregator> {
  const opcos = opcoRows(await readFile(`${dataFolder}/opco.json`, 'utf8'))
  const escape = JSON.parse(await readFile(`${dataFolder}/idcc-escape-codes.json`, 'utf8')) as {
    codes: { code: string }[]
  }
  const aggregator = new SiroAggregator({
    opcoIdByLabel: new Map(opcos.map((opco) => [opco.labelSiro, opco.id])),
    escapeCodes: escape.codes.map((item) => item.code),
  })
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
  let header: string | undefined
  for await (const line of lines) {
    if (header === undefined) {
      header = line.replace(/^\uFEFF/, '').trim()
      if (header !== SIRO_HEADER)
        throw new Error(`${path}: header « ${header} » is not « ${SIRO_HEADER} »`)
      continue
    }
    aggregator.add(line)
  }
  if (aggregator.unknownLabels.size > 0) {
    throw new Error(
      `Unknown OPCO labels (add them to db/data/opco.json label_siro): ${[...aggregator.unknownLabels].join(', ')}`,
    )
  }
  return aggregator
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      siro: { type: 'string' },
      edition: { type: 'string' },
      published: { type: 'string' },
      url: { type: 'string' },
    },
  })
  if (values.siro) {
    const edition = values.edition ?? editionFromFileName(basename(values.siro))
    if (!edition || !/^\d{4}-\d{2}$/.test(edition))
      throw new Error('Give --edition AAAA-MM (the file name does not tell it).')
    const aggregator = await aggregateSiroFile(values.siro)
    const pairs = aggregator.pairs()
    await writeFile(`${DATA_FOLDER}/idcc-opco.csv`, pairsToCsv(pairs))
    const meta = {
      dataset: 'siro-idcc-opco',
      edition,
      publishedAt: values.published ?? null,
      url: values.url ?? null,
      licence: 'Licence Ouverte / Open Licence 2.0',
    }
    await writeFile(`${DATA_FOLDER}/idcc-opco.meta.json`, `${JSON.stringify(meta, null, 2)}\n`)
    console.log(
      `${values.siro}: ${aggregator.lines} lines, ${aggregator.skipped} without IDCC or OPCO, ${pairs.length} IDCC→OPCO pairs (edition ${edition})`,
    )
  }
  const config = parseConfig(NodeConfigSchema, process.env)
  const client = await openNodeDatabase(config.DATABASE_URL, {
    authToken: config.DATABASE_AUTH_TOKEN,
  })
  try {
    await migrateDatabase(client)
    const result = await seedReferenceData(client)
    const funding = await seedFundingRules(createDb(client))
    console.log(
      `funding rules: ${funding.added} added, ${funding.revised} revised, ${funding.keptAdmin} kept (admin)`,
    )
    const advisors = await seedAdvisors(createDb(client))
    console.log(`advisors: ${advisors.added} added, ${advisors.kept} kept`)
    console.log(
      `${config.DATABASE_URL}: reference data ${result.status} (${result.conventions} conventions, ${result.pairs} pairs, edition ${result.edition})`,
    )
  } finally {
    client.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
