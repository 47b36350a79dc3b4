/**
 * Register task definition from the active editor: one confirmation saying what is registered where
 * (and, when the language server reports errors, which; Cancel is the default); never runs in an
 * untrusted workspace (the call would be driven by workspace content). An untitled copy made by "Edit
 * Task Definition as New Revision" is discarded once registered.
 */
import { formatAwsError } from '../aws/errors';
import { parseRegisterInput } from './registerShape';
import { plural } from '../explorer/format';
import { pickConnection, type CommandDeps } from './types';

export async function registerTaskDefinition(deps: CommandDeps): Promise<void> {
  const { ui } = deps;
  if (!ui.isTrusted()) {
    ui.error(
      'Registering a task definition from a file needs a trusted workspace (Workspaces: Manage Workspace Trust).',
    );
    return;
  }
  const editor = ui.activeEditor();
  if (!editor) {
    ui.error('Open a task definition JSON document first.');
    return;
  }
  const { input, problem } = parseRegisterInput(editor.text);
  if (!input) {
    ui.error(`Cannot register: ${problem}`);
    return;
  }
  const conn = await pickConnection(deps);
  if (!conn) return;
  const family = String(input.family);
  // One confirmation, Cancel the default; the language server's errors, if any, are in it.
  const errors = ui.errorDiagnostics(editor.uri);
  const where = `RegisterTaskDefinition in ${conn.region} with profile ${conn.profile ?? 'default'}. Existing revisions and services are not changed.`;
  const ok = errors.length
    ? await ui.confirm(
        `Register "${family}" with ${plural(errors.length, 'error')} from Fargate Lens?`,
        `${errors.slice(0, 5).join('\n')}${errors.length > 5 ? '\n…' : ''}\nECS may reject it, or tasks may fail to start.\n\n${where}`,
        'Register anyway',
      )
    : await ui.confirm(`Register a new revision of "${family}"?`, where, 'Register');
  if (!ok) return;
  try {
    const apis = await deps.apis(conn);
    const td = await ui.withProgress(`Registering ${family}…`, () => apis.ecs.registerTaskDefinition(input));
    ui.info(`Registered ${td.family}:${td.revision}.`);
    // The edited copy has done its job: an untitled document would otherwise stay dirty and ask to be saved.
    if (editor.uri.startsWith('untitled:')) await ui.discardUntitled(editor.uri);
  } catch (err) {
    ui.error(`Register failed: ${formatAwsError(err, conn.profile)}`);
    return;
  }
  for (const root of deps.model.roots()) {
    if (root.conn.region !== conn.region) continue;
    const folder = (await deps.model.getChildren(root)).find((n) => n.kind === 'taskDefinitions');
    if (folder) deps.model.refresh(folder);
  }
}
