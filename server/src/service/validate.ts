/**
 * Runs the rules over a parsed document: task-definition rules with the launch inputs that run each
 * task definition (Fargate-ness can come from another file), launch rules with the task definitions
 * they resolve to, then applies the user's severity settings.
 */
import type { DocumentModel } from './shapes/document';
import type { CfnScenarios, Scenario } from './shapes/cfn/scenarios';
import { overriddenView, overrideSpans, overridesOf } from './shapes/overrides';
import type { ObjectNode } from './documents/ast';
import { launchIsFargate, type LaunchModel, type TaskDefModel } from './shapes/model';
import { ALL_RULES, RULES_BY_ID } from './rules';
import type { LaunchRule, LinkedLaunch, LinkedTaskDef, TaskDefContext, TaskDefRule } from './rules/types';
import { containerKeys, needsMet } from './rules/needs';
import { lineOf } from './rules/util';
import type { WorkspaceIndex } from './workspace';
import type { Diagnostic, Finding, Severity, SeveritySetting } from './types';
import type { LiveEfs } from './live';
import type { LiveFinding } from './liveFindings';
import { applySuppressions } from './suppress';
import { duplicateKeyFindings } from './documents/duplicateKeys';
import { internalFinding } from './internal';

export interface ValidationSettings {
  /** Per-rule severity overrides: `{ "fargate/cap-add": "warning", "ctr/user-root": "off" }`. */
  rules?: Record<string, SeveritySetting>;
  /** Live EFS data of the connected account (client-provided); live rules are silent without it. */
  live?: LiveEfs;
  /** Findings of checks against the account, anchored at members (liveFindings.ts), from every producer. */
  liveFindings?: readonly LiveFinding[];
  /**
   * validateAll folds the findings of several rules on one token into one primary diagnostic with
   * the others as related information (fold.ts); false keeps every rule's own result (the CLI's
   * JSON and SARIF, one result per rule for code scanning).
   */
  fold?: boolean;
}

export const TEMPLATED_RULE = 'file/templated';

/** The registry split by scope once, in registry order. */
const TASKDEF_RULES: readonly TaskDefRule[] = ALL_RULES.filter((r): r is TaskDefRule => r.scope === 'taskdef');
const LAUNCH_RULES: readonly LaunchRule[] = ALL_RULES.filter((r): r is LaunchRule => r.scope === 'launch');

/** Findings of the rules (not of the schema) for one document. */
export function ruleFindings(doc: DocumentModel, index?: WorkspaceIndex, live?: LiveEfs): Finding[] {
  if (doc.dialect === 'none') return [];
  const out: Finding[] = [...doc.parseFindings];
  if (doc.bareTemplates.length > 0) out.push(templatedFinding(doc));
  if (doc.syntax === 'json') for (const f of duplicateKeyFindings(doc)) out.push(f);
  let scenarios: CfnScenarios | undefined;
  try {
    scenarios = doc.scenarios?.();
  } catch (e) {
    out.push(internalFinding('internal/shape-error', 'Reading the template conditions', e));
  }
  if (scenarios) out.push(...scenarioFindings(doc, scenarios, index, live));
  else runModels(doc, doc.taskDefs, doc.launches, index, live, out);
  // Spans past the end (a parser's end-of-input error) are clamped so every consumer can trust them.
  const n = doc.text.length;
  for (const f of out) {
    if (f.span.offset > n || f.span.offset + f.span.length > n) {
      const offset = Math.min(f.span.offset, n);
      f.span = { offset, length: Math.max(0, n - offset) };
    }
  }
  return applySuppressions(doc.text, out);
}

