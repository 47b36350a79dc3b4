/** Seed texts for the fuzzers: our fixtures, the examples and (when present) the real corpus. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS } from '../../corpusPath';

const ROOT = resolve(__dirname, '../../..');

function files(dir: string, depth = 0): string[] {
  if (!existsSync(dir) || depth > 4) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return files(p, depth + 1);
    return /\.(json|ya?ml|template|tpl)$/.test(n) && statSync(p).size < 200_000 ? [p] : [];
  });
}

export function seedTexts(): { name: string; text: string }[] {
  const paths = [...files(join(ROOT, 'test/fixtures')), ...files(join(ROOT, 'examples')), ...files(CORPUS)];
  return paths.map((p) => ({ name: p.slice(ROOT.length + 1), text: readFileSync(p, 'utf8') }));
}
