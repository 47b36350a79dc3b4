/** Near-miss suggestions for unknown property names and enum values ("did you mean ...?"). */
import { editDistance } from '../rules/util';

/**
 * The candidate closest to `word`: a case-insensitive match (CloudFormation's `FileSystemId` for the
 * API's `fileSystemId`), else the nearest within a small edit distance, never a far-fetched one.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const lower = word.toLowerCase();
  const ci = list.find((c) => c.length === word.length && c.toLowerCase() === lower);
  if (ci) return ci;
  const strip = (s: string) => s.toLowerCase().replace(/[-_ ]/g, '');
  const stripped = strip(word);
  const loose = list.find((c) => strip(c) === stripped);
  if (loose) return loose;
  const limit = word.length <= 4 ? 1 : word.length <= 10 ? 2 : 3;
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of list) {
    // Lengths further apart than the limit cannot be within it: skipped before the distance.
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}
