/**
 * Builds the API-named view of a resource's Properties: keys renamed per context (names.ts), intrinsic
 * functions marked `unknown: 'intrinsic'` with what offline evaluation knows (evaluate.ts): `Ref` to a
 * Parameter, `Fn::FindInMap`, `Fn::Sub` / `Fn::Join` given their candidate literals (a Sub or Join
 * of known parts becomes that literal), `Fn::If` given its two branches, or, in a scenario (a chosen
 * value per condition, scenarios.ts), replaced by the chosen branch; `AWS::NoValue` removes the
 * member or item. Spans are those of the template;
 * the raw tree is never mutated. Every produced node and property remembers its naming context so
 * quick-fix edits can spell keys the CloudFormation way.
 */
import { isArray, items, str, type AstNode, type ObjectNode, type Property } from '../../documents/ast';
import { stringValues, subParts } from './evaluate';
import { childCtx, toApiKey, type NameCtx } from './names';

export interface CfnEnv {
  /** Template parameters by name (their definition objects). */
  params: Map<string, ObjectNode>;
  /** Logical ids of the template's resources. */
  resources: Set<string>;
  /** Naming context of every normalised node (for edit builders). */
  ctxOf: WeakMap<AstNode, NameCtx>;
  /** Naming context of the object each normalised property belongs to. */
  propCtx: WeakMap<Property, NameCtx>;
  /** Template mappings by name (FindInMap). */
  mappings?: Map<string, ObjectNode>;
  /** In a scenario: the value of each condition; its `Fn::If`s are replaced by the chosen branch. */
  assignment?: Map<string, boolean>;
  /** Conditions named by the `Fn::If`s met while normalising (outside scenarios). */
  conditionsSeen?: Set<string>;
  /** In a scenario: the value of each parameter the scenarios vary. */
  paramValues?: Map<string, string>;
  /** Outside scenarios: the parameters read while normalising, with the values each may take. */
  paramsSeen?: Map<string, Set<string>>;
}

/**
 * Naming contexts of normalised nodes and properties, shared by all templates (weakly held, so they
 * go with the trees): edit builders and the spelling rules read them.
 */
export const NODE_CTX = new WeakMap<AstNode, NameCtx>();
export const PROP_CTX = new WeakMap<Property, NameCtx>();

/** The intrinsic function name when `node` is `{ Ref: ... }` or `{ "Fn::X": ... }`. */
export function intrinsicName(node: AstNode | undefined): string | undefined {
  if (!node || node.type !== 'object' || node.properties.length !== 1) return undefined;
  const k = node.properties[0].key;
  return k === 'Ref' || k.startsWith('Fn::') ? k : undefined;
}

/** The logical id a `Ref` / `Fn::GetAtt` points to (raw or normalised node). */
export function refTarget(node: AstNode | undefined): string | undefined {
  const fn = intrinsicName(node);
  if (!fn || node?.type !== 'object') return undefined;
  const arg = node.properties[0].value;
  if (fn === 'Ref') return str(arg);
  if (fn !== 'Fn::GetAtt') return undefined;
  if (arg.type === 'array') return str(arg.items[0]);
  const s = str(arg);
  return s ? s.split('.')[0] : undefined;
}

export function normalise(raw: AstNode, ctx: NameCtx, env: CfnEnv): AstNode {
  const fn = intrinsicName(raw);
  let out: AstNode;
  if (fn) out = intrinsic(raw as ObjectNode, fn, ctx, env);
  else if (raw.type === 'object') {
    const properties: Property[] = [];
    for (const p of raw.properties) {
      const key = toApiKey(ctx, p.rawKey);
      const value = normalise(p.value, childCtx(ctx, key), env);
      if (isNoValue(value)) continue;
      const np: Property = { key, rawKey: p.rawKey, keySpan: p.keySpan, span: p.span, value };
      env.propCtx.set(np, ctx);
      properties.push(np);
    }
    out = withMember(raw, 'properties', properties);
  } else if (raw.type === 'array') {
    const list: AstNode[] = [];
    for (const it of raw.items) {
      const v = normalise(it, ctx, env);
      if (!isNoValue(v)) list.push(v);
    }
    out = withMember(raw, 'items', list);
  } else out = raw;
  env.ctxOf.set(out, ctx);
  return out;
}

/**
 * A copy of `node` with one member set. Not `{ ...node, [key]: value }`: a spread followed by members is
 * V8's slow clone path (it cost ~6% of linting the corpus), while Object.assign onto an empty literal
 * copies the node's hidden class at once.
 */
function withMember<N extends AstNode, K extends keyof N>(node: N, key: K, value: N[K]): N {
  const out = Object.assign({}, node);
  out[key] = value;
  return out;
}

/** `{ Ref: AWS::NoValue }`: the member or item it stands for is removed. */
export function isNoValue(node: AstNode): boolean {
  return intrinsicName(node) === 'Ref' && str((node as ObjectNode).properties[0].value) === 'AWS::NoValue';
}

function intrinsic(raw: ObjectNode, fn: string, ctx: NameCtx, env: CfnEnv): AstNode {
  const arg = raw.properties[0].value;
  if (fn === 'Fn::If' && isArray(arg) && arg.items.length === 3) {
    const cond = str(arg.items[0]);
    const chosen = cond === undefined ? undefined : env.assignment?.get(cond);
    if (chosen !== undefined) return normalise(arg.items[chosen ? 1 : 2], ctx, env);
    if (cond !== undefined) env.conditionsSeen?.add(cond);
    const out = withMember(raw, 'unknown', 'intrinsic');
    out.branches = [normalise(arg.items[1], ctx, env), normalise(arg.items[2], ctx, env)];
    return out;
  }
  const out = withMember(raw, 'unknown', 'intrinsic');
  if (fn !== 'Ref' && fn !== 'Fn::FindInMap' && fn !== 'Fn::Sub' && fn !== 'Fn::Join') return out;
  const values = stringValues(raw, env);
  if (!values || values.length === 0) {
    const parts = fn === 'Fn::Sub' ? subParts(arg) : fn === 'Fn::Join' ? joinParts(arg, env) : undefined;
    if (parts) out.parts = parts;
    return out;
  }
  // A Sub or Join of literal parts is that literal (placed at the expression).
  if (values.length === 1 && !values[0].via && fn !== 'Ref' && fn !== 'Fn::FindInMap') return values[0].node;
  out.candidates = {
    values: values.map((v) => v.node),
    via: values[0].via ?? `Fn::${fn.replace(/^Fn::/, '')}`,
    vias: values.map((v) => v.via ?? ''),
  };
  return out;
}

/** The parts of a `Fn::Join` that are known, with `undefined` for the unknown ones and the delimiters in place. */
function joinParts(arg: AstNode, env: CfnEnv): (string | undefined)[] | undefined {
  const args = items(arg);
  const delim = str(args[0]);
  if (args.length !== 2 || delim === undefined || !isArray(args[1])) return undefined;
  const out: (string | undefined)[] = [];
  args[1].items.forEach((it, i) => {
    if (i > 0) out.push(delim);
    const v = stringValues(it, env);
    out.push(v?.length === 1 && !v[0].via ? v[0].text : undefined);
  });
  return out;
}
