/**
 * "Compare with Registered Revision": VS Code's diff editor between a revision registered in the
 * account (left) and the file (right), both normalised the same way (client/src/deploy/normalise.ts),
 * as read-only `fargate-lens:` documents. From the code lens: the latest ACTIVE revision; from the
 * command palette: a revision the user picks. The family it reads comes from the file, so, like the
 * lens and Deploy, it runs in trusted workspaces only (the command registry marks it trustedOnly).
 */
import { pickConnection, type CommandDeps } from '../../commands/types';
import { parseTaskDefinitionArn } from '../../explorer/nodes';
import { compareWithRegistered, NotRegisteredError } from '../compare';
import { fileContext } from './fileContext';

export async function compareWithRegisteredRevision(
  deps: CommandDeps,
  uriArg?: unknown,
  familyArg?: unknown,
): Promise<void> {
  const { ui } = deps;
  const f = await fileContext(deps, uriArg, familyArg);
  if (!f) return;
  const conn = await pickConnection(deps);
  if (!conn) return;
  const apis = await deps.apis(conn);
  let revision: string | undefined;
  let family = f.td.family;
  if (!family) {
    family = await ui.input({
      title: `Family of ${f.td.label} in ${conn.region}`,
      prompt: 'The file names no family (CloudFormation generates one): which family to compare with?',
    });
    if (!family) return;
  }
  if (typeof familyArg !== 'string') {
    const page = await apis.ecs.listTaskDefinitions(family, 'ACTIVE');
    if (page.items.length > 1) {
      revision = await ui.pick(
        page.items.map((arn, i) => {
          const r = parseTaskDefinitionArn(arn);
          return { label: `${r.family}:${r.revision}`, description: i === 0 ? 'latest ACTIVE' : undefined, value: arn };
        }),
        { title: `Compare ${f.name} with` },
      );
      if (!revision) return;
    }
  }
  let c;
  try {
    c = await ui.withProgress(`Comparing with ${family}…`, () =>
      compareWithRegistered(apis.ecs, f.td, revision ?? family),
    );
  } catch (e) {
    if (e instanceof NotRegisteredError) return ui.error(`Nothing to compare with: ${e.message} (${conn.region}).`);
    throw e;
  }
  const left = deps.documents.put(conn.region, 'registered', `${c.family}:${c.revision}`, c.registered);
  const right = deps.documents.put(conn.region, 'file', f.name, c.file);
  const n = c.diff.differences.length;
  await ui.openDiff(left, right, `${c.family}:${c.revision} (registered) ↔ ${f.name} (normalised)`);
  const holes = c.diff.notCompared.length;
  ui.info(
    `${f.name} ${n === 0 ? 'matches' : `differs from`} ${c.family}:${c.revision}${n ? ` in ${n} field${n > 1 ? 's' : ''}` : ''} after normalisation` +
      (holes ? `; ${holes} placeholder${holes > 1 ? 's are' : ' is'} not compared.` : '.'),
  );
}