/** Runs the task-definition and launch rules over one set of views of the document. */
function runModels(
  doc: DocumentModel,
  taskDefs: TaskDefModel[],
  launchModels: LaunchModel[],
  index: WorkspaceIndex | undefined,
  live: LiveEfs | undefined,
  out: Finding[],
): void {
  const launchesInDoc: LinkedLaunch[] = launchModels.map((launch) => ({ uri: doc.uri, launch }));
  for (const td of taskDefs) {
    const launches = linkedLaunches(td, doc, launchesInDoc, index);
    const view = withLaunchFargate(td, launches);
    runTaskDefRules({ td: view, doc, launches, live }, out);
  }
  for (const launch of launchModels) {
    const ctx = { launch, doc, targets: linkedTaskDefs(launch, taskDefs, doc, index) };
    for (let i = 0; i < LAUNCH_RULES.length; i++) runRule(LAUNCH_RULES[i], ctx, out);
    const overrides = overridesOf(launch.node);
    if (overrides) overrideFindings(ctx, overrides, live, out);
  }
}

/**
 * Run-task overrides get the checks of the members they override: the task-definition rules run over
 * the task definition as overridden, and what they find on an overriding member, and not on the task
 * definition as written, is reported here, at the override.
 */
function overrideFindings(
  ctx: { launch: LaunchModel; doc: DocumentModel; targets: LinkedTaskDef[] },
  overrides: ObjectNode,
  live: LiveEfs | undefined,
  out: Finding[],
): void {
  if (ctx.targets.length !== 1) return; // several revisions of the family: which one runs is not known
  const t = ctx.targets[0];
  const view = overriddenView(t.td, overrides, launchIsFargate(ctx.launch) === true);
  if (!view) return;
  const spans = overrideSpans(overrides);
  const launches = [{ uri: ctx.doc.uri, launch: ctx.launch }];
  const base: Finding[] = [];
  runTaskDefRules({ td: withLaunchFargate(t.td, launches), doc: ctx.doc, launches, live }, base);
  const known = new Set(base.map(findingKey));
  const found: Finding[] = [];
  runTaskDefRules({ td: view, doc: ctx.doc, launches, live }, found);
  for (const f of found)
    if (spans.has(`${f.span.offset}:${f.span.length}`) && !known.has(findingKey(f)))
      out.push({ ...f, message: `${f.message} (Overrides task definition '${t.td.label}'.)` });
}

function findingKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.span.offset}\u0000${f.span.length}\u0000${f.message}`;
}

/**
 * The rules over each condition scenario of a template, merged: a finding made in every scenario is
 * reported once as it is; one made in only some says in which ("When parameter Env is 'prod': ...").
 */
function scenarioFindings(
  doc: DocumentModel,
  scenarios: CfnScenarios,
  index: WorkspaceIndex | undefined,
  live: LiveEfs | undefined,
): Finding[] {
  const merged = new Map<string, { finding: Finding; in: Scenario[] }>();
  for (const s of scenarios.list) {
    const found: Finding[] = [];
    runModels(doc, s.taskDefs, s.launches, index, live, found);
    for (const f of found) {
      const key = findingKey(f);
      const m = merged.get(key);
      if (m) {
        if (!m.in.includes(s)) m.in.push(s);
      } else merged.set(key, { finding: f, in: [s] });
    }
  }
  const out: Finding[] = [];
  for (const { finding, in: subset } of merged.values()) {
    const when = scenarios.describe(subset);
    out.push(
      when ? { ...finding, message: `${when.charAt(0).toUpperCase()}${when.slice(1)}: ${finding.message}` } : finding,
    );
  }
  return out;
}

/** Applies defaults and user overrides; drops rules set to "off". */
export function resolveSeverities(uri: string, findings: Finding[], settings: ValidationSettings = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rules = settings.rules;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const user = rules?.[f.ruleId];
    if (user === 'off') continue;
    const severity: Severity = user ?? f.severity ?? RULES_BY_ID.get(f.ruleId)?.severity ?? 'warning';
    // The members of `{ ...f, severity, uri }` in the same order; a spread followed by new members
    // costs microseconds per object in V8 (a slow clone path), Object.assign a fraction of that.
    const d = Object.assign({}, f) as Diagnostic;
    d.severity = severity;
    d.uri = uri;
    out.push(d);
  }
  return out.length > 1 ? out.sort(byPosition) : out;
}

const byPosition = (a: Diagnostic, b: Diagnostic): number =>
  a.span.offset - b.span.offset || compareRuleIds(a.ruleId, b.ruleId);

const PLAIN_ID = /^[a-z0-9./-]*$/;

/**
 * localeCompare's order without ICU (whose first use costs ~10 ms in a fresh CLI process): for ids made
 * of lowercase ASCII letters, digits, '.', '/' and '-' the collation order is the code-unit order.
 */
export function compareRuleIds(a: string, b: string): number {
  if (PLAIN_ID.test(a) && PLAIN_ID.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

function templatedFinding(doc: DocumentModel): Finding {
  const first = doc.bareTemplates[0];
  const n = doc.bareTemplates.length;
  const token = doc.text.slice(first.offset, first.offset + Math.min(first.length, 60));
  return {
    ruleId: TEMPLATED_RULE,
    severity: 'info',
    span: { offset: first.offset, length: first.length },
    message:
      `This file is only valid JSON after templating: ${n} template expression${n === 1 ? '' : 's'} (first: ${token} on line ${lineOf(doc, first.offset)}) ` +
      'stand where JSON values belong. Values filled in by the template are treated as unknown and not checked; check the rendered file too.',
  };
}

function linkedLaunches(
  td: TaskDefModel,
  doc: DocumentModel,
  inDoc: LinkedLaunch[],
  index?: WorkspaceIndex,
): LinkedLaunch[] {
  const local = td.logicalId ? inDoc.filter((l) => l.launch.taskDefinitionLogicalId === td.logicalId) : [];
  const remote = index ? index.launchesForTaskDef(td).filter((l) => l.uri !== doc.uri || !td.logicalId) : [];
  if (local.length + remote.length === 0) return local;
  const seen = new Set<LaunchModel>();
  return [...local, ...remote].filter((l) => !seen.has(l.launch) && !!seen.add(l.launch));
}

function linkedTaskDefs(
  launch: LaunchModel,
  taskDefs: TaskDefModel[],
  doc: DocumentModel,
  index?: WorkspaceIndex,
): LinkedTaskDef[] {
  if (launch.taskDefinitionLogicalId) {
    return taskDefs.filter((td) => td.logicalId === launch.taskDefinitionLogicalId).map((td) => ({ uri: doc.uri, td }));
  }
  return index ? index.taskDefsForLaunch(launch) : [];
}

/** A task definition without FARGATE in requiresCompatibilities is still Fargate when launched there. */
function withLaunchFargate(td: TaskDefModel, launches: LinkedLaunch[]): TaskDefModel {
  if (td.fargate) return td;
  const via = launches.find((l) => launchIsFargate(l.launch) === true);
  if (!via) return td;
  // Object.assign, not a spread followed by members (a slow clone in V8); the same members in the same order.
  return Object.assign({}, td, {
    fargate: true,
    fargateVia: { uri: via.uri, span: via.launch.launchType ?? via.launch.anchor, label: via.launch.label },
  });
}

/**
 * Runs the task-definition rules in registry order over one shared context (rules only read it),
 * skipping those whose members the task definition does not have (RuleNeeds, exact preconditions).
 */
function runTaskDefRules(ctx: TaskDefContext, out: Finding[]): void {
  let keys: Set<string> | undefined;
  for (let i = 0; i < TASKDEF_RULES.length; i++) {
    const rule = TASKDEF_RULES[i];
    if (rule.needs && !needsMet(rule.needs, ctx.td, (keys ??= containerKeys(ctx.td)))) continue;
    runRule(rule, ctx, out);
  }
}

/** Appends a rule's findings. A rule that throws must not take validation down; it becomes an internal-error finding. */
function runRule<C>(rule: { id: string; check(ctx: C): Finding[] }, ctx: C, out: Finding[]): void {
  let found: Finding[];
  try {
    found = rule.check(ctx);
  } catch (e) {
    found = [internalFinding('internal/rule-error', `Rule ${rule.id}`, e)];
  }
  for (let j = 0; j < found.length; j++) out.push(found[j]);
}
