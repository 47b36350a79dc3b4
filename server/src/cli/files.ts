/**
 * File discovery for the CLI: explicit files are always examined; directories are walked for
 * candidates. The walk remembers the real path of every directory it entered, so symbolic-link loops
 * (or two links to one tree) are walked once; it never descends into what is not a directory and never
 * returns what is not a regular file; a directory it cannot read is a problem the run reports.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { CANDIDATE_FILE, SKIPPED_DIRS } from '../service/languageService';
import { UsageError } from './args';

export interface Target {
  path: string;
  /** Given explicitly on the command line (always reported, even with no findings). */
  explicit: boolean;
  /** Path relative to the directory it was found under (for include/exclude globs). */
  relative: string;
}

/** Something the run could not examine; reported, and the exit status is 2. */
export interface TargetProblem {
  path: string;
  message: string;
}

export function collectTargets(paths: string[], problems: TargetProblem[] = []): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const dirs = new Set<string>();
  const push = (t: Target) => {
    if (seen.has(t.path)) return;
    seen.add(t.path);
    out.push(t);
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UsageError(`cannot read '${p}': no such file or directory`);
      problems.push({ path: p, message: `cannot be read (${code ?? 'error'})` });
      continue;
    }
    if (st.isDirectory()) walk(p, '', push, 0, dirs, problems);
    else push({ path: p, explicit: true, relative: p });
  }
  return out;
}

/** `rel` is `dir` relative to the root it was found under (path.relative's result, without its cost per file). */
function walk(
  dir: string,
  rel: string,
  push: (t: Target) => void,
  depth: number,
  dirs: Set<string>,
  problems: TargetProblem[],
): void {
  if (depth > 40) return;
  let entries: Dirent[];
  try {
    const real = realpathSync(dir);
    if (dirs.has(real)) return; // entered before, through another path (a link loop or a second link)
    dirs.add(real);
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch (e) {
    problems.push({ path: dir, message: `directory cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
    return;
  }
  for (const entry of entries) {
    const name = entry.name;
    const p = join(dir, name);
    const r = rel ? rel + sep + name : name;
    // The entry's own type saves a stat per file; symbolic links (and unknown types) are followed with stat.
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (!isDir && !isFile) {
      if (!entry.isSymbolicLink() && !entry.isBlockDevice()) {
        // FIFOs, sockets and devices are never candidates.
        if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice()) continue;
      }
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDir) {
      if (!SKIPPED_DIRS.has(name)) walk(p, r, push, depth + 1, dirs, problems);
    } else if (isFile && CANDIDATE_FILE.test(name)) push({ path: p, explicit: false, relative: r });
  }
}
