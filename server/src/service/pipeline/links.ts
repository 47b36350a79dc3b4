/**
 * What the deploy pipeline of a workspace does with its ECS files, read from the files that drive it:
 * GitHub Actions workflows (`.github/workflows/*.yml`: the amazon-ecs-render-task-definition and
 * amazon-ecs-deploy-task-definition actions, cloudposse's deploy-ecspresso action, `aws ecs ...
 * --cli-input-json file://...` run steps), ecspresso configurations (`task_definition:`,
 * `service_definition:`) and PipeCD ECS application configurations (`kind: ECSApp`). Each becomes a
 * link from the driving file to the ECS file it reads: who reads it (its consumer) and which members
 * the pipeline fills in. Pure: works on the parsed tree of the driving file.
 */
import { child, isObject, objects, type AstNode, type ObjectNode, type Span } from '../documents/ast';
import type { DocumentModel } from '../shapes/document';
import { renderSupplies, text, type Supplies } from './renderAction';

/** The tools whose reading of a file decides what an empty string, a null or a stray member means. */
export type ConsumerTool = 'ecspresso' | 'pipecd' | 'deploy-action' | 'render-action' | 'aws-cli';

export interface PipelineLink {
  /** URI of the ECS file the pipeline reads. */
  target: string;
  tool: ConsumerTool;
  /** Where the link is written (the step, the config key), for related information and hovers. */
  source: { uri: string; span: Span; label: string };
  /** Members the pipeline sets before the file is registered (render action inputs). */
  supplies?: Supplies;
  /** A partial task definition merged with another before it is registered (deploy-ecspresso). */
  partial?: boolean;
}

