/** The layout of dist/cli.js (written by scripts/cliBundle.mjs, read by boot.ts): where each part is. */

/** Where the parts of dist/cli.js are: [start, end) offsets of the bundle's source and of each asset. */
export interface Layout {
  bundle: [number, number];
  assets: Record<string, [number, number]>;
}

/**
 * The layout of a dist/cli.js text, checked against what surrounds each part (its marker before, a
 * comment end after); undefined when the file is damaged.
 */
export function readLayout(text: string, marks: { bundle: string; asset: string; layout: string }): Layout | undefined {
  const at = text.lastIndexOf(marks.layout);
  if (at < 0) return undefined;
  let layout: Layout;
  try {
    layout = JSON.parse(text.slice(at + marks.layout.length));
  } catch {
    return undefined;
  }
  const fits = (r: unknown, before: string): boolean =>
    Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] >= before.length && r[0] <= r[1] && r[1] <= at &&
    text.startsWith(before, r[0] - before.length) && text.startsWith('*/', r[1]);
  if (typeof layout !== 'object' || layout === null || !fits(layout.bundle, marks.bundle)) return undefined;
  if (typeof layout.assets !== 'object' || layout.assets === null) return undefined;
  for (const [name, r] of Object.entries(layout.assets)) if (!fits(r, `${marks.asset}${name}:`)) return undefined;
  return layout;
}
