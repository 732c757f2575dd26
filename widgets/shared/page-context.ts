/** The page's context: the `ganapati-*` events one widget emits and the others on the page listen to. */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { GanapatiEventDetail, GanapatiEventName, OpcoContext } from './events'

export type ContextHandlers = {
  [K in GanapatiEventName]?: (
    detail: K extends 'ganapati-opco-found' ? OpcoContext : GanapatiEventDetail<K>,
  ) => void
}

/**
 * Listens on the document, while the host is connected, to the events it names: a finder's
 * `ganapati-opco-found`, a simulator's `ganapati-simulation-change`… (they bubble and are composed,
 * so they reach the document from any shadow root). A `ganapati-opco-cleared` calls the
 * `ganapati-opco-found` handler with nothing found, so no widget keeps the previous company's
 * OPCO, IDCC or SIRET after a search that found none.
 */
export class PageContextController implements ReactiveController {
  readonly #listeners: [GanapatiEventName, EventListener][]

  constructor(host: ReactiveControllerHost, handlers: ContextHandlers) {
    const found = handlers['ganapati-opco-found']
    if (found) handlers['ganapati-opco-cleared'] = () => found({})
    this.#listeners = Object.entries(handlers).map(([name, handle]) => [
      name as GanapatiEventName,
      (event: Event) => (handle as (detail: unknown) => void)((event as CustomEvent).detail),
    ])
    host.addController(this)
  }

  hostConnected(): void {
    for (const [name, listener] of this.#listeners) document.addEventListener(name, listener)
  }

  hostDisconnected(): void {
    for (const [name, listener] of this.#listeners) document.removeEventListener(name, listener)
  }
}
