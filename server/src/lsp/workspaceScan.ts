/**
 * Reads the ECS files of the workspace folders from disk into the index, so that cross-file rules
 * see service inputs and task definitions that are not open. Yields to the event loop between
 * batches so that requests stay responsive during a large scan.
 */
import { promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CANDIDATE_FILE, SKIPPED_DIRS, fileFilter, type FileFilterSettings } from '../service/workspace/files';

export interface ScannedFile {
  uri: string;
  text: string;
  force: boolean;
}

export async function scanFolder(folderUri: string, filters: FileFilterSettings, maxBytes: number, onFile: (f: ScannedFile) => void, limit = 20000): Promise<number> {
  if (!folderUri.startsWith('file:')) return 0;
  const root = fileURLToPath(folderUri);
  const verdict = fileFilter(filters);
  let count = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 30 || count >= limit) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (count >= limit) return;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) await walk(p, depth + 1);
        continue;
      }
      if (!e.isFile() || !CANDIDATE_FILE.test(e.name)) continue;
      const v = verdict(relative(root, p));
      if (v === 'exclude') continue;
      try {
        const st = await fs.stat(p);
        if (st.size > maxBytes) continue;
        const text = await fs.readFile(p, 'utf8');
        count++;
        onFile({ uri: pathToFileURL(p).href, text, force: v === 'force' });
      } catch {
        // Unreadable file (permissions, deleted meanwhile): skipped, like any non-ECS file.
      }
    }
  };
  await walk(root, 0);
  return count;
}

export async function readFileUri(uri: string): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return await fs.readFile(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}
