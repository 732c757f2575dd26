// Vitest: the Node suites (domain, db, services, API, the widgets' pure modules) and the Workers suite running in workerd.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root,
  test: {
    projects: [
      {
        test: {
          name: 'node',
          root,
          environment: 'node',
          include: ['test/{domain,db,services,api,fakes,widgets-unit}/**/*.test.ts'],
        },
      },
      'test/workers/vitest.config.ts',
    ],
  },
})
