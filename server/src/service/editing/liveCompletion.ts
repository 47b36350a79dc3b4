/**
 * Completion of EFS ids from the connected account (live data from the client): file system ids at
 * `efsVolumeConfiguration.fileSystemId`, and that file system's access points at `accessPointId`.
 * The values are found by API path (liveEfsValues), so JSON files and templates share them.
 */
import { getLocation } from 'jsonc-parser';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { at, str, type AstNode } from '../documents/ast';
import type { LiveEfs } from '../live';
import { MAX_PARSE_DEPTH, nestingDepth } from '../documents/json';
import type { JsonPath } from '../schema/navigate';

export interface LiveValue {
  value: string;
  detail: string;
  documentation?: string;
  sortText?: string;
}

/**
 * Live EFS ids for the value at the API `path`; `fileSystemIdAt` reads the file system id written at
 * an `efsVolumeConfiguration` path (to narrow access points to that file system).
 */
export function liveEfsValues(
  path: JsonPath,
  fileSystemIdAt: (efsPath: JsonPath) => string | undefined,
  live: LiveEfs | undefined,
): LiveValue[] {
  if (!live || path.length < 2) return [];
  const last = path[path.length - 1];
  if (last === 'fileSystemId' && path.includes('efsVolumeConfiguration')) {
    return live.fileSystems.map((fs, i) => ({
      value: fs.id,
      detail: `${fs.name ?? 'EFS file system'} (${live.region})`,
      documentation: `${fs.accessPoints.length} access point(s) in ${live.region}`,
      sortText: String(i).padStart(4, '0'),
    }));
  }
  if (last === 'accessPointId') {
    const fsId = fileSystemIdAt(path.slice(0, path.indexOf('authorizationConfig')));
    const fs = live.fileSystems.find((f) => f.id === fsId);
    const points = fs
      ? fs.accessPoints.map((a) => ({ ...a, fs }))
      : live.fileSystems.flatMap((f) => f.accessPoints.map((a) => ({ ...a, fs: f })));
    return points.map((a) => ({ value: a.id, detail: `${a.name ?? 'access point'} of ${a.fs.id} (${live.region})` }));
  }
  return [];
}

export function liveEfsCompletions(
  text: string,
  root: AstNode | undefined,
  offset: number,
  live: LiveEfs | undefined,
): CompletionItem[] {
  if (!live || nestingDepth(text) > MAX_PARSE_DEPTH) return [];
  const loc = getLocation(text, offset);
  if (loc.isAtPropertyKey || loc.path[loc.path.length - 2] === undefined) return [];
  const values = liveEfsValues(loc.path, (efsPath) => str(at(root, ...efsPath, 'fileSystemId')), live);
  return values.map((v) => ({
    label: v.value,
    kind: CompletionItemKind.Value,
    detail: v.detail,
    ...(v.documentation ? { documentation: v.documentation } : {}),
    ...(v.sortText ? { sortText: v.sortText } : {}),
    insertText: loc.previousNode ? v.value : JSON.stringify(v.value),
  }));
}
