/** Styles of <ganapati-funding-simulator>: adopted stylesheets only, so a strict CSP (`style-src 'self'`) holds. */
import { css } from 'lit'
import { tokens } from '../shared/tokens.styles'

export const styles = [
  tokens,
  css`
    :host {
      --ganapati-color-opco: var(--ganapati-color-primary);
      --ganapati-color-employer: #b45309;
      --ganapati-color-state: #15803d;

      container-type: inline-size;
    }

    .base {
      display: grid;
      gap: calc(var(--ganapati-spacing) * 1.25);
      padding: calc(var(--ganapati-spacing) * 1.5);
      background: var(--ganapati-color-surface);
      border: 1px solid var(--ganapati-color-border);
      border-radius: var(--ganapati-radius);
      box-shadow: var(--ganapati-shadow);
    }

    p,
    h2,
    h3,
    dl,
    dd,
    ul,
    .annex {
      margin: 0;
    }

    ul,
    .annex {
      padding: 0;
      list-style: none;
    }

    h2 {
      font-size: 1.1875rem;
      line-height: 1.35;
    }

    h3 {
      font-size: 0.9375rem;
    }

    .form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      gap: var(--ganapati-spacing);
      align-items: end;
    }

    /* The frais annexes: a fieldset laid out as the form, across its width. */
    .annex {
      border: 0;
    }

    .field {
      display: grid;
      gap: 0.375rem;
    }

    .field--check {
      grid-template-columns: auto 1fr;
      align-items: start;
      align-self: center;
    }

    .label {
      font-size: 0.9375rem;
      font-weight: 600;
    }

    .field--check .label {
      font-weight: 400;
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

    .input:focus {
      border-color: var(--ganapati-color-primary);
    }

    .input[readonly] {
      background: var(--ganapati-color-surface-alt);
      border-style: dashed;
    }

    .input[aria-invalid='true'] {
      border-color: var(--ganapati-color-danger);
    }

    .checkbox {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0.125rem 0 0;
      accent-color: var(--ganapati-color-primary);
    }

    .input:focus-visible,
    .checkbox:focus-visible,
    .button:focus-visible,
    .link:focus-visible {
      outline: 3px solid var(--ganapati-color-focus);
      outline-offset: 2px;
    }

    .error {
      color: var(--ganapati-color-danger);
      font-size: 0.875rem;
      font-weight: 600;
    }

    .error,
    .hint,
    .source,
    .annex {
      grid-column: 1 / -1;
    }

    .muted {
      color: var(--ganapati-color-muted);
      font-size: 0.875rem;
    }

    .results {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(19rem, 1fr));
      gap: var(--ganapati-spacing);
    }

    .result {
      display: grid;
      gap: var(--ganapati-spacing);
      align-content: start;
      padding: var(--ganapati-spacing);
      border: 1px solid var(--ganapati-color-border);
      border-radius: var(--ganapati-radius);
    }

    .amounts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
      gap: 0.5rem;
    }

    .amount {
      padding: 0.625rem 0.75rem;
      background: var(--ganapati-color-surface-alt);
      border-top: 4px solid var(--ganapati-color-border);
      border-radius: var(--ganapati-radius-small);
    }

    .amount dt {
      color: var(--ganapati-color-muted);
      font-size: 0.8125rem;
      font-weight: 600;
    }

    .amount dd {
      font-size: 1.375rem;
      font-weight: 750;
      font-variant-numeric: tabular-nums;
    }

    .amount--opco {
      border-top-color: var(--ganapati-color-opco);
    }

    .amount--employer {
      border-top-color: var(--ganapati-color-employer);
    }

    .amount--state {
      border-top-color: var(--ganapati-color-state);
    }

    .chart {
      width: 100%;
      max-width: 30rem;
      height: auto;
    }

    .chart text {
      fill: currentColor;
      font-size: 13px;
      font-weight: 600;
    }

    .bar--opco {
      fill: var(--ganapati-color-opco);
    }

    .bar--employer {
      fill: var(--ganapati-color-employer);
    }

    .bar--state {
      fill: var(--ganapati-color-state);
    }

    .warnings {
      display: grid;
      gap: 0.375rem;
      padding: 0.75rem 1rem;
      color: var(--ganapati-color-warning);
      background: var(--ganapati-color-warning-bg);
      border-left: 4px solid var(--ganapati-color-warning);
      border-radius: var(--ganapati-radius-small);
      overflow-wrap: anywhere;
    }

    .warnings .link {
      color: inherit;
    }

    .line {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.125rem 0.75rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--ganapati-color-border);
    }

    .line-amount {
      font-variant-numeric: tabular-nums;
      text-align: end;
    }

    .payer {
      font-size: 0.8125rem;
      font-weight: 700;
    }

    .payer--opco {
      color: var(--ganapati-color-opco);
    }

    .notice {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
      padding: 0.75rem 1rem;
      background: var(--ganapati-color-surface-alt);
      border-left: 4px solid var(--ganapati-color-primary);
      border-radius: var(--ganapati-radius-small);
    }

    .notice--error {
      color: var(--ganapati-color-danger);
      background: var(--ganapati-color-danger-bg);
      border-left-color: var(--ganapati-color-danger);
    }

    .button {
      min-height: 2.75rem;
      padding: 0.5rem 1.125rem;
      color: var(--ganapati-color-on-primary);
      font: inherit;
      font-weight: 600;
      background: var(--ganapati-color-primary);
      border: 1px solid var(--ganapati-color-primary);
      border-radius: var(--ganapati-radius-small);
      cursor: pointer;
    }

    .button:hover {
      background: var(--ganapati-color-primary-hover);
    }

    .link {
      color: var(--ganapati-color-primary);
      font-weight: 600;
      text-underline-offset: 0.2em;
    }

    .share {
      display: grid;
      gap: 0.375rem;
    }

    .share-row {
      display: flex;
      gap: 0.5rem;
    }

    .share-row .button {
      flex: none;
    }

    @container (max-width: 34rem) {
      .base {
        padding: var(--ganapati-spacing);
      }

      .share-row {
        flex-direction: column;
      }
    }

    /* A printed simulation: the figures and their sources, the values entered, no controls. */
    @media print {
      .base {
        padding: 0;
        border: 0;
        box-shadow: none;
      }

      .input {
        min-height: 0;
        padding: 0;
        border: 0;
        appearance: none;
      }

      .hint,
      .share,
      .button {
        display: none;
      }

      .result {
        break-inside: avoid;
      }

      .source .link::after {
        content: ' (' attr(href) ')';
        font-weight: 400;
        overflow-wrap: anywhere;
      }
    }
  `,
]
