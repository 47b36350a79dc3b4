/**
 * Findings as the file's consumer and pipeline make them true (pipeline/consumer.ts says who reads
 * what how): one finding per empty string of an optional enum member, null members and numbers
 * written as strings at the severity the consumer deserves, describe-only members that ecspresso drops,
 * members a render step fills in not reported as missing, partial task definitions not judged for what
 * the merge supplies.
 */
import { child, isObject, objects, str, type AstNode, type ObjectNode, type Property } from '../documents/ast';
import type { DocumentModel } from '../shapes/document';
import { containerName } from '../shapes/model';
import { resolveRef, type JsonPath } from '../schema/navigate';
import { schemaFor, schemaKindOf, type SchemaNode } from '../schema/schemas';
import type { Finding, Severity } from '../types';
import { consumerOf, type Consumer } from './consumer';
import type { PipelineLink } from './links';

export const EMPTY_OPTIONAL_RULE = 'schema/empty-optional';
export const RENDER_CONTAINER_RULE = 'pipeline/render-container';

/** Service members only DescribeServices returns (Service shape minus CreateServiceRequest, ECS model). */
export const DESCRIBE_ONLY_SERVICE_FIELDS = new Set([
  'clusterArn',
  'createdAt',
  'createdBy',
  'deployments',
  'events',
  'pendingCount',
  'platformFamily',
  'roleArn',
  'runningCount',
  'serviceArn',
  'status',
  'taskSets',
  'currentServiceDeployment',
  'currentServiceRevisions',
  'resourceManagementType',
]);

/** Rules whose findings a render step's input makes moot, by the member it sets. */
const SUPPLIED_BY: Record<string, readonly string[]> = {
  image: ['ctr/image'],
  logConfiguration: ['log/missing', 'log/driver-enum', 'log/fargate-driver'],
  'logConfiguration.options': ['log/awslogs-required-opts'],
  executionRoleArn: ['exec-role/awslogs', 'exec-role/ecr', 'exec-role/secrets'],
  taskRoleArn: ['exec/task-role'],
};

/** Rules that report a member as missing: a partial task definition gets it from the merge. */
const MISSING_MEMBER_RULES = new Set([
  'schema/required',
  'task/family-required',
  'task/container-definitions-required',
  'fargate/network-mode-awsvpc',
  'fargate/task-cpu-memory-required',
  'ctr/image',
  'exec-role/awslogs',
  'exec-role/ecr',
  'exec-role/secrets',
  'log/missing',
  'exec/task-role',
]);

export function adjustForPipeline(doc: DocumentModel, findings: Finding[], links: readonly PipelineLink[]): Finding[] {
  if (doc.dialect !== 'api') return findings;
  const consumer = consumerOf(doc, links);
  let out = findings;
  if (doc.text.includes('""')) out = emptyOptionals(doc, out, consumer);
  if (consumer.kind !== 'unknown') out = out.map((f) => bySeverity(doc, f, consumer));
  else out = out.map((f) => describeOnly(doc, f, consumer));
  for (const link of links) if (link.supplies) out = supplied(doc, out, link);
  if (consumer.partial) out = out.filter((f) => !MISSING_MEMBER_RULES.has(f.ruleId));
  return out;
}

/** How loose values fare with each consumer: [empty enum / null, number written as a string]. */
function severities(c: Consumer): { dropped: Severity; coerced: Severity } {
  switch (c.kind) {
    case 'aws-cli':
      return { dropped: 'error', coerced: 'error' };
    case 'go-sdk':
      // PipeCD and ecspresso decode with encoding/json ("cannot unmarshal string into Go struct field");
      // a YAML file may instead be read by the deploy action, which sends it as written.
      return { dropped: 'hint', coerced: c.tool === 'ecspresso' || c.tool === 'PipeCD' ? 'error' : 'warning' };
    case 'deploy-action':
      return { dropped: 'hint', coerced: 'warning' };
    default:
      return { dropped: 'warning', coerced: 'warning' };
  }
}

