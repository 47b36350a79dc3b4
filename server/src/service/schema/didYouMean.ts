/** Near-miss suggestions for unknown property names and enum values ("did you mean ...?"). */
import { editDistance } from '../rules/util';

/**
 * The candidate closest to `word`: a case-insensitive match (CloudFormation's `FileSystemId` for the
 * API's `fileSystemId`), else the nearest within a small edit distance, never a far-fetched one.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const lower = word.toLowerCase();
  const ci = list.find((c) => c.toLowerCase() === lower);
  if (ci) return ci;
  const strip = (s: string) => s.toLowerCase().replace(/[-_ ]/g, '');
  const loose = list.find((c) => strip(c) === strip(word));
  if (loose) return loose;
  const limit = word.length <= 4 ? 1 : word.length <= 10 ? 2 : 3;
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of list) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}
