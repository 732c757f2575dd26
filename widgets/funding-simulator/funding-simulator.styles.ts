/** Styles of <ganapati-funding-simulator>, after the shared ones: adopted stylesheets only, so a strict CSP (`style-src 'self'`) holds. */
import { css } from 'lit'

export const styles = css`
  :host {
    --_color-opco: var(--ganapati-color-opco, var(--_color-primary));
    --_color-employer: var(--ganapati-color-employer, #b45309);
    --_color-state: var(--ganapati-color-state, #15803d);
  }

  .base {
    display: grid;
    gap: calc(var(--_spacing) * 1.25);
  }

  ul,
  dl,
  dd,
  .annex {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h3 {
    font-size: 0.9375rem;
  }

  .form {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(15rem, 100%), 1fr));
    gap: var(--_spacing);
    align-items: end;
  }

  /*
   * The frais annexes: a fieldset laid out as the form, across its width, set apart from the boxes
   * above by a rule. A floated legend is a grid item like the fields, so the grid's gap holds
   * between it and them, and the rule is not cut by it.
   */
  .annex {
    padding-top: var(--_spacing);
    border: 0;
    border-top: 1px solid var(--_color-border);
  }

  .annex legend {
    float: left;
    grid-column: 1 / -1;
    padding: 0;
    font-size: 1rem;
  }

  /* In compare mode, the scheme a field is for: a tag on its own line under the label. */
  .only {
    display: table;
    margin-top: 0.25rem;
    padding: 0 0.5rem;
    color: var(--_color-muted);
    font-size: 0.8125rem;
    font-weight: 600;
    background: var(--_color-surface-alt);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }

  .print-header {
    display: none;
  }

  .field--check {
    grid-template-columns: auto 1fr;
    align-items: start;
    align-self: center;
  }

  .field--check .label {
    font-weight: 400;
  }

  .input[readonly] {
    background: var(--_color-surface-alt);
    border-style: dashed;
  }

  .checkbox {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_color-primary);
  }

  .error,
  .hint,
  .source,
  .annex {
    grid-column: 1 / -1;
  }

  .muted {
    font-size: 0.875rem;
  }

  .results {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(19rem, 100%), 1fr));
    gap: var(--_spacing);
  }

  .result {
    display: grid;
    gap: var(--_spacing);
    align-content: start;
    padding: var(--_spacing);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }

  .amounts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: 0.5rem;
  }

  .amount {
    padding: 0.625rem 0.75rem;
    background: var(--_color-surface-alt);
    border-top: 4px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }

  .amount dt {
    color: var(--_color-muted);
    font-size: 0.8125rem;
    font-weight: 600;
  }

  .amount dd {
    font-size: 1.375rem;
    font-weight: 750;
    font-variant-numeric: tabular-nums;
  }

  .amount--opco {
    border-top-color: var(--_color-opco);
  }

  .amount--employer {
    border-top-color: var(--_color-employer);
  }

  .amount--state {
    border-top-color: var(--_color-state);
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
    fill: var(--_color-opco);
  }

  .bar--employer {
    fill: var(--_color-employer);
  }

  .bar--state {
    fill: var(--_color-state);
  }

  .warnings {
    display: grid;
    gap: 0.375rem;
    padding: 0.75rem 1rem;
    color: var(--_color-warning);
    background: var(--_color-warning-bg);
    border-left: 4px solid var(--_color-warning);
    border-radius: var(--_radius-small);
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
    border-bottom: 1px solid var(--_color-border);
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
    color: var(--_color-opco);
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
    .share-row {
      flex-direction: column;
    }

    /* The chart scales down with the panel: larger type keeps its labels at 12 px or more. */
    .chart text {
      font-size: 18px;
    }
  }

  /*
   * A printed simulation: a title and the day it was made, the values entered, the figures and
   * their sources; no controls, and no field left empty.
   */
  @media print {
    .base {
      padding: 0;
      border: 0;
      box-shadow: none;
    }

    .print-header {
      display: block;
    }

    /* Two columns on a sheet: a value is printed whole, never cut at its box's end. */
    .form {
      grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr));
    }

    /* Two classes outweigh the read-only selector: a preset loses its frame too. */
    .field .input {
      min-height: 0;
      padding: 0;
      background: none;
      border: 0;
      appearance: none;
    }

    .hint,
    .share,
    .button,
    .field--empty,
    .annex:not(:has(.field:not(.field--empty))),
    ::-webkit-calendar-picker-indicator {
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
`
