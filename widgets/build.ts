/**
 * Builds the CDN bundle (`.build/public/widgets/ganapati.js`), copies the demo site next to it, and
 * keeps `widgets/custom-elements.json` in step with the classes' JSDoc.
 */
import { createHash } from 'node:crypto'
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform, type BuildOptions, type Plugin } from 'esbuild'
import { minify } from 'terser'
import ts from 'typescript'
import { BUNDLE_HEADERS, COMMON_HEADERS, PAGE_HEADERS } from '../api/middleware/response-headers'
import { customElementsManifest } from './manifest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const PUBLIC_DIR = join(root, '.build', 'public')
export const BUNDLE_FILE = join(PUBLIC_DIR, 'widgets', 'ganapati.js')
/**
 * Gzip budget of each widget bundled alone with Lit — what a page using only that widget pays, in
 * French (an English page fetches the English words besides, reported apart). A partner adds the
 * script to every page, so each widget must stay light; the whole bundle is the sum of the widgets
 * plus one Lit, and is reported.
 */
const WIDGET_BUDGETS = [
  // Issue 2's aim: the finder with Lit in 15 KB gzip.
  { name: 'opco-finder', gzipBytes: 15 * 1024 },
  // No aim was set for the simulator: 16 KB, the finder's order of size with room for its forms.
  { name: 'funding-simulator', gzipBytes: 16 * 1024 },
  // Issue 4's aim was 16 KB gzip for the scheduler, the form and the confirmation. Issue 9's
  // shared core put it at 16 507 B; moving the English words out won back 0.7 KB; then came the
  // dark palette (about 320 B, in every widget), what a visitor keeps of a booking (the e-mail's
  // manage link reopening it, kept across a reload and a failed request), phone or video, the
  // privacy notice and the week strip (about 900 B), the finder's company in the form and the
  // errors worded by their problem type (about 300 B): 17.5 KB. Loading the link mode and the
  // confirmation on demand would win back about 600 B (measured): the lazy bundle of issue 12.
  { name: 'booking-link', gzipBytes: 17.5 * 1024 },
  // Issue 10's tracker: sign-in by e-mail link and the tab's session, the list with its filters,
  // search and pages, a dossier's banner, milestones and step forms with their confirmation,
  // « Valider une session », and how the company files its PEC (its OPCO's flyer). The aim was
  // 18 KB with the core, and it measures just under; the budget leaves half a KB of room for the
  // core's growth.
  { name: 'dossier-tracker', gzipBytes: 18.5 * 1024 },
]

/**
 * What every widget is built on, bundled alone: Lit, widgets/shared (base element, controllers,
 * API client, shared styles) and the common words in French (English comes apart, on demand). Reported, not budgeted: it is inside each
 * widget's figure.
 */
const SHARED_CORE = `
export * from './shared/base-element'
export * from './shared/api-controller'
export * from './shared/localize'
export * from './shared/page-context'
export * from './shared/controls.styles'
export * from './shared/field.styles'
export { common } from './i18n/fr'
`

/** The custom elements manifest, checked in: generated from the class JSDoc (widgets/manifest.ts). */
export const MANIFEST_FILE = join(root, 'widgets', 'custom-elements.json')

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

interface Edit {
  start: number
  end: number
  text: () => Promise<string>
}

/**
 * esbuild minifies code, not the text of Lit's tagged templates: css`` goes through esbuild's CSS
 * minifier, html`` loses its indentation (HTML folds any whitespace run to one space anyway) and
 * the line break Prettier puts before a tag's closing `>`, where whitespace means nothing.
 */
export const minifyLitTemplates: Plugin = {
  name: 'minify-lit-templates',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]widgets[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8')
      const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true)
      const edits: Edit[] = []
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
          const { template } = node
          if (node.tag.text === 'css') {
            const start = template.getStart(file) + 1
            const end = template.end - 1
            // A substitution (a palette used by two rules) stands in as a custom property while
            // the CSS is minified, then comes back: only in a declaration's place.
            const substitutions = ts.isNoSubstitutionTemplateLiteral(template)
              ? []
              : template.templateSpans.map((span, i) => {
                  const before = i ? template.templateSpans[i - 1]!.literal : template.head
                  return source.slice(before.end - 2, span.literal.getStart(file) + 1)
                })
            edits.push({
              start,
              end,
              text: async () => {
                let css = source.slice(start, end)
                substitutions.forEach((text, i) => (css = css.replace(text, `--lit-slot-${i}:0;`)))
                // Declarations alone (a palette spliced into rules) are minified inside a rule.
                const rule = !css.includes('{')
                let minified = (
                  await transform(rule ? `a{${css}}` : css, { loader: 'css', minify: true })
                ).code.trim()
                if (rule) minified = minified.slice(2, -1)
                substitutions.forEach((text, i) => {
                  const slot = new RegExp(`--lit-slot-${i}:0;?`)
                  if (!slot.test(minified)) {
                    throw new Error(`${path}: ${text} must stand where a declaration would`)
                  }
                  minified = minified.replace(slot, () => `${text};`)
                })
                return minified
              },
            })
          } else if (node.tag.text === 'html') {
            const parts = ts.isNoSubstitutionTemplateLiteral(template)
              ? [template]
              : [template.head, ...template.templateSpans.map((span) => span.literal)]
            for (const part of parts) {
              const start = part.getStart(file) + 1
              // A head or middle ends with `${`, a tail or a plain template with a backtick.
              const end = part.end - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1)
              const raw = source.slice(start, end)
              const text = raw.replace(/\s*\n\s*(?=\/?>)/g, '').replace(/\s*\n\s*/g, ' ')
              edits.push({ start, end, text: async () => text })
            }
          }
        }
        ts.forEachChild(node, visit)
      }
      visit(file)
      let contents = source
      for (const edit of edits.sort((a, b) => b.start - a.start)) {
        contents = contents.slice(0, edit.start) + (await edit.text()) + contents.slice(edit.end)
      }
      return { contents, loader: 'ts' }
    })
  },
}

