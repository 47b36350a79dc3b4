/** Markdown helpers for tree tooltips: escaping, a key/value table, " · "-joined descriptions. */

export const md = (s: string | number | undefined): string =>
  String(s ?? '—').replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
export const row = (k: string, v: string | number | boolean | undefined): string =>
  v === undefined || v === '' ? '' : `| ${k} | ${md(String(v))} |\n`;
export const table = (title: string, rows: string[]): string =>
  `**${md(title)}**\n\n| | |\n|---|---|\n${rows.join('')}`;
export const join = (parts: Array<string | undefined | false>): string | undefined =>
  parts.filter(Boolean).join(' · ') || undefined;
