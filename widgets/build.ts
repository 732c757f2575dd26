/** Builds the CDN bundle (`.build/public/widgets/ganapati.js`) and copies the demo site next to it. */
import { createHash } from 'node:crypto'
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform, type Plugin } from 'esbuild'
import ts from 'typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const PUBLIC_DIR = join(root, '.build', 'public')
export const BUNDLE_FILE = join(PUBLIC_DIR, 'widgets', 'ganapati.js')
// Finder + Lit: a partner adds one script to every page, so it must stay light.
const GZIP_BUDGET_BYTES = 15 * 1024

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
    entryPoints: [join(root, 'widgets', 'index.ts')],
    outfile: BUNDLE_FILE,
    bundle: true,
    format: 'esm',
    minify: true,
    // Keep the widgets free of TC39 decorators: at es2022 esbuild lowers them (1.8 KB gzip for the
    // finder alone) and shipped raw, as esnext would, Chromium rejects them.
    target: 'es2022',
    sourcemap: 'linked',
    legalComments: 'linked',
    // Module scripts are always decoded as UTF-8; escaping every « é » would cost bytes.
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [minifyLitTemplates],
  })
  await cp(join(root, 'demo'), PUBLIC_DIR, { recursive: true })

  const code = await readFile(BUNDLE_FILE)
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`
  // Partners pin the bundle with <script integrity>: publish the hash next to it.
  await writeFile(`${BUNDLE_FILE}.sri`, `${integrity}\n`)
  const gzipBytes = gzipSync(code, { level: 9 }).length
  if (gzipBytes > GZIP_BUDGET_BYTES) {
    throw new Error(
      `${relative(root, BUNDLE_FILE)} is ${gzipBytes} B gzip (${kb(code.length)} raw), over the ${GZIP_BUDGET_BYTES} B gzip budget by ${gzipBytes - GZIP_BUDGET_BYTES} B`,
    )
  }
  return { bytes: code.length, gzipBytes, integrity }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const report = await buildWidgets()
    console.log(
      `${relative(root, BUNDLE_FILE)}  ${kb(report.bytes)} raw, ${kb(report.gzipBytes)} gzip (${report.gzipBytes} B, budget ${GZIP_BUDGET_BYTES} B)`,
    )
    console.log(`integrity="${report.integrity}"`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
