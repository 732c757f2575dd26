/** Styles every widget shares: the panel, labels, fields, buttons, links, notices and focus rings. */
import { css } from 'lit'
import { tokens } from './tokens.styles'

const controls = css`
  :host {
    container-type: inline-size;
  }

  /* The widget's panel: its root, part="base". */
  .base {
    padding: calc(var(--_spacing) * 1.5);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }

  p,
  h2,
  h3,
  ul,
  ol {
    margin: 0;
  }

  h2 {
    font-size: 1.1875rem;
    line-height: 1.35;
  }

  .muted {
    color: var(--_color-muted);
    font-size: 0.9375rem;
  }

  .label {
    font-size: 0.9375rem;
    font-weight: 600;
  }

  .input {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    color: inherit;
    font: inherit;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }

  .input:focus {
    border-color: var(--_color-primary);
  }

  /* A long value in a narrow column (a diploma level, chosen or preset) ends with « … » rather
     than a cut word; the whole value is read out, and shown once focused or opened. */
  .input {
    text-overflow: ellipsis;
  }

  /* Headings and messages that take focus by script (tabindex="-1") set outline: none themselves. */
  :focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75rem;
    padding: 0.5rem 1.125rem;
    color: var(--_color-on-primary);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    background: var(--_color-primary);
    border: 1px solid var(--_color-primary);
    border-radius: var(--_radius-small);
    cursor: pointer;
  }

  .button:hover {
    background: var(--_color-primary-hover);
    border-color: var(--_color-primary-hover);
  }

  .button--secondary {
    color: var(--_color-primary);
    background: var(--_color-surface);
  }

  .button--secondary:hover {
    color: var(--_color-on-primary);
  }

  .link {
    color: var(--_color-primary);
    font-weight: 600;
    text-underline-offset: 0.2em;
  }

  .link:hover {
    color: var(--_color-primary-hover);
  }

  .notice {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding: 0.75rem 1rem;
    background: var(--_color-surface-alt);
    border-left: 4px solid var(--_color-primary);
    border-radius: var(--_radius-small);
  }

  .notice--error {
    color: var(--_color-danger);
    background: var(--_color-danger-bg);
    border-left-color: var(--_color-danger);
  }

  @container (max-width: 34rem) {
    .base {
      padding: var(--_spacing);
    }
  }
`

/** The first styles of every widget, before its own: `static styles = [sharedStyles, styles]`. */
export const sharedStyles = [tokens, controls]
