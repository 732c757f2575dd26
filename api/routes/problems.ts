/** GET /problems/:slug — what a problem `type` URI means, so every type of an error answer resolves. */
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { PROBLEM_TYPES, type ProblemSlug } from '../middleware/problem-types'
import { ProblemError, problemType } from '../middleware/problem'

/** What a type means changes only with a release of the API. */
const DOCUMENTATION_CACHE = 'public, max-age=86400'

export const problemRoutes = new Hono<AppEnv>().get('/:slug', (c) => {
  const slug = c.req.param('slug')
  if (!Object.hasOwn(PROBLEM_TYPES, slug)) {
    throw new ProblemError('not-found', `Aucun type de problème ${slug}.`)
  }
  c.header('Cache-Control', DOCUMENTATION_CACHE)
  return c.json({ type: problemType(slug), ...PROBLEM_TYPES[slug as ProblemSlug] })
})