function emptyOptionals(doc: DocumentModel, findings: Finding[], consumer: Consumer): Finding[] {
  const kind = schemaKindOf(doc);
  if (!kind || !doc.root) return findings;
  const schema = schemaFor(kind);
  const empties: Property[] = [];
  collectEmpties(schema, resolveRef(schema, schema), doc.root, empties, [], 0);
  if (empties.length === 0) return findings;
  const inside = (f: Finding, p: Property) =>
    f.span.offset >= p.span.offset && f.span.offset + f.span.length <= p.span.offset + p.span.length;
  const kept = findings.filter((f) => !empties.some((p) => inside(f, p)));
  const sev = severities(consumer).dropped;
  for (const p of empties) {
    const who =
      consumer.kind === 'unknown'
        ? 'The AWS CLI sends it and the API rejects the empty value; ecspresso, PipeCD and Copilot (the AWS Go SDK) and the GitHub deploy action leave it out.'
        : sev === 'error'
          ? `This file is read by ${consumer.tool}${consumer.via ? ` (${consumer.via.source.label})` : ''}, which sends it; the API rejects the empty value.`
          : `This file is read by ${consumer.tool}${consumer.via ? ` (${consumer.via.source.label})` : ''}, which leaves empty values out, so it has no effect.`;
    kept.push({
      ruleId: EMPTY_OPTIONAL_RULE,
      severity: sev,
      span: { offset: p.value.offset, length: p.value.length },
      message: `'${p.rawKey}' is an empty string, not one of its allowed values. ${who} Remove the member to use the default.`,
      tags: sev === 'hint' ? ['unnecessary'] : undefined,
      fixes: [
        {
          title: `Remove '${p.rawKey}'`,
          isPreferred: true,
          edits: [doc.edits.removeProperty(parentOf(doc.root, p)!, p)],
        },
      ],
    });
  }
  return kept;
}

function collectEmpties(
  root: SchemaNode,
  schema: SchemaNode | undefined,
  node: AstNode,
  out: Property[],
  path: JsonPath,
  depth: number,
): void {
  if (!schema || depth > 40 || node.unknown) return;
  if (node.type === 'array') {
    const items = resolveRef(root, schema.items);
    for (const item of node.items) collectEmpties(root, items, item, out, path, depth + 1);
    return;
  }
  if (node.type !== 'object') return;
  for (const p of node.properties) {
    const member = schema.properties?.[p.key];
    if (!member) continue;
    const resolved = resolveRef(root, member);
    if (p.value.type === 'string' && !p.value.unknown && p.value.value === '' && resolved?.enum) out.push(p);
    else collectEmpties(root, resolved, p.value, out, path, depth + 1);
  }
}

function parentOf(root: AstNode, p: Property): ObjectNode | undefined {
  if (root.type === 'object') {
    if (root.properties.includes(p)) return root;
    for (const q of root.properties) {
      const found = parentOf(q.value, p);
      if (found) return found;
    }
  } else if (root.type === 'array') {
    for (const item of root.items) {
      const found = parentOf(item, p);
      if (found) return found;
    }
  }
  return undefined;
}

