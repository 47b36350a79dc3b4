/** "Refresh Registered Revision" (the code lens's ↻): recomputes the drift of a file, with a fresh service list. */
import { pickConnection, type CommandDeps } from '../../commands/types';

export async function refreshDrift(deps: CommandDeps, uriArg?: unknown): Promise<void> {
  const d = deps.deploy;
  if (!d) return;
  const uri = typeof uriArg === 'string' ? uriArg : deps.ui.activeEditor()?.uri;
  if (!uri) return;
  if (!deps.ui.isTrusted()) {
    deps.ui.error('The registered-revision lens runs in trusted workspaces only.');
    return;
  }
  const doc = await deps.ui.documentText(uri);
  const conn = deps.connections()[0] ?? (await pickConnection(deps));
  if (!doc || !conn) return;
  await d.drift.compute(uri, doc.text, conn, true);
}
