/**
 * What a step of aws-actions/amazon-ecs-render-task-definition sets in the task definition it reads,
 * per version of the action: its inputs by the release that added them (action.yml at each tag) and the
 * members index.js writes for each. An input the version does not know is ignored by the runner
 * ("Unexpected input"), so it supplies nothing.
 */
import type { AstNode } from '../documents/ast';

/**
 * A string as written, template expressions included (`${{ steps.x.outputs.y }}` is marked unknown in
 * the tree, but here it is the text we link by).
 */
export function text(node: AstNode | undefined): string | undefined {
  return node && node.type === 'string' ? String(node.value) : undefined;
}

export interface Supplies {
  /** Containers the step names (`container-name`; a comma-separated list since v1.8.0, index.js split(',')). */
  containers: string[];
  /** Container members the step sets on each named container. */
  containerMembers: string[];
  /** Task-level members the step sets. */
  taskMembers: string[];
  /** The action version as written after `@` (for messages). */
  version: string;
}

/**
 * Input -> [member, level, first version]. Sources: action.yml at the tags v1.0.0 (image),
 * v1.1.0 (environment-variables), v1.2.0 (log-configuration-*, docker-labels), v1.3.0 (command),
 * v1.4.0 (env-files), v1.6.0 (secrets), v1.9.0 (task-role-arn, execution-role-arn); index.js sets
 * containerDef.image / environment / logConfiguration / dockerLabels / command / environmentFiles /
 * secrets and taskDefContents.taskRoleArn / executionRoleArn.
 */
const INPUTS: [string, string, 'container' | 'task', number][] = [
  ['image', 'image', 'container', 0],
  ['environment-variables', 'environment', 'container', 1_001_000],
  ['log-configuration-log-driver', 'logConfiguration', 'container', 1_002_000],
  ['log-configuration-options', 'logConfiguration.options', 'container', 1_002_000],
  ['docker-labels', 'dockerLabels', 'container', 1_002_000],
  ['command', 'command', 'container', 1_003_000],
  ['env-files', 'environmentFiles', 'container', 1_004_000],
  ['secrets', 'secrets', 'container', 1_006_000],
  ['task-role-arn', 'taskRoleArn', 'task', 1_009_000],
  ['execution-role-arn', 'executionRoleArn', 'task', 1_009_000],
];

/** `v1.2.3` -> 1002003; a moving ref (`v1`, `main`, a commit) -> the newest release. */
export function versionNumber(ref: string): number {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(ref.trim());
  if (!m) return Number.MAX_SAFE_INTEGER;
  return Number(m[1]) * 1_000_000 + Number(m[2]) * 1_000 + Number(m[3] ?? 0);
}

/** `input(name)` is the step's input as written, `${{ env.X }}` expanded; undefined when not given. */
export function renderSupplies(input: (name: string) => string | undefined, ref: string): Supplies {
  const version = versionNumber(ref);
  const raw = input('container-name') ?? '';
  const names = (version >= 1_008_000 ? raw.split(',') : [raw]).map((s) => s.trim()).filter((s) => s !== '');
  const containerMembers: string[] = [];
  const taskMembers: string[] = [];
  for (const [name, member, level, since] of INPUTS) {
    // `image` is required; the others count when given (any value but an empty string).
    const value = input(name);
    const given = name === 'image' || (value !== undefined && value.trim() !== '');
    if (!given || version < since) continue;
    (level === 'task' ? taskMembers : containerMembers).push(member);
  }
  return { containers: names, containerMembers, taskMembers, version: ref };
}
