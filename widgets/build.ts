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

interface Edit {
  start: number
  end: number
  text: () => Promise<string>
}

/**
 * esbuild minifies code, not the text of Lit's tagged templates: css`` goes through esbuild's CSS
 * minifier, html`` loses its indentation (HTML folds any whitespace run to one space anyway).
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
              edits.push({ start, end, text: async () => raw.replace(/\s*\n\s*/g, ' ') })
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

/** Bundles widgets/index.ts into one ES module and copies demo/ to the public root. */
export async function buildWidgets(): Promise<BuildReport> {
  await rm(PUBLIC_DIR, { recursive: true, force: true })
  await mkdir(dirname(BUNDLE_FILE), { recursive: true })
  await build({
    entryPoints: [join(root, 'widgets', 'index.ts')],
    outfile: BUNDLE_FILE,
    bundle: true,
    format: 'esm',
    minify: true,
    // es2022 lowers the TC39 decorators; esnext would ship them raw and Chromium rejects them.
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
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, integrity }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const report = await buildWidgets()
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  console.log(
    `${relative(root, BUNDLE_FILE)}  ${kb(report.bytes)} raw, ${kb(report.gzipBytes)} gzip (budget ${kb(GZIP_BUDGET_BYTES)} gzip)`,
  )
  console.log(`integrity="${report.integrity}"`)
  if (report.gzipBytes > GZIP_BUDGET_BYTES) {
    console.warn(`warning: over the gzip budget by ${kb(report.gzipBytes - GZIP_BUDGET_BYTES)}`)
  }
}
