import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The files below `dir` whose names match `name`, sorted; node_modules is skipped; none when `dir` is missing. */
export function filesUnder(dir: string, name: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => {
      const p = join(d, n);
      if (statSync(p).isDirectory()) return n === 'node_modules' ? [] : walk(p);
      return name.test(n) ? [p] : [];
    });
  return walk(dir).sort();
}
