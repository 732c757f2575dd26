/** Focus moved after a render to what replaced the control the visitor was on, so it never falls to <body>. */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export class FocusAfterRender implements ReactiveController {
  readonly #host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }
  /** Selector of the element to focus after the next render; null: focus stays. */
  next: string | null = null

  constructor(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host
    host.addController(this)
  }

  hostUpdated(): void {
    if (this.next) {
      this.#host.renderRoot.querySelector<HTMLElement>(this.next)?.focus()
      this.next = null
    }
  }
}
