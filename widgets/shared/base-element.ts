/** Base class of the Ganapati widgets: one emit() path and a define that tolerates double loading. */
import { LitElement } from 'lit'
import type { GanapatiEventDetail, GanapatiEventName } from './events'

export class GanapatiElement extends LitElement {
  /** Dispatches a public event; bubbles and composed so it crosses shadow roots to the host page. */
  protected emit<K extends GanapatiEventName>(name: K, detail: GanapatiEventDetail<K>): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }))
  }
}

/** Registers a tag unless already taken: a page (or an SPA route) may load the bundle twice. */
export function defineElement(name: string, ctor: CustomElementConstructor): void {
  customElements.get(name) ?? customElements.define(name, ctor)
}
