/**
 * The rule contract: one rule per file, a stable public id (never renamed; docs/rules.md lists them), a default
 * severity, documentation (rendered into docs/rules.md and SARIF), and a pure check over a view.
 */
import type { DocumentModel } from '../shapes/document';
import type { LaunchModel, TaskDefModel } from '../shapes/model';
import type { Finding, Severity } from '../types';
import type { LiveEfs } from '../live';

export interface RuleDocs {
  /** What the rule checks, one sentence. */
  what: string;
  /** Why it matters: the AWS limit or runtime failure, with AWS's own error text where known. */
  why: string;
  /** What to do about it. */
  fix: string;
}

interface RuleBase {
  id: string;
  severity: Severity;
  title: string;
  docs: RuleDocs;
}

/** A launch input (service, run-task, CFN launching resource) that runs a task definition. */
export interface LinkedLaunch {
  uri: string;
  launch: LaunchModel;
}

/** A task definition a launch input resolves to, in the same or another file. */
export interface LinkedTaskDef {
  uri: string;
  td: TaskDefModel;
}

export interface TaskDefContext {
  td: TaskDefModel;
  doc: DocumentModel;
  /** Launch inputs anywhere in the workspace that run this task definition. */
  launches: LinkedLaunch[];
  /** EFS file systems of the connected account and region; undefined when not connected. */
  live?: LiveEfs;
}

export interface LaunchContext {
  launch: LaunchModel;
  doc: DocumentModel;
  /** The task definitions the launch input resolves to (usually one). */
  targets: LinkedTaskDef[];
}

/**
 * An exact precondition of a task-definition rule, checked by the engine before it runs the rule:
 * the rule reports nothing unless one of these members is present (whatever its value) on some
 * container, on the task-level object, or on some volume. Only for rules whose every finding is
 * about such a member; a rule that reports a missing member (log/missing, linux/init-process) has none.
 */
export interface RuleNeeds {
  container?: readonly string[];
  task?: readonly string[];
  volume?: readonly string[];
}

export interface TaskDefRule extends RuleBase {
  scope: 'taskdef';
  needs?: RuleNeeds;
  check(ctx: TaskDefContext): Finding[];
}

export interface LaunchRule extends RuleBase {
  scope: 'launch';
  check(ctx: LaunchContext): Finding[];
}

export type Rule = TaskDefRule | LaunchRule;

/** Base URL of the rule documentation; each rule's anchor is its id with `/` replaced by `-`. */
export const RULES_DOC_URL = 'https://github.com/fargate-lens/fargate-lens/blob/main/docs/rules.md';

export function ruleDocUrl(id: string): string {
  return `${RULES_DOC_URL}#${id.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}
