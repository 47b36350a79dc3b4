/** File discovery for the CLI: explicit files are always examined; directories are walked for candidates. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CANDIDATE_FILE, SKIPPED_DIRS } from '../service/workspace/files';
import { UsageError } from './args';

export interface Target {
  path: string;
  /** Given explicitly on the command line (always reported, even with no findings). */
  explicit: boolean;
  /** Path relative to the directory it was found under (for include/exclude globs). */
  relative: string;
}

export function collectTargets(paths: string[]): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const push = (t: Target) => {
    if (seen.has(t.path)) return;
    seen.add(t.path);
    out.push(t);
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`cannot read '${p}': no such file or directory`);
    }
    if (st.isDirectory()) walk(p, p, push, 0);
    else push({ path: p, explicit: true, relative: p });
  }
  return out;
}

function walk(root: string, dir: string, push: (t: Target) => void, depth: number): void {
  if (depth > 40) return;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!SKIPPED_DIRS.has(name)) walk(root, p, push, depth + 1);
    } else if (CANDIDATE_FILE.test(name)) push({ path: p, explicit: false, relative: relative(root, p) });
  }
}
