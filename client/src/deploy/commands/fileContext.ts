/**
 * The file side of the file commands (compare, deploy): which document (the code lens's argument or
 * the active editor), which task definition in it (the lens's family, the only one, or picked), and
 * the guard rails before anything is registered or deployed.
 */
import type { CommandDeps } from '../../commands/types';
import { readFileTaskDefs, type FileTaskDef } from '../fileTaskDefs';
import { normaliseTaskDefinition, Placeholder, type Plain, type PlainObject } from '../normalise';

export interface FileContext {
  uri: string;
  text: string;
  td: FileTaskDef;
  /** The file name for titles. */
  name: string;
}

export async function fileContext(
  deps: CommandDeps,
  uriArg?: unknown,
  familyArg?: unknown,
): Promise<FileContext | undefined> {
  const { ui } = deps;
  const uri = typeof uriArg === 'string' ? uriArg : ui.activeEditor()?.uri;
  if (!uri) {
    ui.error('Open a task-definition file first (JSON, YAML or a CloudFormation template).');
    return undefined;
  }
  const doc = await ui.documentText(uri);
  if (!doc) {
    ui.error(`Cannot read ${uri}.`);
    return undefined;
  }
  const { taskDefs, syntaxError } = readFileTaskDefs(uri, doc.text);
  if (taskDefs.length === 0) {
    ui.error(syntaxError ? `The file cannot be read: ${syntaxError}` : 'The file holds no task definition.');
    return undefined;
  }
  let td =
    typeof familyArg === 'string' ? taskDefs.find((t) => t.family === familyArg || t.label === familyArg) : undefined;
  if (!td && taskDefs.length === 1) td = taskDefs[0];
  td ??= await ui.pick(
    taskDefs.map((t) => ({ label: t.label, description: t.family ? `family ${t.family}` : 'no family', value: t })),
    { title: 'Task definition' },
  );
  if (!td) return undefined;
  return { uri, text: doc.text, td, name: decodeURIComponent(uri.split('/').pop() ?? uri) };
}

/** An item of a command line (`command`, `entryPoint`, a health check's `command`): text for the container's shell. */
const SHELL_ITEM = /\.(command|entryPoint)\[\d+\]$/;

/** The value with each placeholder replaced by its text as written. */
export function asWritten(value: Plain): Plain {
  if (value instanceof Placeholder) return value.text;
  if (Array.isArray(value)) return value.map(asWritten);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asWritten(v)]));
  return value;
}

/** Placeholders (template tokens, intrinsics) anywhere in a normalised value, with their paths. */
export function placeholders(value: Plain, path = ''): string[] {
  if (value instanceof Placeholder) return [`${path || '(root)'}: ${value.text}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholders(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => placeholders(v, path ? `${path}.${k}` : k));
  return [];
}

/** The placeholders a deploy tool must fill in: all but token-like text in command lines. */
export function templatePlaceholders(holes: readonly string[]): string[] {
  return holes.filter((h) => !SHELL_ITEM.test(h.slice(0, h.indexOf(': '))));
}

/**
 * The register input of a file's task definition, or why it must not be deployed as it is: an
 * untrusted workspace, error diagnostics (never deployed), placeholders (the deploy tool fills them),
 * no family. Warnings are confirmed by the user ("Deploy anyway"), and so is token-like text that
 * appears only in command lines ("Deploy As Written": it is usually the container shell's).
 */
export async function deployableInput(deps: CommandDeps, f: FileContext): Promise<PlainObject | undefined> {
  const { ui } = deps;
  if (!ui.isTrusted()) {
    ui.error('Deploying from a file needs a trusted workspace (Workspaces: Manage Workspace Trust).');
    return undefined;
  }
  const errors = ui.errorDiagnostics(f.uri);
  if (errors.length) {
    ui.error(
      `Not deployed: ${f.name} has ${errors.length} error${errors.length > 1 ? 's' : ''} from Fargate Lens (${errors[0]}${errors.length > 1 ? ', …' : ''}). ECS would reject it or its tasks would fail; fix them first.`,
    );
    return undefined;
  }
  const normalised = normaliseTaskDefinition(f.td.value);
  const holes = placeholders(normalised);
  const templated = templatePlaceholders(holes);
  if (templated.length) {
    ui.error(
      `Not deployed: ${f.name} has template placeholders that a deploy tool fills in (${templated.slice(0, 3).join('; ')}${templated.length > 3 ? '; …' : ''}). Deploy the rendered file instead.`,
    );
    return undefined;
  }
  if (holes.length) {
    // Only in command lines: `$HOME`, `$(date)` or `<html>` there are usually the container shell's.
    const go = await ui.confirm(
      `${f.name} has command text that looks like a template token. Deploy it as written?`,
      `${holes.slice(0, 5).join('\n')}${holes.length > 5 ? '\n…' : ''}\n\nECS registers the text exactly as written; a shell in the container expands its variables when the task starts. If a deploy tool is meant to fill these in, deploy its rendered file instead.`,
      'Deploy As Written',
    );
    if (!go) return undefined;
  }
  const input = asWritten(normalised) as PlainObject;
  if (typeof input.family !== 'string') {
    ui.error(
      `Not deployed: ${f.td.label} has no family (CloudFormation names it at deploy time; deploy the stack instead).`,
    );
    return undefined;
  }
  const warnings = ui.warningDiagnostics(f.uri);
  if (warnings.length) {
    const go = await ui.confirm(
      `${f.name} has ${warnings.length} warning${warnings.length > 1 ? 's' : ''} from Fargate Lens. Deploy anyway?`,
      `${warnings.slice(0, 5).join('\n')}${warnings.length > 5 ? '\n…' : ''}`,
      'Deploy Anyway',
    );
    if (!go) return undefined;
  }
  return input;
}