const NULL_TYPE = /^`[^`]+` is null:|^This value is null:/;
const describeKey = (doc: DocumentModel, f: Finding) =>
  f.ruleId === 'schema/unknown-property' ? doc.text.slice(f.span.offset + 1, f.span.offset + f.span.length - 1) : '';
const isServiceFile = (doc: DocumentModel) => doc.taskDefs.length === 0 && doc.launches.length > 0;

/** Severity (and wording) of the schema findings whose truth depends on the reader. */
function bySeverity(doc: DocumentModel, f: Finding, consumer: Consumer): Finding {
  const sev = severities(consumer);
  const reader = `${consumer.tool}${consumer.via ? ` (${consumer.via.source.label})` : ''}`;
  if (f.ruleId === 'schema/type' && NULL_TYPE.test(f.message)) {
    const note =
      sev.dropped === 'error'
        ? `${reader} sends it and rejects null.`
        : `${reader} drops null members, so it has no effect.`;
    return { ...f, severity: sev.dropped, message: `${f.message} ${note}` };
  }
  if (f.ruleId === 'schema/type' && f.severity === 'warning') {
    const note =
      sev.coerced === 'error' ? `${reader} reads this file and rejects the wrong type.` : `${reader} reads this file.`;
    return { ...f, severity: sev.coerced, message: `${f.message} ${note}` };
  }
  if (f.ruleId === 'schema/unknown-property' && consumer.kind === 'go-sdk' && consumer.tool === 'ecspresso') {
    if (isServiceFile(doc) && DESCRIBE_ONLY_SERVICE_FIELDS.has(describeKey(doc, f)))
      return {
        ...f,
        severity: 'hint',
        tags: ['unnecessary'],
        message: `${f.message.replace(/the ECS API has no such member here\.?/, 'a member of DescribeServices output, not of CreateService input.')} ${reader} decodes the file into the describe shape and drops it before CreateService.`,
      };
    return {
      ...f,
      severity: 'warning',
      message: `${f.message} ${reader} warns about unknown members ("unknown field") and ignores them.`,
    };
  }
  return f;
}

/** Unknown consumer: describe-only service members are a warning saying who rejects and who ignores them. */
function describeOnly(doc: DocumentModel, f: Finding, _consumer: Consumer): Finding {
  if (f.ruleId !== 'schema/unknown-property' || !isServiceFile(doc)) return f;
  if (!DESCRIBE_ONLY_SERVICE_FIELDS.has(describeKey(doc, f))) return f;
  return {
    ...f,
    severity: 'warning',
    message: `${f.message.replace(/the ECS API has no such member here\.?/, 'a member of DescribeServices output, not of CreateService input.')} ecspresso keeps such members in its service definition and drops them before CreateService; the AWS CLI rejects them ("Unknown parameter"). Remove it unless ecspresso reads this file.`,
  };
}

/** Findings about members a render step sets, inside the containers it names, are dropped. */
function supplied(doc: DocumentModel, findings: Finding[], link: PipelineLink): Finding[] {
  const s = link.supplies!;
  const td = doc.taskDefs[0];
  if (!td) return findings;
  const containerRules = new Set(s.containerMembers.flatMap((m) => SUPPLIED_BY[m] ?? []));
  const taskRules = new Set(s.taskMembers.flatMap((m) => SUPPLIED_BY[m] ?? []));
  const named = td.containers.filter((c) => s.containers.includes(containerName(c) ?? ''));
  const within = (f: Finding, c: ObjectNode) => f.span.offset >= c.offset && f.span.offset < c.offset + c.length;
  const kept = findings.filter(
    (f) => !taskRules.has(f.ruleId) && !(containerRules.has(f.ruleId) && named.some((c) => within(f, c))),
  );
  const known = new Set(td.containers.map((c) => containerName(c)));
  const missing = s.containers.filter((n) => !known.has(n));
  if (missing.length > 0 && td.containers.length > 0 && td.containers.every((c) => containerName(c) !== undefined)) {
    const anchor = td.root ? (child(td.root, 'containerDefinitions') ?? td.root) : td.containersNode!;
    kept.push({
      ruleId: RENDER_CONTAINER_RULE,
      severity: 'error',
      span: { offset: anchor.offset, length: 1 },
      message: `${link.source.label} names container${missing.length > 1 ? 's' : ''} ${missing.map((n) => `'${n}'`).join(', ')}, which this task definition does not have (containers: ${[...known].map((n) => `'${n}'`).join(', ')}). The action fails: "Invalid task definition: Could not find container definition with matching name".`,
      related: [{ uri: link.source.uri, span: link.source.span, message: 'the render step' }],
    });
  }
  return kept;
}

/** Hover text for a container whose members a pipeline step fills in (empty when none does). */
export function suppliedHover(doc: DocumentModel, offset: number, links: readonly PipelineLink[]): string[] {
  const td = doc.taskDefs[0];
  if (!td) return [];
  const c = objects(td.containersNode).find((o) => offset >= o.offset && offset <= o.offset + o.length);
  // Only over a container definition: the hover of every other member stays the API documentation.
  if (!c || !isObject(c)) return [];
  const name = str(child(c, 'name'));
  const lines: string[] = [];
  for (const l of links) {
    if (l.supplies && name !== undefined && l.supplies.containers.includes(name)) {
      const members = [...l.supplies.containerMembers, ...l.supplies.taskMembers].map((m) => `\`${m}\``).join(', ');
      lines.push(
        `**Filled in by the pipeline:** ${members} of container \`${name}\` — ${l.source.label}, ${fileName(l.source.uri)}.`,
      );
    } else if (l.partial) {
      lines.push(
        `**Partial task definition:** merged with a template before registering — ${l.source.label}, ${fileName(l.source.uri)}.`,
      );
    } else if (!l.supplies) {
      lines.push(`**Read by:** ${l.source.label}, ${fileName(l.source.uri)}.`);
    }
  }
  return [...new Set(lines)];
}

const fileName = (uri: string) =>
  decodeURIComponent(uri.slice(uri.lastIndexOf('/.github/') + 1 || uri.lastIndexOf('/') + 1));
