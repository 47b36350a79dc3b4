/**
 * CloudFormation templates (JSON and YAML): content-based detection, the YAML document entry, and the
 * task-definition and launch views of template resources (resources.ts) over API-named copies of
 * their Properties (normalise.ts, names.ts). Non-template YAML is checked for the API shapes of
 * section 3 (a task definition written in YAML for the deploy action) and is otherwise not ours.
 */
import { child, isObject, str, type AstNode, type ObjectNode } from '../../documents/ast';
import type { EditBuilder } from '../../documents/edits';
import { parseYaml } from '../../documents/yaml';
import { API_NAMER, yamlEditBuilder, type KeyNamer } from '../../documents/yamlEdits';
import type { DocumentModel, ParseOptions } from '../document';
import { detectJsonShapes } from '../detect';
import type { LaunchModel, TaskDefModel } from '../model';
import { cfnJsonEditBuilder, cfnNamer } from './edits';
import { NODE_CTX, PROP_CTX, type CfnEnv } from './normalise';
import { launchesOf, resourcesOf, taskDefOf } from './resources';

export interface CfnDetected {
  taskDefs: TaskDefModel[];
  launches: LaunchModel[];
  edits: EditBuilder;
}

/** Whether a parsed document is a CloudFormation template. */
export function isTemplate(root: AstNode | undefined): root is ObjectNode {
  if (!isObject(root)) return false;
  if (child(root, 'AWSTemplateFormatVersion')) return true;
  const res = child(root, 'Resources');
  return isObject(res) && res.properties.some((r) => /^AWS::ECS::/.test(str(child(r.value, 'Type')) ?? ''));
}

/** The template's views, with edits built by `makeEdits` from the template's namer. */
export function templateViews(root: ObjectNode, makeEdits: (namer: KeyNamer) => EditBuilder): CfnDetected {
  const resources = resourcesOf(root);
  const params = new Map<string, ObjectNode>();
  const paramsNode = child(root, 'Parameters');
  if (isObject(paramsNode)) for (const p of paramsNode.properties) if (isObject(p.value)) params.set(p.key, p.value);
  const env: CfnEnv = { params, resources: new Set(resources.map((r) => r.logicalId)), ctxOf: NODE_CTX, propCtx: PROP_CTX };
  const taskDefs: TaskDefModel[] = [];
  const launches: LaunchModel[] = [];
  for (const r of resources) {
    const td = taskDefOf(r, env);
    if (td) taskDefs.push(td);
    launches.push(...launchesOf(r, env));
  }
  return { taskDefs, launches, edits: makeEdits(cfnNamer(env)) };
}

export function detectCfn(root: AstNode | undefined, text: string, syntax: 'json' | 'yaml', flowRanges: { offset: number; length: number }[] = []): CfnDetected | undefined {
  if (!isTemplate(root)) return undefined;
  return templateViews(root, (namer) => (syntax === 'json' ? cfnJsonEditBuilder(text, namer) : yamlEditBuilder(text, flowRanges, namer)));
}

export function parseYamlDocument(uri: string, text: string, opts: ParseOptions): DocumentModel {
  const parsed = parseYaml(text);
  const base = { uri, text, syntax: 'yaml' as const, root: parsed.root, parseFindings: parsed.findings, bareTemplates: [] };
  const cfn = detectCfn(parsed.root, text, 'yaml', parsed.flowRanges);
  if (cfn) return { ...base, dialect: 'cfn', ...cfn };
  const detected = detectJsonShapes(parsed.root, opts.force);
  const ours = detected.taskDefs.length > 0 || detected.launches.length > 0;
  return { ...base, dialect: ours ? 'api' : 'none', ...detected, edits: yamlEditBuilder(text, parsed.flowRanges, API_NAMER) };
}
