/**
 * What the language server reads from the machine, passed to startServer(): the real file system in
 * server.ts, anything else in tests (an in-memory workspace, a failing disk).
 */
import type { FileFilterSettings } from '../service/languageService';
import { readFileUri, scanFolder, type ScannedFile } from './workspaceScan';

export interface ServerIo {
  /** A file's text by URI; undefined when it is not a readable regular local file within `maxBytes`. */
  readFile(uri: string, maxBytes: number): Promise<string | undefined>;
  /**
   * Hands every ECS candidate under the folder to `onFile` (see workspaceScan.ts for the order and
   * bounds) and what it skipped, with why, to `onSkip`; resolves with the number of files read.
   */
  scanFolder(
    folderUri: string,
    filters: FileFilterSettings,
    maxBytes: number,
    onFile: (f: ScannedFile) => void,
    onSkip: (path: string, reason: string) => void,
    /** A problem with the include/exclude globs (logged once as a settings warning). */
    onProblem?: (message: string) => void,
  ): Promise<number>;
}

/** The local file system. */
export const NODE_IO: ServerIo = {
  readFile: readFileUri,
  scanFolder: (folderUri, filters, maxBytes, onFile, onSkip, onProblem) =>
    scanFolder(folderUri, filters, maxBytes, onFile, onSkip, undefined, onProblem),
};
