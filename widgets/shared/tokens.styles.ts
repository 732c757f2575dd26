/**
 * Design tokens: every `--ganapati-*` custom property a host page may set, on the element or on any
 * ancestor (`:root` included), read through a private `--_*` twin that holds the default. A
 * default declared under the public name on `:host` would hide the page's inherited value.
 */
import { css } from 'lit'

/** The dark palette, for `theme="dark"`, and for `theme="auto"` when the visitor's system is dark. */
const dark = css`
  --_color-primary: var(--ganapati-color-primary, #9db2ff);
  --_color-primary-hover: var(--ganapati-color-primary-hover, #c0cdff);
  --_color-on-primary: var(--ganapati-color-on-primary, #0b1020);
  --_color-text: var(--ganapati-color-text, #e7eaf1);
  --_color-muted: var(--ganapati-color-muted, #aeb6c6);
  --_color-surface: var(--ganapati-color-surface, #161b26);
  --_color-surface-alt: var(--ganapati-color-surface-alt, #202736);
  /* 3.6:1 on the soft surface: a field's edge stays visible (WCAG 1.4.11). */
  --_color-border: var(--ganapati-color-border, #737d98);
  --_color-focus: var(--ganapati-color-focus, #8ab4ff);
  --_color-success: var(--ganapati-color-success, #8ee6ab);
  --_color-success-bg: var(--ganapati-color-success-bg, #12301f);
  --_color-warning: var(--ganapati-color-warning, #f7cf6b);
  --_color-warning-bg: var(--ganapati-color-warning-bg, #36290c);
  --_color-danger: var(--ganapati-color-danger, #ffaba3);
  --_color-danger-bg: var(--ganapati-color-danger-bg, #3d1714);
  --_shadow: var(--ganapati-shadow, 0 1px 2px rgb(0 0 0 / 40%), 0 8px 24px rgb(0 0 0 / 35%));

  color-scheme: var(--ganapati-color-scheme, dark);
`

export const tokens = css`
  :host {
    --_color-primary: var(--ganapati-color-primary, #2446c7);
    --_color-primary-hover: var(--ganapati-color-primary-hover, #1a36a0);
    --_color-on-primary: var(--ganapati-color-on-primary, #fff);
    --_color-text: var(--ganapati-color-text, #1b1f2a);
    --_color-muted: var(--ganapati-color-muted, #4a5263);
    --_color-surface: var(--ganapati-color-surface, #fff);
    --_color-surface-alt: var(--ganapati-color-surface-alt, #f4f6fb);
    --_color-border: var(--ganapati-color-border, #cfd5e1);
    --_color-focus: var(--ganapati-color-focus, #1f6feb);
    --_color-success: var(--ganapati-color-success, #14532d);
    --_color-success-bg: var(--ganapati-color-success-bg, #dcf5e3);
    --_color-warning: var(--ganapati-color-warning, #7a3d07);
    --_color-warning-bg: var(--ganapati-color-warning-bg, #fdf0d5);
    --_color-danger: var(--ganapati-color-danger, #8f1d12);
    --_color-danger-bg: var(--ganapati-color-danger-bg, #fde6e3);
    --_radius: var(--ganapati-radius, 12px);
    --_radius-small: var(--ganapati-radius-small, 8px);
    /* Every browser that runs the bundle (container queries, :has()) has system-ui. */
    --_font-family: var(--ganapati-font-family, system-ui, sans-serif);
    --_font-size: var(--ganapati-font-size, 1rem);
    --_spacing: var(--ganapati-spacing, 1rem);
    --_shadow: var(--ganapati-shadow, 0 1px 2px rgb(16 24 40 / 6%), 0 8px 24px rgb(16 24 40 / 8%));

    /* Native controls (select lists, date pickers, scrollbars) follow the palette. */
    color-scheme: var(--ganapati-color-scheme, light);
    display: block;
    box-sizing: border-box;
    color: var(--_color-text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.5;
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
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
