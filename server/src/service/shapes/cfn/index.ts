/**
 * CloudFormation templates (JSON and YAML): content-based detection, the YAML document entry, and the
 * task-definition and launch views of template resources (resources.ts) over API-named copies of
 * their Properties (normalise.ts, names.ts). Non-template YAML is checked for the API shapes of
 * section 3 (a task definition written in YAML for the deploy action) and is otherwise not ours.
 * Edits: rules speak API names; the namer respells keys the CloudFormation way for where they sit
 * (naming contexts recorded by normalise.ts), for the JSON builder here and the YAML one.
 */
import { child, isObject, str, type AstNode, type ObjectNode, type Span } from '../../documents/ast';
import { jsonEditBuilder, type EditBuilder } from '../../documents/edits';
import { parseYaml } from '../../documents/yaml';
import { API_NAMER, yamlEditBuilder, type KeyNamer } from '../../documents/yamlEdits';
import type { Detectors, DocumentModel, ParseOptions } from '../document';
import { undetected } from '../undetected';
import { detectJsonShapes } from '../detect';
import type { LaunchModel, TaskDefModel } from '../model';
import { childCtx, toCfnKey, toCfnValue, type NameCtx } from './names';
import { NODE_CTX, PROP_CTX, type CfnEnv } from './normalise';
import { TemplateConditions } from './conditions';
import { launchesOf, resourcesOf, taskDefOf } from './resources';
import { buildScenarios, type Assignment, type CfnScenarios } from './scenarios';

export interface CfnDetected {
  taskDefs: TaskDefModel[];
  launches: LaunchModel[];
  edits: EditBuilder;
  /** The condition scenarios the rules run over, when the ECS resources depend on conditions. */
  scenarios?: () => CfnScenarios | undefined;
}

/** Whether a parsed document is a CloudFormation template. */
export function isTemplate(root: AstNode | undefined): root is ObjectNode {
  if (!isObject(root)) return false;
  if (child(root, 'AWSTemplateFormatVersion')) return true;
  const res = child(root, 'Resources');
  return isObject(res) && res.properties.some((r) => /^AWS::ECS::/.test(str(child(r.value, 'Type')) ?? ''));
}

function namedObjects(node: AstNode | undefined): Map<string, ObjectNode> {
  const out = new Map<string, ObjectNode>();
  if (isObject(node)) for (const p of node.properties) if (isObject(p.value)) out.set(p.key, p.value);
  return out;
}

/** The template's views, with edits built by `makeEdits` from the template's namer. */
export function templateViews(root: ObjectNode, makeEdits: (namer: KeyNamer) => EditBuilder): CfnDetected {
  const resources = resourcesOf(root);
  const env: CfnEnv = {
    params: namedObjects(child(root, 'Parameters')),
    mappings: namedObjects(child(root, 'Mappings')),
    resources: new Set(resources.map((r) => r.logicalId)),
    ctxOf: NODE_CTX,
    propCtx: PROP_CTX,
    conditionsSeen: new Set(),
    paramsSeen: new Map(),
  };
  const views = (e: CfnEnv): { taskDefs: TaskDefModel[]; launches: LaunchModel[] } => {
    const taskDefs: TaskDefModel[] = [];
    const launches: LaunchModel[] = [];
    for (const r of resources) {
      const cond = r.condition;
      if (cond !== undefined && e.assignment?.get(cond) === false) continue;
      const td = taskDefOf(r, e);
      if (td) taskDefs.push(td);
      const ls = launchesOf(r, e);
      for (let i = 0; i < ls.length; i++) launches.push(ls[i]);
      // A resource's own Condition counts once the resource is ours.
      if (cond !== undefined && (td || ls.length > 0)) e.conditionsSeen?.add(cond);
    }
    return { taskDefs, launches };
  };
  const merged = views(env);
  const detected: CfnDetected = { ...merged, edits: makeEdits(cfnNamer(env)) };
  const seen = [...env.conditionsSeen!];
  const paramsSeen = env.paramsSeen!;
  if (seen.length > 0 || [...paramsSeen.values()].some((v) => v.size > 1)) {
    let memo: { value: CfnScenarios | undefined } | undefined;
    const conditions = new TemplateConditions(child(root, 'Conditions'), env.params);
    const scenarioViews = (a: Assignment) =>
      views({
        ...env,
        assignment: a.conditions,
        paramValues: a.params,
        conditionsSeen: undefined,
        paramsSeen: undefined,
      });
    detected.scenarios = () => (memo ??= { value: buildScenarios(seen, paramsSeen, conditions, scenarioViews) }).value;
  }
  return detected;
}

export function detectCfn(
  root: AstNode | undefined,
  text: string,
  syntax: 'json' | 'yaml',
  flowRanges: { offset: number; length: number }[] = [],
): CfnDetected | undefined {
  if (!isTemplate(root)) return undefined;
  return templateViews(root, (namer) =>
    syntax === 'json' ? cfnJsonEditBuilder(text, namer) : yamlEditBuilder(text, flowRanges, namer),
  );
}

