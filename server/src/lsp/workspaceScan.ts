/**
 * Reads the ECS files of the workspace folders from disk into the index, so that cross-file rules
 * see service inputs and task definitions that are not open. Yields to the event loop between
 * batches of reads so that requests stay responsive during a large scan.
 */
import { promises as fs } from 'node:fs';
import { readRegularFile } from '../readFile';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CANDIDATE_FILE, SKIPPED_DIRS, fileFilter, type FileFilterSettings } from '../service/languageService';

export interface ScannedFile {
  uri: string;
  text: string;
  force: boolean;
}

/** Files read at once: enough to hide per-file I/O latency, far below any descriptor limit. */
const READ_CONCURRENCY = 16;

/**
 * Calls `onFile` for each ECS candidate under the folder in directory-walk order (the order the index
 * sees them in never depends on I/O timing). The files of one directory are read concurrently, at most
 * READ_CONCURRENCY at a time; subdirectories are walked where they appear among the entries.
 */
export async function scanFolder(
  folderUri: string,
  filters: FileFilterSettings,
  maxBytes: number,
  onFile: (f: ScannedFile) => void,
  onSkip: (path: string, reason: string) => void = () => {},
  limit = 20000,
  onProblem?: (message: string) => void,
): Promise<number> {
  if (!folderUri.startsWith('file:')) return 0;
  const root = fileURLToPath(folderUri);
  const verdict = fileFilter(filters, onProblem);
  let count = 0;
  // Regular files within the limit only; unreadable ones (permissions, deleted meanwhile) are skipped
  // like any non-ECS file.
  const read = async (p: string): Promise<string | undefined> => {
    const r = await readRegularFile(p, maxBytes);
    if (r.kind === 'text') return r.text;
    onSkip(
      p,
      r.kind === 'too-large'
        ? `larger than ${maxBytes} bytes`
        : r.kind === 'not-regular'
          ? 'not a regular file'
          : r.kind === 'truncated'
            ? 'changed while read'
            : r.code,
    );
    return undefined;
  };
  /** Reads a run of sibling files concurrently and hands them over in order, up to the limit. */
  const flush = async (files: { path: string; force: boolean }[]): Promise<void> => {
    for (let i = 0; i < files.length && count < limit; i += READ_CONCURRENCY) {
      const batch = files.slice(i, i + READ_CONCURRENCY);
      const texts = await Promise.all(batch.map((f) => read(f.path)));
      for (let j = 0; j < batch.length && count < limit; j++) {
        const text = texts[j];
        if (text === undefined) continue;
        count++;
        onFile({ uri: pathToFileURL(batch[j].path).href, text, force: batch[j].force });
      }
    }
  };
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 30) onSkip(dir, 'nested deeper than 30 folders');
    if (depth > 30 || count >= limit) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      onSkip(dir, (e as NodeJS.ErrnoException).code ?? String(e));
      return;
    }
    let run: { path: string; force: boolean }[] = [];
    for (const e of entries) {
      if (count >= limit) return;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name)) continue;
        await flush(run);
        run = [];
        await walk(p, depth + 1);
        continue;
      }
      if (!e.isFile() || !CANDIDATE_FILE.test(e.name)) continue;
      const v = verdict(relative(root, p));
      if (v === 'exclude') continue;
      run.push({ path: p, force: v === 'force' });
    }
    await flush(run);
  };
  await walk(root, 0);
  if (count >= limit) onSkip(root, `the scan stopped after ${limit} files; the rest of the folder is not indexed`);
  return count;
}

/**
 * The text of a file a URI names (a watched-file event, a closed editor), or undefined when it is not a
 * regular file within `maxBytes` or cannot be read.
 */
export async function readFileUri(uri: string, maxBytes: number): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined; // a file: URI with a host or an encoded separator
  }
  const r = await readRegularFile(path, maxBytes);
  return r.kind === 'text' || r.kind === 'truncated' ? r.text : undefined;
}
