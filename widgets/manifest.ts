/**
 * custom-elements.json from the widgets' class JSDoc (@custom-elements-manifest/analyzer with its
 * Lit plugins): the public API editors and catalogues read. Lit's `state: true` properties are
 * internal: the analyzer (0.11) would list them as attributes, so a plugin removes them.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import * as analyzer from '@custom-elements-manifest/analyzer'
// The Lit plugins the analyzer's CLI adds for `--litelement`; the package publishes no types for them.
// @ts-expect-error -- no declaration file for this module of the analyzer
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js'
import { format } from 'prettier'
import type * as TypeScript from 'typescript'
import type { Node, SourceFile } from 'typescript'

// index.js exports its own TypeScript (the syntax trees must come from it) and create(), which
// its index.d.ts leaves out.
const { create, ts } = analyzer as unknown as {
  create(options: { modules: SourceFile[]; plugins: unknown[] }): unknown
  ts: typeof TypeScript
}

interface Member {
  name: string
  kind?: string
  privacy?: string
  static?: boolean
}

interface Declaration {
  name: string
  kind?: string
  customElement?: boolean
  superclass?: { name: string }
  members?: Member[]
  attributes?: { name: string; fieldName?: string }[]
  events?: { name: string }[]
}

interface Manifest {
  modules: {
    path: string
    declarations?: Declaration[]
    exports?: { kind: string; name: string }[]
  }[]
}

/** Properties declared `{ state: true }` in a class's `static properties`, by class name. */
function statesOf(file: SourceFile, states: Map<string, Set<string>>): void {
  const visit = (node: Node) => {
    if (ts.isClassDeclaration(node) && node.name) {
      for (const member of node.members) {
        if (
          ts.isPropertyDeclaration(member) &&
          member.name.getText(file) === 'properties' &&
          member.initializer &&
          ts.isObjectLiteralExpression(member.initializer)
        ) {
          for (const property of member.initializer.properties) {
            const options = ts.isPropertyAssignment(property) ? property.initializer : null
            const state =
              options &&
              ts.isObjectLiteralExpression(options) &&
              options.properties.some(
                (option) =>
                  ts.isPropertyAssignment(option) &&
                  option.name.getText(file) === 'state' &&
                  option.initializer.kind === ts.SyntaxKind.TrueKeyword,
              )
            if (state) {
              const names = states.get(node.name.text) ?? new Set<string>()
              names.add(property.name!.getText(file))
              states.set(node.name.text, names)
            }
          }
        }
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
}

/**
 * The public API only: reactive states have no attribute and are not members, `#private` members
 * are left out, and so is the event `emit(name, …)` seems to dispatch (its name is a parameter).
 */
function publicApi(manifest: Manifest, states: Map<string, Set<string>>): Manifest {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      const names = states.get(declaration.name) ?? new Set<string>()
      declaration.attributes = declaration.attributes?.filter(
        (attribute) => !names.has(attribute.fieldName ?? attribute.name),
      )
      declaration.members = declaration.members?.filter(
        (member) =>
          !member.name.startsWith('#') &&
          !(member.kind === 'field' && !member.static && names.has(member.name)),
      )
      declaration.events = declaration.events?.filter((event) => event.name.startsWith('ganapati-'))
    }
    // defineElement(name, ctor) reads as a definition of a tag called `name`: tags come from @tagname.
    module.exports = module.exports?.filter(
      (entry) => entry.kind !== 'custom-element-definition' || entry.name.includes('-'),
    )
  }
  return manifest
}

/** Every TypeScript module of the widgets but the build's own. */
async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !/[\\/]widgets[\\/](build|manifest)\.ts$/.test(path))
    .sort()
}

/** The manifest of the widgets under `root`/widgets, formatted as Prettier would. */
export async function customElementsManifest(root: string): Promise<string> {
  const files = await sources(join(root, 'widgets'))
  const modules = await Promise.all(
    files.map(async (path) =>
      ts.createSourceFile(
        relative(root, path).split('\\').join('/'),
        await readFile(path, 'utf8'),
        ts.ScriptTarget.ES2022,
        true,
      ),
    ),
  )
  const states = new Map<string, Set<string>>()
  for (const module of modules) statesOf(module, states)
  const manifest = create({ modules, plugins: [...litPlugin()] }) as unknown as Manifest
  // The elements, their base class and where they are defined: the controllers and helpers of
  // the other modules are no public API.
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? [])
  const bases = new Set(
    declarations.flatMap((declaration) =>
      declaration.customElement && declaration.superclass ? [declaration.superclass.name] : [],
    ),
  )
  manifest.modules = manifest.modules.filter((module) =>
    module.declarations?.some(
      (declaration) => declaration.customElement || bases.has(declaration.name),
    ),
  )
  return format(JSON.stringify(publicApi(manifest, states)), { parser: 'json' })
}
