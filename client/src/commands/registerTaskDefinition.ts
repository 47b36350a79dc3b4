/**
 * Register task definition from the active editor. Refused while the document has error-severity
 * findings from the language server unless the user confirms; always confirms what will be registered
 * where; never runs in an untrusted workspace (the call would be driven by workspace content).
 */
import { formatAwsError } from '../aws/errors';
import { parseRegisterInput } from './registerShape';
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
  const errors = ui.errorDiagnostics(editor.uri);
  if (errors.length > 0) {
    const go = await ui.confirm(
      `The document has ${errors.length} error${errors.length > 1 ? 's' : ''} from Fargate Lens. Register anyway?`,
      `${errors.slice(0, 5).join('\n')}${errors.length > 5 ? '\n…' : ''}\nECS may reject it, or tasks may fail to start.`,
      'Register anyway',
    );
    if (!go) return;
  }
  const conn = await pickConnection(deps);
  if (!conn) return;
  const family = String(input.family);
  const ok = await ui.confirm(
    `Register a new revision of "${family}"?`,
    `RegisterTaskDefinition in ${conn.region} with profile ${conn.profile ?? 'default'}. Existing revisions and services are not changed.`,
    'Register',
  );
  if (!ok) return;
  try {
    const apis = await deps.apis(conn);
    const td = await ui.withProgress(`Registering ${family}…`, () => apis.ecs.registerTaskDefinition(input));
    ui.info(`Registered ${td.family}:${td.revision}.`);
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
