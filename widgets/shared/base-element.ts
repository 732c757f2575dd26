/** Base class of the Ganapati widgets: the `api` and `lang` attributes, one emit() path, and a define that tolerates double loading. */
import { LitElement, type PropertyDeclarations } from 'lit'
import { scriptOrigin } from './api-client'
import type { GanapatiEventDetail, GanapatiEventName } from './events'
import { langOf, loadEnglish } from './localize'

export class GanapatiElement extends LitElement {
  // `static properties` rather than decorators: esbuild lowers TC39 decorators at es2022 into
  // helpers and per-field code, 1.8 KB gzip for the finder alone. Fields are `declare`d and set in
  // the constructor because, with useDefineForClassFields, a class field would shadow Lit's
  // accessor. A subclass's `properties` add to these.
  static override properties: PropertyDeclarations = {
    api: {},
    locale: { attribute: 'lang' },
    // Reflected: the palette is chosen by `:host([theme=…])`, and frameworks set properties.
    theme: { reflect: true },
  }

  /**
   * Ganapati API: an http(s) origin, with a path prefix if the API is served under one
   * (`https://x.example/ganapati`); by default, and for anything else, the script's origin.
   */
  declare api: string
  /** Interface language (`lang` attribute): `fr` or `en`; without it, the page's `<html lang>`, else French. */
  declare locale?: string | null
  /**
   * Palette: light by default, `dark`, or `auto` to follow the visitor's system
   * (`prefers-color-scheme`); the `--ganapati-*` properties the page sets win over either.
   */
  declare theme?: 'light' | 'dark' | 'auto'

  constructor() {
    super()
    this.api = scriptOrigin
  }

  /**
   * An English element renders once the English words are loaded, or given up after a few
   * seconds (then in French): no French flash, and `updateComplete` resolves on the English
   * rendering. Once settled, the wait costs nothing.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (langOf(this) === 'en') await loadEnglish()
    super.scheduleUpdate()
  }

  /**
   * Dispatches a public event (the widget's controllers do too); bubbles and composed so it
   * crosses shadow roots to the host page.
   */
  emit<K extends GanapatiEventName>(name: K, detail: GanapatiEventDetail<K>): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }))
  }
}

/** Registers a tag unless already taken: a page (or an SPA route) may load the bundle twice. */
export function defineElement(name: string, ctor: CustomElementConstructor): void {
  customElements.get(name) ?? customElements.define(name, ctor)
}
