/** Styles of <ganapati-booking-link>: adopted stylesheets only, so a strict CSP (`style-src 'self'`) holds. */
import { css } from 'lit'
import { tokens } from '../shared/tokens.styles'

export const styles = [
  tokens,
  css`
    :host {
      container-type: inline-size;
    }

    .base,
    .body,
    .form,
    .confirmation,
    .notice {
      display: grid;
      gap: var(--ganapati-spacing);
      align-content: start;
    }

    .base {
      padding: calc(var(--ganapati-spacing) * 1.5);
      background: var(--ganapati-color-surface);
      border: 1px solid var(--ganapati-color-border);
      border-radius: var(--ganapati-radius);
      box-shadow: var(--ganapati-shadow);
    }

    /* Link mode is a call to action: no panel around the button. */
    .base--link {
      justify-items: start;
      padding: 0;
      background: none;
      border: 0;
      box-shadow: none;
    }

    p,
    h2,
    h3,
    ul {
      margin: 0;
    }

    .title {
      font-size: 1.1875rem;
      line-height: 1.35;
    }

    .step {
      font-size: 1rem;
    }

    .title:focus,
    .step:focus,
    .notice:focus,
    .confirmation-title:focus {
      outline: none;
    }

    .muted {
      color: var(--ganapati-color-muted);
      font-size: 0.9375rem;
    }

    .days,
    .slots {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
      gap: 0.5rem;
    }

    .slots {
      grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr));
    }

    .choice {
      display: grid;
      gap: 0.125rem;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      color: inherit;
      font: inherit;
      text-align: start;
      background: var(--ganapati-color-surface);
      border: 1px solid var(--ganapati-color-border);
      border-radius: var(--ganapati-radius-small);
      cursor: pointer;
    }

    .choice:hover {
      border-color: var(--ganapati-color-primary);
    }

    /* Styled from aria-pressed, so what is seen is what assistive technologies are told. */
    .choice[aria-pressed='true'] {
      color: var(--ganapati-color-on-primary);
      background: var(--ganapati-color-primary);
      border-color: var(--ganapati-color-primary);
    }

    .choice-main {
      font-weight: 650;
      font-variant-numeric: tabular-nums;
    }

    .choice-aside {
      font-size: 0.8125rem;
    }

    .pager,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      align-items: center;
    }

    .form {
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      padding-top: var(--ganapati-spacing);
      border-top: 1px solid var(--ganapati-color-border);
    }

    .form > :not(.field),
    .field--wide {
      grid-column: 1 / -1;
    }

    .form > .button {
      justify-self: start;
    }

    .call {
      font-weight: 650;
    }

    .field {
      display: grid;
      gap: 0.375rem;
      align-content: start;
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
      background: var(--ganapati-color-surface);
      border: 1px solid var(--ganapati-color-border);
      border-radius: var(--ganapati-radius-small);
    }

    textarea.input {
      resize: vertical;
    }

    .input:focus {
      border-color: var(--ganapati-color-primary);
    }

    .input[aria-invalid='true'] {
      border-color: var(--ganapati-color-danger);
    }

    .error {
      color: var(--ganapati-color-danger);
      font-size: 0.875rem;
      font-weight: 600;
    }

    .choice:focus-visible,
    .input:focus-visible,
    .button:focus-visible {
      outline: 3px solid var(--ganapati-color-focus);
      outline-offset: 2px;
    }

    .summary,
    .notice {
      padding: 0.75rem 1rem;
      background: var(--ganapati-color-surface-alt);
      border-left: 4px solid var(--ganapati-color-primary);
      border-radius: var(--ganapati-radius-small);
    }

    .summary {
      font-size: 0.9375rem;
    }

    .summary-title {
      font-weight: 600;
    }

    .summary ul {
      padding-left: 1.25rem;
      overflow-wrap: anywhere;
    }

    .notice {
      gap: 0.5rem;
      justify-items: start;
    }

    .notice--error {
      color: var(--ganapati-color-danger);
      background: var(--ganapati-color-danger-bg);
      border-left-color: var(--ganapati-color-danger);
    }

    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-height: 2.75rem;
      padding: 0.5rem 1.125rem;
      color: var(--ganapati-color-on-primary);
      font: inherit;
      font-weight: 600;
      text-decoration: none;
      background: var(--ganapati-color-primary);
      border: 1px solid var(--ganapati-color-primary);
      border-radius: var(--ganapati-radius-small);
      cursor: pointer;
    }

    .button:hover {
      background: var(--ganapati-color-primary-hover);
      border-color: var(--ganapati-color-primary-hover);
    }

    .button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.75;
    }

    .button--secondary {
      color: var(--ganapati-color-primary);
      background: var(--ganapati-color-surface);
    }

    .button--secondary:hover {
      color: var(--ganapati-color-on-primary);
    }

    .button--danger {
      background: var(--ganapati-color-danger);
      border-color: var(--ganapati-color-danger);
    }

    .confirmation {
      padding: var(--ganapati-spacing);
      background: var(--ganapati-color-success-bg);
      border-left: 4px solid var(--ganapati-color-success);
      border-radius: var(--ganapati-radius-small);
    }

    .confirmation-title {
      color: var(--ganapati-color-success);
      font-size: 1.125rem;
    }

    .confirmation--cancelled {
      background: var(--ganapati-color-surface-alt);
      border-left-color: var(--ganapati-color-muted);
    }

    .confirmation--cancelled .confirmation-title {
      color: inherit;
    }

    @container (max-width: 34rem) {
      .base:not(.base--link) {
        padding: var(--ganapati-spacing);
      }
    }
  `,
]
