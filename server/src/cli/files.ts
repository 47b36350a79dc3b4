/** File discovery for the CLI: explicit files are always examined; directories are walked for candidates. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
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
    if (st.isDirectory()) walk(p, '', push, 0);
    else push({ path: p, explicit: true, relative: p });
  }
  return out;
}

/** `rel` is `dir` relative to the root it was found under (path.relative's result, without its cost per file). */
function walk(dir: string, rel: string, push: (t: Target) => void, depth: number): void {
  if (depth > 40) return;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch {
    return;
  }
  for (const entry of entries) {
    const name = entry.name;
    const p = join(dir, name);
    const r = rel ? rel + sep + name : name;
    // The entry's own type saves a stat per file; symbolic links (and unknown types) are followed with stat.
    let isDir = entry.isDirectory();
    if (!isDir && !entry.isFile()) {
      try {
        isDir = statSync(p).isDirectory();
      } catch {
        continue;
      }
    }
    if (isDir) {
      if (!SKIPPED_DIRS.has(name)) walk(p, r, push, depth + 1);
    } else if (CANDIDATE_FILE.test(name)) push({ path: p, explicit: false, relative: r });
  }
}
