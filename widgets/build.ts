/** Builds the CDN bundle (`.build/public/widgets/ganapati.js`) and copies the demo site next to it. */
import { createHash } from 'node:crypto'
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform, type BuildOptions, type Plugin } from 'esbuild'
import ts from 'typescript'
import { BUNDLE_HEADERS, COMMON_HEADERS, PAGE_HEADERS } from '../api/middleware/response-headers'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const PUBLIC_DIR = join(root, '.build', 'public')
export const BUNDLE_FILE = join(PUBLIC_DIR, 'widgets', 'ganapati.js')
/**
 * Gzip budget of each widget bundled alone with Lit — what a page using only that widget pays. A
 * partner adds the script to every page, so each widget must stay light; the whole bundle is the
 * sum of the widgets plus one Lit, and is reported.
 */
const WIDGET_BUDGETS = [
  // Issue 2's aim: the finder with Lit in 15 KB gzip.
  { name: 'opco-finder', gzipBytes: 15 * 1024 },
  // No aim was set for the simulator: 16 KB, the finder's order of size with room for its forms.
  { name: 'funding-simulator', gzipBytes: 16 * 1024 },
  // Issue 4's aim: the booking widget with Lit in 16 KB gzip.
  { name: 'booking-link', gzipBytes: 16 * 1024 },
]

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
const minifyLitTemplates: Plugin = {
  name: 'minify-lit-templates',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]widgets[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8')
      const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true)
      const edits: Edit[] = []
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
          const { template } = node
          if (node.tag.text === 'css' && ts.isNoSubstitutionTemplateLiteral(template)) {
            const start = template.getStart(file) + 1
            const end = template.end - 1
            edits.push({
              start,
              end,
              text: async () => {
                const css = source.slice(start, end)
                return (await transform(css, { loader: 'css', minify: true })).code.trim()
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
  widgets: { name: string; gzipBytes: number; budget: number }[]
}

const gzipSize = (code: Uint8Array) => gzipSync(code, { level: 9 }).length

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

/** Size of one widget's define module bundled alone, in memory. */
async function widgetGzipBytes(name: string): Promise<number> {
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [join(root, 'widgets', name, 'define.ts')],
    write: false,
    legalComments: 'none',
  })
  return gzipSize(result.outputFiles[0]?.contents ?? new Uint8Array())
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
export async function buildWidgets(): Promise<BuildReport> {
  await rm(PUBLIC_DIR, { recursive: true, force: true })
  await mkdir(dirname(BUNDLE_FILE), { recursive: true })
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [join(root, 'widgets', 'index.ts')],
    outfile: BUNDLE_FILE,
    sourcemap: 'linked',
    legalComments: 'linked',
  })
  await cp(join(root, 'demo'), PUBLIC_DIR, { recursive: true })
  await writeFile(join(PUBLIC_DIR, '_headers'), workersHeadersFile())

  const code = await readFile(BUNDLE_FILE)
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`
  // Partners pin the bundle with <script integrity>: publish the hash next to it.
  await writeFile(`${BUNDLE_FILE}.sri`, `${integrity}\n`)
  const widgets = await Promise.all(
    WIDGET_BUDGETS.map(async ({ name, gzipBytes }) => ({
      name,
      gzipBytes: await widgetGzipBytes(name),
      budget: gzipBytes,
    })),
  )
  const over = widgets.filter((widget) => widget.gzipBytes > widget.budget)
  if (over.length > 0) {
    throw new Error(
      over
        .map(
          (widget) =>
            `${widget.name} with Lit is ${widget.gzipBytes} B gzip, over its ${widget.budget} B budget by ${widget.gzipBytes - widget.budget} B`,
        )
        .join('\n'),
    )
  }
  return { bytes: code.length, gzipBytes: gzipSize(code), integrity, widgets }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const report = await buildWidgets()
    console.log(
      `${relative(root, BUNDLE_FILE)}  ${kb(report.bytes)} raw, ${kb(report.gzipBytes)} gzip`,
    )
    for (const widget of report.widgets) {
      console.log(
        `  ${widget.name} + Lit alone: ${widget.gzipBytes} B gzip (budget ${widget.budget} B)`,
      )
    }
    console.log(`integrity="${report.integrity}"`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
