/**
 * Helpers shared by the task, fargate, container, port and linux rule areas: "is this member really
 * set" (console exports write `null` and `[]` for unset members, which AWS accepts), where to point
 * when a member is missing, why a task definition counts as Fargate, and enum checks that work on
 * literals, CloudFormation parameters and `Fn::If` branches alike.
 */
import {
  alternatives,
  child,
  prop,
  type AstNode,
  type LiteralNode,
  type ObjectNode,
  type Property,
  type Span,
} from '../../documents/ast';
import type { DocumentModel } from '../../shapes/document';
import type { TaskDefModel } from '../../shapes/model';
import type { Finding, Fix, OffsetEdit, RelatedLocation } from '../../types';
import { finding, fix } from '../util';

/** A member that is present with a value other than `null`. */
export function given(obj: AstNode | undefined, key: string): Property | undefined {
  const p = prop(obj, key);
  return p && p.value.type !== 'null' ? p : undefined;
}

/** A member that is set to something meaningful: not null, not an empty array or object, not `false`. */
export function used(obj: AstNode | undefined, key: string): Property | undefined {
  const p = given(obj, key);
  if (!p) return undefined;
  const v = p.value;
  if (v.unknown) return p;
  if (v.type === 'array' && v.items.length === 0) return undefined;
  if (v.type === 'object' && v.properties.length === 0) return undefined;
  if (v.type === 'boolean' && v.value === false) return undefined;
  return p;
}

/** " (value of parameter X)" for values a CloudFormation expression evaluates to (`via` names the source). */
export function viaNote(via: string | undefined): string {
  return via ? ` (value of ${via})` : '';
}

/**
 * True when a value can take several literals (`Fn::If` branches, a parameter's AllowedValues): each
 * may belong to a condition (e.g. the EC2 variant of a template), so Fargate rules judge it less firmly.
 */
export function conditional(node: AstNode | undefined): boolean {
  return !!node && (!!node.branches || (node.candidates?.values.length ?? 0) > 1);
}

/**
 * Where to point for a member missing from the task-level object: the `taskDefinition` key of a
 * wrapped describe output, else the object's first token (`{` in JSON, the first key in YAML).
 */
export function missingAnchor(td: TaskDefModel, doc: DocumentModel): Span {
  const root = td.root!;
  const wrapper = prop(doc.root, 'taskDefinition');
  if (wrapper && wrapper.value === root) return wrapper.keySpan;
  if (doc.syntax === 'yaml' && root.properties[0]) return root.properties[0].keySpan;
  return { offset: root.offset, length: 1 };
}

/** Human reason the Fargate rules apply, for messages. */
export function fargateWhy(td: TaskDefModel): string {
  if (td.fargateVia) return `it is launched on Fargate by ${td.fargateVia.label}`;
  return 'requiresCompatibilities includes FARGATE';
}

/** Related information pointing at the launch input that makes the task definition a Fargate one. */
export function fargateExtra(td: TaskDefModel): Partial<Finding> {
  if (!td.fargateVia) return {};
  const related: RelatedLocation[] = [
    {
      uri: td.fargateVia.uri,
      span: td.fargateVia.span,
      message: `${td.fargateVia.label} runs this task definition on Fargate`,
    },
  ];
  return { related };
}

/** The literal a value fix may replace: only a value written in place (not a parameter's candidate). */
export function fixable(alt: { node: AstNode; value: LiteralNode }): boolean {
  return alt.node === alt.value;
}

export interface EnumCheck {
  ruleId: string;
  doc: DocumentModel;
  node: AstNode | undefined;
  allowed: readonly string[];
  /** "networkMode" etc., for messages. */
  what: string;
  /** Extra sentence on why (the AWS limit). */
  why: string;
  /** Suggestions for values that are not just a case variant (e.g. FARGATE_SPOT -> FARGATE). */
  suggest?: (value: string) => string | undefined;
  severity?: Finding['severity'];
}

/** Reports each alternative of `node` outside `allowed`, with a case or suggestion fix. */
export function checkEnum(c: EnumCheck): Finding[] {
  const out: Finding[] = [];
  for (const alt of alternatives(c.node)) {
    if (alt.value.type !== 'string') continue;
    const v = String(alt.value.value);
    if (c.allowed.includes(v)) continue;
    const ci = c.allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    const suggestion = ci ?? c.suggest?.(v);
    const fixes: Fix[] =
      suggestion && fixable(alt)
        ? [fix(`Change to '${suggestion}'`, [c.doc.edits.replaceValue(alt.node, suggestion)], true)]
        : [];
    const hint = ci ? ` Values are case-sensitive: write '${ci}'.` : suggestion ? ` Did you mean '${suggestion}'?` : '';
    out.push(
      finding(
        c.ruleId,
        alt.node,
        `${c.what} '${v}'${viaNote(alt.via)} is not a valid value; allowed: ${c.allowed.join(', ')}. ${c.why}${hint}`,
        {
          fixes,
          ...(c.severity ? { severity: c.severity } : {}),
        },
      ),
    );
  }
  return out;
}

/** The string items of the containers' names, for existence checks. */
export function containerNames(td: TaskDefModel): Set<string> {
  const names = new Set<string>();
  for (const c of td.containers) {
    const n = child(c, 'name');
    if (n && n.type === 'string' && !n.unknown) names.add(String(n.value));
  }
  return names;
}

/** True when some container name is not a known literal (templated), so existence checks must stay quiet. */
export function someNameUnknown(td: TaskDefModel): boolean {
  // A container spliced in by a template (`$ENVOY_CONTAINER_JSON`) is an unknown item of the array.
  if (
    td.containersNode &&
    (td.containersNode.unknown ||
      (td.containersNode.type === 'array' && td.containersNode.items.some((it) => it.unknown || it.type !== 'object')))
  )
    return true;
  return td.containers.some((c) => {
    const n = child(c, 'name');
    return !n || n.unknown !== undefined || n.type !== 'string';
  });
}

/** Removes a member: the fix title says which. */
export function removeFix(doc: DocumentModel, obj: ObjectNode, p: Property, preferred = true): Fix {
  return fix(`Remove ${p.rawKey}`, [doc.edits.removeProperty(obj, p)], preferred);
}

/**
 * Edits removing several members of one object at once. Removing each member on its own would give
 * overlapping edits where two removed members end the object (each takes the comma before it), so a
 * member of the trailing run is removed as if the members after it were already gone.
 */
export function removeProperties(doc: DocumentModel, obj: ObjectNode, props: Property[]): OffsetEdit[] {
  const gone = new Set(props);
  const all = obj.properties;
  let trailingFrom = all.length;
  while (trailingFrom > 0 && gone.has(all[trailingFrom - 1])) trailingFrom--;
  return all.flatMap((p, i) => {
    if (!gone.has(p)) return [];
    if (i < trailingFrom) return [doc.edits.removeProperty(obj, p)];
    return [doc.edits.removeProperty({ ...obj, properties: all.slice(0, i + 1) }, p)];
  });
}