export interface BuildReport {
  bytes: number
  gzipBytes: number
  integrity: string
  /** Lit and widgets/shared bundled alone. */
  coreGzipBytes: number
  /** The English words, fetched only by a page in English. */
  english: { file: string; gzipBytes: number }
  widgets: { name: string; gzipBytes: number; budget: number }[]
  /** Whether widgets/custom-elements.json was rewritten (`manifest: 'write'`). */
  manifestWritten: boolean
}

const gzipSize = (code: Uint8Array) => gzipSync(code, { level: 9 }).length

/** The English words, built as a module of their own that the bundle imports only on an English page. */
const ENGLISH_ENTRY = join(root, 'widgets', 'i18n', 'en.ts')

/**
 * The bundle's `import('../i18n/en')` (widgets/shared/localize.ts) points at the English module
 * built beside it, `english` (its file name, content-hashed so a bundle never meets another
 * build's words). Before the English module is built, `english` is a placeholder: the widgets'
 * sizes count French only.
 */
const englishApart = (english: string): Plugin => ({
  name: 'english-apart',
  setup(builder) {
    builder.onResolve({ filter: /\/i18n\/en$/ }, ({ kind }) =>
      kind === 'dynamic-import' ? { path: `./${english}`, external: true } : undefined,
    )
  },
})

const BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  format: 'esm',
  minify: true,
  // Keep the widgets free of TC39 decorators: at es2022 esbuild lowers them (1.8 KB gzip for the
  // finder alone) and shipped raw, as esnext would, Chromium rejects them.
  target: 'es2022',
  // Module scripts are always decoded as UTF-8; escaping every « é » would cost bytes.
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [minifyLitTemplates],
}

/**
 * A second pass over esbuild's output: terser inlines and folds what esbuild leaves (small helpers
 * called once, the parameters of the widgets' template modules), about 250 B gzip per widget. The
 * legal comment pointing to the licences is kept; `map` is esbuild's source map, carried through.
 */
async function squeeze(code: string, map?: string): Promise<{ code: string; map?: string }> {
  const result = await minify(code, {
    module: true,
    ecma: 2022,
    compress: { passes: 4, keep_fargs: false },
    format: { comments: /^!/, wrap_func_args: false },
    sourceMap: map ? { content: map, url: `${basename(BUNDLE_FILE)}.map` } : false,
  })
  return { code: result.code ?? '', map: typeof result.map === 'string' ? result.map : undefined }
}

/** An entry bundled alone, in memory and squeezed: a widget's define module, the shared core, the English words. */
async function bundleAlone(
  entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>,
  english = 'ganapati-en.js',
): Promise<string> {
  const result = await build({
    ...BUNDLE_OPTIONS,
    ...entry,
    plugins: [englishApart(english), minifyLitTemplates],
    write: false,
    legalComments: 'none',
  })
  return (await squeeze(result.outputFiles[0]?.text ?? '')).code
}

const aloneGzipBytes = async (entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>) =>
  gzipSize(Buffer.from(await bundleAlone(entry)))

/**
 * Writes the manifest generated from the JSDoc (`write`: `npm run build`, `npm start`), or fails
 * when the committed one differs (`check`: the tests' build), so a JSDoc change cannot land
 * without it. Either way the manifest is published next to the bundle. True when rewritten.
 */
async function syncManifest(mode: 'write' | 'check'): Promise<boolean> {
  const fresh = await customElementsManifest(root)
  const committed = await readFile(MANIFEST_FILE, 'utf8').catch(() => null)
  await writeFile(join(dirname(BUNDLE_FILE), 'custom-elements.json'), fresh)
  if (committed === fresh) return false
  if (mode === 'check') {
    throw new Error(
      `${relative(root, MANIFEST_FILE)} differs from the classes' JSDoc: run \`npm run build\`, which rewrites it, and commit it`,
    )
  }
  await writeFile(MANIFEST_FILE, fresh)
  return true
}

