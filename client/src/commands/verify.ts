/**
 * "Fargate Lens: Verify Against Account" (editor title, palette): verifies the active (or given) file
 * against the connected account now, ignoring cached answers (it is also the "re-verify" action), and
 * says what it found where. The findings show in Problems under their live/ rule ids.
 */
import { pickConnection, type CommandDeps } from './types';

export async function verifyAgainstAccount(deps: CommandDeps, arg?: unknown): Promise<void> {
  const verifier = deps.verifier;
  if (!verifier) return;
  const uri = uriOf(arg) ?? deps.ui.activeEditor()?.uri;
  if (!uri) {
    deps.ui.info('Open a task definition, service or run-task file to verify it against the account.');
    return;
  }
  const conn = await pickConnection(deps);
  if (!conn) return;
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const outcome = await deps.ui.withProgress(`Verifying ${name} against ${conn.region}…`, () =>
    verifier.verify(uri, conn, true),
  );
  if (!outcome) return; // a newer verification of the file replaced this one
  if (outcome.references === 0) {
    deps.ui.info(`${name} references nothing to verify (images, secrets, roles, log groups, network).`);
    return;
  }
  const problems = outcome.findings.filter((f) => f.ruleId !== 'live/not-checked').length;
  const skipped = outcome.findings.length - problems;
  deps.ui.info(
    `Verified ${name} against account ${outcome.account} in ${outcome.region}: ` +
      `${problems === 0 ? 'no problems' : `${problems} problem${problems === 1 ? '' : 's'} (see Problems)`}` +
      `${skipped ? `, ${skipped} not checked` : ''}.`,
  );
}

/** A file URI from an editor-title or explorer-context argument (a vscode.Uri or a string). */
function uriOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'scheme' in arg) return String(arg);
  return undefined;
}
