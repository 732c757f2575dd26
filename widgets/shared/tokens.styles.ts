/** Design tokens: every `--ganapati-*` custom property a host page may override, with its default. */
import { css } from 'lit'

export const tokens = css`
  :host {
    --ganapati-color-primary: #2446c7;
    --ganapati-color-primary-hover: #1a36a0;
    --ganapati-color-on-primary: #fff;
    --ganapati-color-text: #1b1f2a;
    --ganapati-color-muted: #4a5263;
    --ganapati-color-surface: #fff;
    --ganapati-color-surface-alt: #f4f6fb;
    --ganapati-color-border: #cfd5e1;
    --ganapati-color-focus: #1f6feb;
    --ganapati-color-success: #14532d;
    --ganapati-color-success-bg: #dcf5e3;
    --ganapati-color-warning: #7a3d07;
    --ganapati-color-warning-bg: #fdf0d5;
    --ganapati-color-danger: #8f1d12;
    --ganapati-color-danger-bg: #fde6e3;
    --ganapati-radius: 12px;
    --ganapati-radius-small: 8px;
    /* Every browser that runs the bundle (container queries, :has()) has system-ui. */
    --ganapati-font-family: system-ui, sans-serif;
    --ganapati-font-size: 1rem;
    --ganapati-spacing: 1rem;
    --ganapati-shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 8px 24px rgb(16 24 40 / 8%);

    display: block;
    box-sizing: border-box;
    color: var(--ganapati-color-text);
    font-family: var(--ganapati-font-family);
    font-size: var(--ganapati-font-size);
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /* Out of the flow and clipped to nothing, yet read by screen readers; used on unstyled spans and divs. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`