const WORKFLOW = /\/\.github\/workflows\/[^/]+\.ya?ml$/i;
const RENDER = /^aws-actions\/amazon-ecs-render-task-definition@(.+)$/;
const DEPLOY = /^aws-actions\/amazon-ecs-deploy-task-definition@/;
const DEPLOY_ECSPRESSO = /^cloudposse\/github-action-deploy-ecspresso@/;
const STEP_OUTPUT = /^\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.task-definition\s*\}\}$/;
const CLI_INPUT =
  /\baws\s+ecs\s+(register-task-definition|create-service|update-service|run-task)\b[^\n]*?--cli-input-(?:json|yaml)[\s=]+["']?file:\/\/([^\s"']+)[^\n]*/g;
/** Members an `aws ecs register-task-definition` command line sets besides its input file. */
const CLI_FLAGS: [RegExp, string][] = [
  [/--execution-role-arn\b/, 'executionRoleArn'],
  [/--task-role-arn\b/, 'taskRoleArn'],
];
/** CI files other than GitHub workflows whose commands may run `aws ecs ... --cli-input-json`. */
const CI_FILE = /(^|\/)(buildspec[^/]*|\.gitlab-ci|bitbucket-pipelines|azure-pipelines|\.travis|cloudbuild)\.ya?ml$/i;

/** Whether a file can drive a pipeline (decided by path and content, before any parse). */
export function mayDrivePipeline(uri: string, text: string): boolean {
  if (WORKFLOW.test(uri)) return /amazon-ecs-|deploy-ecspresso|--cli-input-/.test(text);
  if (CI_FILE.test(uri)) return /--cli-input-/.test(text);
  return /^(task|service)_definition\s*:/m.test(text) || /kind:\s*ECSApp\b/.test(text);
}

/** The links a parsed driving file declares (empty for files that drive nothing). */
export function pipelineLinks(doc: DocumentModel): PipelineLink[] {
  if (!mayDrivePipeline(doc.uri, doc.text) || !isObject(doc.root)) return [];
  if (WORKFLOW.test(doc.uri)) return workflowLinks(doc, doc.root);
  if (CI_FILE.test(doc.uri))
    return cliLinks(doc, doc.text, 0, dirOf(doc.uri), `CI commands in ${doc.uri.slice(doc.uri.lastIndexOf('/') + 1)}`);
  const ecspresso = ecspressoLinks(doc, doc.root);
  return ecspresso.length > 0 ? ecspresso : pipecdLinks(doc, doc.root);
}

/** `base` (a file URI of a directory, ending in '/') joined with a relative or absolute path. */
export function resolveUri(base: string, path: string): string | undefined {
  if (/\$\{|\{\{|<|>/.test(path) || path.trim() === '') return undefined;
  const p = path.trim().replace(/\\/g, '/');
  const parts = (
    p.startsWith('/')
      ? []
      : base
          .replace(/^file:\/\//, '')
          .split('/')
          .slice(0, -1)
  ).concat(p.split('/'));
  const out: string[] = [];
  for (const seg of parts) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return 'file:///' + out.join('/');
}

const dirOf = (uri: string): string => uri.slice(0, uri.lastIndexOf('/') + 1);

function ecspressoLinks(doc: DocumentModel, root: ObjectNode): PipelineLink[] {
  const out: PipelineLink[] = [];
  for (const key of ['task_definition', 'service_definition']) {
    const node = child(root, key);
    const path = text(node);
    const target = path !== undefined ? resolveUri(dirOf(doc.uri), path) : undefined;
    if (!node || !target) continue;
    out.push({ target, tool: 'ecspresso', source: { uri: doc.uri, span: span(node), label: `ecspresso ${key}` } });
  }
  return out;
}

function pipecdLinks(doc: DocumentModel, root: ObjectNode): PipelineLink[] {
  if (text(child(root, 'kind')) !== 'ECSApp') return [];
  const input = child(child(root, 'spec'), 'input');
  const out: PipelineLink[] = [];
  const files: [string, string][] = [
    ['taskDefinitionFile', 'taskdef.yaml'],
    ['serviceDefinitionFile', 'servicedef.yaml'],
  ];
  for (const [key, fallback] of files) {
    const node = child(input, key);
    const target = resolveUri(dirOf(doc.uri), text(node) ?? fallback);
    if (!target) continue;
    const at = node ?? child(root, 'kind') ?? root;
    out.push({ target, tool: 'pipecd', source: { uri: doc.uri, span: span(at), label: `PipeCD ECSApp ${key}` } });
  }
  return out;
}

function workflowLinks(doc: DocumentModel, root: ObjectNode): PipelineLink[] {
  // Paths in a workflow are relative to the repository root: the directory holding `.github/`.
  const repoRoot = doc.uri.slice(0, doc.uri.toLowerCase().lastIndexOf('/.github/') + 1);
  const out: PipelineLink[] = [];
  const jobs = child(root, 'jobs');
  if (!isObject(jobs)) return out;
  const workflowEnv = envOf(root, new Map());
  for (const job of jobs.properties) {
    const jobEnv = envOf(job.value, workflowEnv);
    const steps = objects(child(job.value, 'steps'));
    /** Render steps of this job by id: a later step may read a rendered file (`steps.<id>.outputs.task-definition`). */
    const rendered = new Map<string, string>();
    for (const step of steps) {
      const uses = text(child(step, 'uses')) ?? '';
      const withNode = child(step, 'with');
      const env = envOf(step, jobEnv);
      const input = (k: string) => expand(text(child(withNode, k)), env);
      const label = text(child(step, 'name')) ?? uses;
      const resolve = (p: string | undefined): string | undefined => {
        if (p === undefined) return undefined;
        const fromStep = STEP_OUTPUT.exec(p.trim());
        return fromStep ? rendered.get(fromStep[1]) : resolveUri(repoRoot, p);
      };
      const render = RENDER.exec(uses);
      if (render) {
        const target = resolve(input('task-definition'));
        const id = text(child(step, 'id'));
        if (target && id) rendered.set(id, target);
        if (target && isObject(withNode)) {
          const supplies = renderSupplies(input, render[1]);
          out.push({ target, tool: 'render-action', supplies, source: source(doc, step, `${label} (${uses})`) });
        }
      } else if (DEPLOY.test(uses)) {
        const target = resolve(input('task-definition'));
        if (target) out.push({ target, tool: 'deploy-action', source: source(doc, step, `${label} (${uses})`) });
      } else if (DEPLOY_ECSPRESSO.test(uses)) {
        const target = resolve(input('taskdef-path'));
        const partial = !!input('use_partial_taskdefinition') && input('use_partial_taskdefinition') !== 'false';
        if (target) out.push({ target, tool: 'ecspresso', partial, source: source(doc, step, `${label} (${uses})`) });
      }
      const runNode = child(step, 'run');
      const run = text(runNode);
      if (runNode && run) {
        const cwd = text(child(step, 'working-directory'));
        const base = cwd ? (resolveUri(repoRoot, cwd) ?? repoRoot.slice(0, -1)) + '/' : repoRoot;
        for (const l of cliLinks(doc, expand(run, env) ?? run, -1, base, label))
          out.push({ ...l, source: source(doc, step, l.source.label) });
      }
    }
  }
  return out;
}

/**
 * `aws ecs <op> --cli-input-json file://X` commands in a script: the AWS CLI reads X, and the command
 * line's own role flags set those members. `at` is the text offset of the script (-1: not known).
 */
function cliLinks(doc: DocumentModel, script: string, at: number, base: string, label: string): PipelineLink[] {
  const out: PipelineLink[] = [];
  for (const m of script.matchAll(CLI_INPUT)) {
    const target = resolveUri(base, m[2]);
    if (!target) continue;
    const taskMembers = CLI_FLAGS.filter(([re]) => re.test(m[0])).map(([, member]) => member);
    const span = at >= 0 ? { offset: at + (m.index ?? 0), length: m[0].length } : { offset: 0, length: 0 };
    out.push({
      target,
      tool: 'aws-cli',
      source: { uri: doc.uri, span, label: `aws ecs ${m[1]} (${label})` },
      supplies:
        taskMembers.length > 0 ? { containers: [], containerMembers: [], taskMembers, version: 'aws-cli' } : undefined,
    });
  }
  return out;
}

/** The `env:` map of a workflow, job or step over the enclosing one (literal values only). */
function envOf(node: AstNode, outer: Map<string, string>): Map<string, string> {
  const env = child(node, 'env');
  if (!isObject(env)) return outer;
  const out = new Map(outer);
  for (const p of env.properties) {
    const v = p.value.type === 'string' || p.value.type === 'number' ? String(p.value.value) : undefined;
    if (v !== undefined && !/\$\{\{/.test(v)) out.set(p.key, v);
  }
  return out;
}

/** `${{ env.NAME }}` replaced by the value the workflow gives it (the GitHub starter workflow's style). */
function expand(value: string | undefined, env: Map<string, string>): string | undefined {
  if (value === undefined || !value.includes('${{')) return value;
  return value.replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (m, name: string) => env.get(name) ?? m);
}

function source(doc: DocumentModel, step: ObjectNode, label: string): PipelineLink['source'] {
  const at = child(step, 'uses') ?? child(step, 'run') ?? step;
  return { uri: doc.uri, span: span(at), label };
}

function span(n: AstNode): Span {
  return { offset: n.offset, length: n.length };
}
