// Vitest project running the Workers build (wrangler.toml → api/worker.ts) inside workerd.
import { fileURLToPath } from 'node:url'
import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('../..', import.meta.url))

export default defineConfig({
  root,
  plugins: [
    // A function, so the pool reads the URL that global-setup.ts provides once the server is up.
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: `${root}/wrangler.toml` },
      // Simulate every binding locally: the suite must never reach a Cloudflare account.
      remoteBindings: false,
      // PUBLIC_URL differs from the requests' host, so a link built on the Host header shows.
      miniflare: {
        bindings: {
          DATABASE_URL: inject('databaseUrl'),
          PUBLIC_URL: 'https://widgets.ganapati.test',
          BREVO_API_URL: inject('brevoUrl'),
          BREVO_API_KEY: inject('brevoKey'),
          MAIL_FROM: 'Ganapati <rendez-vous@ganapati.example>',
          OUTBOX_SECRET: 'outbox-secret-for-the-workers-tests-0123',
          ADMIN_TOKEN: 'admin-token-for-the-workers-tests-0123456789',
          RECHERCHE_ENTREPRISES_URL: inject('companyDirectoryUrl'),
        },
      },
    })),
  ],
  test: {
    name: 'workers',
    include: ['test/workers/**/*.test.ts'],
    globalSetup: ['test/workers/global-setup.ts'],
    // The first request imports the Worker's whole module graph through Vite, a few seconds cold.
    testTimeout: 30_000,
  },
})