/**
 * Headers of the static assets on Cloudflare Workers (the Node server sets the same ones in
 * api/app.ts): any origin may load the bundle as a module script; pages run under the strict CSP
 * and the Permissions-Policy.
 */
export function workersHeadersFile(): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')
  // Cloudflare merges every rule that matches a path (a header set by two rules gets both values,
  // comma-joined), so /widgets/* only adds what it needs. Pages keep the Cache-Control Workers
  // gives static assets, the value the Node server sends (PAGE_CACHE_CONTROL).
  return `${[
    block('/*', { ...COMMON_HEADERS, ...PAGE_HEADERS }),
    block('/widgets/*', BUNDLE_HEADERS),
  ].join('\n')}\n`
}

/**
 * Bundles widgets/index.ts into one ES module and copies demo/ to the public root. Rejects when
 * the bundle is over the gzip budget, so `npm run build` and `npm test` (whose Web Test Runner
 * config builds first) both fail on it; the files stay written, to inspect.
 */
export async function buildWidgets({
  manifest = 'check',
}: { manifest?: 'write' | 'check' } = {}): Promise<BuildReport> {
  await rm(PUBLIC_DIR, { recursive: true, force: true })
  await mkdir(dirname(BUNDLE_FILE), { recursive: true })
  const englishCode = await bundleAlone({ entryPoints: [ENGLISH_ENTRY] })
  const english = `ganapati-en-${createHash('sha256').update(englishCode).digest('hex').slice(0, 10)}.js`
  await writeFile(join(dirname(BUNDLE_FILE), english), englishCode)
  const { outputFiles } = await build({
    ...BUNDLE_OPTIONS,
    plugins: [englishApart(english), minifyLitTemplates],
    entryPoints: [join(root, 'widgets', 'index.ts')],
    outfile: BUNDLE_FILE,
    sourcemap: 'linked',
    legalComments: 'linked',
    write: false,
  })
  const output = (ext: string) => outputFiles.find((file) => file.path.endsWith(ext))?.text
  const squeezed = await squeeze(output('.js') ?? '', output('.js.map'))
  for (const file of outputFiles) {
    const text = file.path.endsWith('.js')
      ? squeezed.code
      : file.path.endsWith('.js.map')
        ? (squeezed.map ?? file.text)
        : file.text
    await writeFile(file.path, text)
  }
  await cp(join(root, 'demo'), PUBLIC_DIR, { recursive: true })
  await writeFile(join(PUBLIC_DIR, '_headers'), workersHeadersFile())

  const code = await readFile(BUNDLE_FILE)
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`
  // Partners pin the bundle with <script integrity>: publish the hash next to it.
  await writeFile(`${BUNDLE_FILE}.sri`, `${integrity}\n`)
  const widgets = await Promise.all(
    WIDGET_BUDGETS.map(async ({ name, gzipBytes }) => ({
      name,
      gzipBytes: await aloneGzipBytes({ entryPoints: [join(root, 'widgets', name, 'define.ts')] }),
      budget: gzipBytes,
    })),
  )
  const over = widgets.filter((widget) => widget.gzipBytes > widget.budget)
  if (over.length > 0) {
    throw new Error(
      over
        .map(
          (widget) =>
            `${widget.name} with the core is ${widget.gzipBytes} B gzip, over its ${widget.budget} B budget by ${widget.gzipBytes - widget.budget} B`,
        )
        .join('\n'),
    )
  }
  const coreGzipBytes = await aloneGzipBytes({
    stdin: { contents: SHARED_CORE, resolveDir: join(root, 'widgets'), loader: 'ts' },
  })
  const manifestWritten = await syncManifest(manifest)
  return {
    bytes: code.length,
    gzipBytes: gzipSize(code),
    integrity,
    coreGzipBytes,
    english: { file: english, gzipBytes: gzipSize(Buffer.from(englishCode)) },
    widgets,
    manifestWritten,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const report = await buildWidgets({ manifest: 'write' })
    console.log(
      `${relative(root, BUNDLE_FILE)}  ${kb(report.bytes)} raw, ${kb(report.gzipBytes)} gzip`,
    )
    console.log(
      `  shared core (Lit, widgets/shared, common words) alone: ${report.coreGzipBytes} B gzip`,
    )
    console.log(
      `  English words (${report.english.file}, fetched by English pages only): ${report.english.gzipBytes} B gzip`,
    )
    for (const widget of report.widgets) {
      console.log(
        `  ${widget.name} with the core alone: ${widget.gzipBytes} B gzip (budget ${widget.budget} B)`,
      )
    }
    console.log(`integrity="${report.integrity}"`)
    if (report.manifestWritten) console.log(`${relative(root, MANIFEST_FILE)} rewritten: commit it`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