/**
 * A Go or Jinja template directive standing where YAML belongs (`{{- if .X }}` lines of Copilot's
 * CloudFormation templates, `{% for %}` of Ansible/Jinja): the file is only YAML after rendering.
 */
const TEMPLATE_DIRECTIVE = /^[ \t-]*(\{\{-?\s*(if|else|end|range|with|define|template|include|block)\b|\{%)/m;

/** A Jinja/Go expression (`{{ x | f('a') }}`) on the line of a syntax error or the one before it. */
const TEMPLATE_EXPRESSION = /\{\{.*?\}\}|\{%/;

/**
 * Where a YAML file with syntax errors shows it is a template (AWS Proton's Jinja-rendered
 * `cloudformation.yaml`, Copilot's Go templates): a directive line, or a template expression on a line a
 * syntax error points at. Undefined when the file parsed or its errors are plain YAML errors.
 */
function templateMarkAt(text: string, findings: readonly { severity?: string; span: Span }[]): number | undefined {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return undefined;
  const directive = TEMPLATE_DIRECTIVE.exec(text);
  if (directive) return directive.index + directive[0].length - directive[1].length;
  for (const { span } of errors) {
    let lineStart = text.lastIndexOf('\n', Math.max(0, span.offset - 1)) + 1;
    for (let back = 0; back < 2; back++) {
      const end = text.indexOf('\n', lineStart);
      const line = text.slice(lineStart, end < 0 ? text.length : end);
      const m = TEMPLATE_EXPRESSION.exec(line);
      if (m) return lineStart + m.index;
      if (lineStart === 0) break;
      lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    }
  }
  return undefined;
}

export function parseYamlDocument(
  uri: string,
  text: string,
  opts: ParseOptions,
  detectors: Detectors = { cfn: detectCfn, shapes: detectJsonShapes },
): DocumentModel {
  const parsed = parseYaml(text);
  const offset = templateMarkAt(text, parsed.findings);
  if (offset !== undefined) {
    // Syntax errors of a template are not errors of the file it renders to: one note instead of a flood.
    return {
      uri,
      text,
      syntax: 'yaml',
      root: undefined,
      parseFindings: [
        {
          ruleId: 'file/templated',
          severity: 'info',
          span: {
            offset,
            length: Math.min(
              60,
              text.indexOf('\n', offset) < 0 ? text.length - offset : text.indexOf('\n', offset) - offset,
            ),
          },
          message: `This file is only YAML after templating: template directives (first: line ${text.slice(0, offset).split('\n').length}) stand where YAML belongs, so it was not checked. Check the rendered file instead.`,
        },
      ],
      bareTemplates: [],
      dialect: /AWSTemplateFormatVersion|AWS::ECS::|containerDefinitions/.test(text) ? 'api' : 'none',
      taskDefs: [],
      launches: [],
      edits: yamlEditBuilder(text, [], API_NAMER),
    };
  }
  const base = {
    uri,
    text,
    syntax: 'yaml' as const,
    root: parsed.root,
    parseFindings: parsed.findings,
    bareTemplates: [],
  };
  let detected: ReturnType<Detectors['shapes']>;
  try {
    const cfn = detectors.cfn(parsed.root, text, 'yaml', parsed.flowRanges);
    if (cfn) return { ...base, dialect: 'cfn', ...cfn };
    detected = detectors.shapes(parsed.root, opts.force);
  } catch (e) {
    return undetected(base, yamlEditBuilder(text, parsed.flowRanges, API_NAMER), e);
  }
  const ours = detected.taskDefs.length > 0 || detected.launches.length > 0;
  return {
    ...base,
    dialect: ours ? 'api' : 'none',
    ...detected,
    edits: yamlEditBuilder(text, parsed.flowRanges, API_NAMER),
  };
}

export function cfnNamer(env: Pick<CfnEnv, 'ctxOf' | 'propCtx'>): KeyNamer {
  const ctxOf = (n: AstNode | undefined): NameCtx => (n ? env.ctxOf.get(n) : undefined) ?? 'plain';
  return {
    key: (apiKey, container) => toCfnKey(ctxOf(container), apiKey),
    keyOf: (p, apiKey) => toCfnKey(env.propCtx.get(p) ?? 'plain', apiKey),
    value: (value, container, apiKey) => {
      const ctx = ctxOf(container);
      return toCfnValue(value, apiKey === undefined ? ctx : childCtx(ctx, apiKey));
    },
  };
}

/** JSON template edits: the core JSON builder with CloudFormation key spelling. */
export function cfnJsonEditBuilder(text: string, namer: KeyNamer): EditBuilder {
  const base = jsonEditBuilder(text);
  return {
    key: (k) => namer.key(k),
    replaceValue: (node, value) => base.replaceValue(node, namer.value(value, node)),
    replaceKey: (p, k) => base.replaceKey(p, namer.keyOf(p, k)),
    removeProperty: (obj, p) => base.removeProperty(obj, p),
    addProperty: (obj, k, value) => base.addProperty(obj, namer.key(k, obj), namer.value(value, obj, k)),
    removeItem: (arr, i) => base.removeItem(arr, i),
    appendItem: (arr, value) => base.appendItem(arr, namer.value(value, arr)),
  };
}
