/**
 * The syntax-neutral document tree every rule reads. JSON (jsonc-parser) and YAML (yaml) documents are
 * both converted into these nodes; each node keeps the source span of its token so that findings can
 * point at the exact key or value. CloudFormation properties are renamed to the ECS API's camelCase
 * names on the way in (see shapes/cfn*), but spans always point into the original text.
 */

export interface Span {
  /** Offset of the first character of the token in the document text. */
  offset: number;
  length: number;
}

interface NodeBase extends Span {
  /**
   * Set when the value is not known until deploy time: a template token (`{{ x }}`, `${X}`,
   * `<IMAGE1_NAME>`, `REPLACE_ME`), or a CloudFormation intrinsic function. Rules never judge it.
   */
  unknown?: 'template' | 'intrinsic';
  /**
   * For a CloudFormation expression evaluated offline (`!Ref Param`, `!FindInMap`, `!Sub`, `!Join`):
   * the literal values it can take. Rules may judge each; `via` (or `vias[i]` for the i-th value) is
   * a noun phrase saying where the value comes from, for messages ("parameter Env", "mapping EnvMap
   * when parameter Env is 'prod'").
   */
  candidates?: { values: LiteralNode[]; via: string; vias?: string[] };
  /**
   * For a CloudFormation `!Sub` / `!Join` not known offline: its literal parts in order, `undefined`
   * where an unknown value stands (e.g. the secret name and JSON key around `${AWS::AccountId}`).
   */
  parts?: (string | undefined)[];
  /** For `Fn::If`: the two branches when both exist. Rules may check each branch. */
  branches?: AstNode[];
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: Property[];
}

export interface ArrayNode extends NodeBase {
  type: 'array';
  items: AstNode[];
}

export interface LiteralNode extends NodeBase {
  type: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
}

export type AstNode = ObjectNode | ArrayNode | LiteralNode;

export interface Property {
  /** Normalised key (ECS API spelling for CloudFormation). */
  key: string;
  /** The key as written in the source. */
  rawKey: string;
  keySpan: Span;
  value: AstNode;
  /** Span of the whole member (key through value), used to delete or replace it. */
  span: Span;
}

/**
 * The member `key` of an object. A key written twice is read as every consumer reads it: the last
 * occurrence wins (Python's json in the AWS CLI, JSON.parse, Go's encoding/json); the duplicate itself
 * is reported by documents/duplicateKeys.ts.
 */
export function prop(node: AstNode | undefined, key: string): Property | undefined {
  if (!node || node.type !== 'object') return undefined;
  const ps = node.properties;
  for (let i = ps.length - 1; i >= 0; i--) if (ps[i].key === key) return ps[i];
  return undefined;
}

export function child(node: AstNode | undefined, key: string): AstNode | undefined {
  return prop(node, key)?.value;
}

/** Follows a path of keys and indexes; returns undefined as soon as a step is missing. */
export function at(node: AstNode | undefined, ...path: (string | number)[]): AstNode | undefined {
  let cur = node;
  for (const step of path) {
    if (!cur) return undefined;
    if (typeof step === 'number') cur = cur.type === 'array' ? cur.items[step] : undefined;
    else cur = child(cur, step);
  }
  return cur;
}

export function isObject(node: AstNode | undefined): node is ObjectNode {
  return !!node && node.type === 'object' && !node.unknown;
}

export function isArray(node: AstNode | undefined): node is ArrayNode {
  return !!node && node.type === 'array' && !node.unknown;
}

/** Items of an array node, or [] when it is not a known array. */
export function items(node: AstNode | undefined): AstNode[] {
  return isArray(node) ? node.items : [];
}

/**
 * Object items of an array node. When every item is a known object (the usual case) this is the
 * node's own item array, not a copy: callers only read it.
 */
export function objects(node: AstNode | undefined): ObjectNode[] {
  if (!isArray(node)) return [];
  const all = node.items;
  for (let i = 0; i < all.length; i++) if (!isObject(all[i])) return all.filter(isObject);
  return all as ObjectNode[];
}

export function isUnknown(node: AstNode | undefined): boolean {
  return !!node && !!node.unknown;
}

/** The string value of a known literal string, else undefined (templated, missing or another type). */
export function str(node: AstNode | undefined): string | undefined {
  return node && !node.unknown && node.type === 'string' ? (node.value as string) : undefined;
}

/** A known number, or a string holding a plain number (CloudFormation writes numbers as strings). */
export function num(node: AstNode | undefined): number | undefined {
  if (!node || node.unknown) return undefined;
  if (node.type === 'number') return node.value as number;
  if (node.type === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(node.value as string)) return Number(node.value);
  return undefined;
}

/** A known boolean, or the strings "true"/"false" (CloudFormation). */
export function bool(node: AstNode | undefined): boolean | undefined {
  if (!node || node.unknown) return undefined;
  if (node.type === 'boolean') return node.value as boolean;
  if (node.type === 'string' && /^(true|false)$/i.test(node.value as string))
    return (node.value as string).toLowerCase() === 'true';
  return undefined;
}

/** Known string items of an array (unknown items are skipped). */
export function strings(node: AstNode | undefined): { value: string; node: AstNode }[] {
  const out: { value: string; node: AstNode }[] = [];
  for (const item of items(node)) {
    const v = str(item);
    if (v !== undefined) out.push({ value: v, node: item });
  }
  return out;
}

/**
 * The literal values a node can take, for rules that judge each alternative: the node itself when
 * known, each CloudFormation parameter candidate, or each literal `Fn::If` branch.
 */
export function alternatives(node: AstNode | undefined): { node: AstNode; value: LiteralNode; via?: string }[] {
  if (!node) return [];
  if (node.candidates) {
    const c = node.candidates;
    return c.values.map((value, i) => ({ node, value, via: c.vias?.[i] || c.via }));
  }
  if (node.branches) return node.branches.flatMap((b) => alternatives(b));
  if (node.unknown || node.type === 'object' || node.type === 'array') return [];
  return [{ node, value: node }];
}

export function spanOf(node: Span): Span {
  return { offset: node.offset, length: node.length };
}
