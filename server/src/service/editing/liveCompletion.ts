/**
 * Completion of EFS ids from the connected account (live data from the client): file system ids at
 * `efsVolumeConfiguration.fileSystemId`, and that file system's access points at `accessPointId`.
 */
import { getLocation } from 'jsonc-parser';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { at, str, type AstNode } from '../documents/ast';
import type { LiveEfs } from '../live';
import { MAX_PARSE_DEPTH, nestingDepth } from '../documents/json';

export function liveEfsCompletions(text: string, root: AstNode | undefined, offset: number, live: LiveEfs | undefined): CompletionItem[] {
  if (!live || nestingDepth(text) > MAX_PARSE_DEPTH) return [];
  const loc = getLocation(text, offset);
  const path = loc.path;
  const last = path[path.length - 1];
  if (loc.isAtPropertyKey || path[path.length - 2] === undefined) return [];
  if (last === 'fileSystemId' && path.includes('efsVolumeConfiguration')) {
    return live.fileSystems.map((fs, i) => ({
      label: fs.id,
      kind: CompletionItemKind.Value,
      detail: `${fs.name ?? 'EFS file system'} (${live.region})`,
      documentation: `${fs.accessPoints.length} access point(s) in ${live.region}`,
      sortText: String(i).padStart(4, '0'),
      insertText: loc.previousNode ? fs.id : JSON.stringify(fs.id),
    }));
  }
  if (last === 'accessPointId') {
    const efsPath = path.slice(0, path.indexOf('authorizationConfig'));
    const fsId = str(at(root, ...efsPath, 'fileSystemId'));
    const fs = live.fileSystems.find((f) => f.id === fsId);
    const points = fs ? fs.accessPoints.map((a) => ({ ...a, fs })) : live.fileSystems.flatMap((f) => f.accessPoints.map((a) => ({ ...a, fs: f })));
    return points.map((a) => ({
      label: a.id,
      kind: CompletionItemKind.Value,
      detail: `${a.name ?? 'access point'} of ${a.fs.id} (${live.region})`,
      insertText: loc.previousNode ? a.id : JSON.stringify(a.id),
    }));
  }
  return [];
}
