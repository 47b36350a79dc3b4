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

/** Decides for a workspace-relative path (forward slashes) whether to skip, force or detect. */
export function fileFilter(settings: FileFilterSettings): (relativePath: string) => FileVerdict {
  // picomatch is loaded only when there are globs (a `require` keeps it unevaluated in a bundle until then).
  const picomatch = (globs: string[], opts: picomatchType.PicomatchOptions) =>
    (require('picomatch') as typeof picomatchType)(globs, opts);
  const opts = { dot: true, nocase: true };
  const exclude = settings.exclude?.length ? picomatch(settings.exclude, opts) : undefined;
  const include = settings.include?.length ? picomatch(settings.include, opts) : undefined;
  return (rel) => {
    const p = rel.replace(/\\/g, '/');
    if (exclude && (exclude(p) || exclude(p.split('/').pop() ?? p))) return 'exclude';
    if (include && (include(p) || include(p.split('/').pop() ?? p))) return 'force';
    return 'detect';
  };
}
