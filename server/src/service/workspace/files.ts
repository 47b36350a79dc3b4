/**
 * Which files are ours: file-name filters for the workspace scan and the CLI's directory walk, the
 * `fargateLens.files.include` / `exclude` globs, and the size limit. Pure: callers do the I/O.
 */
import type picomatchType from 'picomatch';

export const CANDIDATE_FILE = /\.(json|jsonc|ya?ml|template|json\.(tpl|tmpl|j2|template))$/i;
export const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'cdk.out',
  '.terraform',
  'dist',
  'out',
  '.venv',
  '__pycache__',
]);
/** Files above this size are not parsed (one diagnostic says so). Setting: fargateLens.maxFileSizeKB. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface FileFilterSettings {
  include?: string[];
  exclude?: string[];
}

export type FileVerdict = 'exclude' | 'force' | 'detect';

/**
 * Decides for a workspace-relative path (forward slashes) whether to skip, force or detect. Never
 * throws: a glob picomatch rejects (empty, too long, malformed) is left out and reported through
 * `onProblem`, and a matcher that throws on a path counts as no match.
 */
export function fileFilter(
  settings: FileFilterSettings,
  onProblem?: (message: string) => void,
): (relativePath: string) => FileVerdict {
  // picomatch is loaded only when there are globs (a `require` keeps it unevaluated in a bundle until then).
  const compile = (name: string, globs: string[] | undefined): ((p: string) => boolean) | undefined => {
    if (!globs?.length) return undefined;
    const picomatch = require('picomatch') as typeof picomatchType;
    const matchers: ((p: string) => boolean)[] = [];
    for (const g of globs) {
      try {
        matchers.push(picomatch(g, { dot: true, nocase: true }));
      } catch (e) {
        onProblem?.(`${name}: the glob ${JSON.stringify(g.slice(0, 60))} is ignored (${(e as Error).message}).`);
      }
    }
    if (!matchers.length) return undefined;
    return (p) => {
      for (const m of matchers) {
        try {
          if (m(p)) return true;
        } catch {
          // A matcher that fails on one path does not decide it.
        }
      }
      return false;
    };
  };
  const exclude = compile('exclude', settings.exclude);
  const include = compile('include', settings.include);
  return (rel) => {
    const p = rel.replace(/\\/g, '/');
    if (exclude && (exclude(p) || exclude(p.split('/').pop() ?? p))) return 'exclude';
    if (include && (include(p) || include(p.split('/').pop() ?? p))) return 'force';
    return 'detect';
  };
}
