/**
 * Whether a command line is a small run (a few files named one by one: an editor hook, a pre-commit
 * check, one template) or a large one (a directory, many files). The start-up keeps a code cache per
 * class: the cache of a large run marks the functions that got hot, and V8 compiles those with its
 * baseline compiler as soon as they load, which helps a long run (~3% of a 2,000-file lint) and costs
 * a short one (~5 ms of an 80 ms one-template lint). Decided before the bundle loads, from the
 * arguments and a stat per path; anything unusual counts as small (the run then reports it).
 */
import { statSync } from 'node:fs';
import { parseArgs } from './args';

/** At most this many files named on the command line make a small run. */
export const SMALL_RUN_FILES = 4;

export function runClass(argv: string[]): 'small' | 'large' {
  let paths: string[];
  try {
    const args = parseArgs(argv);
    if (args.command !== 'lint') return 'small';
    paths = args.paths;
  } catch {
    return 'small';
  }
  if (paths.length > SMALL_RUN_FILES) return 'large';
  for (const p of paths) {
    try {
      if (!statSync(p).isFile()) return 'large';
    } catch {
      return 'small';
    }
  }
  return 'small';
}
