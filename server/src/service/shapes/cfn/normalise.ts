/**
 * Builds the API-named view of a resource's Properties: keys renamed per context (names.ts), intrinsic
 * functions marked `unknown: 'intrinsic'`, `Ref` to a Parameter given its candidate literals
 * (AllowedValues, else Default), `Fn::If` given its two branches. Spans are those of the template;
 * the raw tree is never mutated. Every produced node and property remembers its naming context so
 * quick-fix edits can spell keys the CloudFormation way.
 */
import {
  child,
  isArray,
  isObject,
  items,
  str,
  type AstNode,
  type LiteralNode,
  type ObjectNode,
  type Property,
} from '../../documents/ast';
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
    const properties = raw.properties.map((p): Property => {
      const key = toApiKey(ctx, p.rawKey);
      const np: Property = {
        key,
        rawKey: p.rawKey,
        keySpan: p.keySpan,
        span: p.span,
        value: normalise(p.value, childCtx(ctx, key), env),
      };
      env.propCtx.set(np, ctx);
      return np;
    });
    out = { ...raw, properties };
  } else if (raw.type === 'array') out = { ...raw, items: raw.items.map((it) => normalise(it, ctx, env)) };
  else out = raw;
  env.ctxOf.set(out, ctx);
  return out;
}

function intrinsic(raw: ObjectNode, fn: string, ctx: NameCtx, env: CfnEnv): AstNode {
  const out: ObjectNode = { ...raw, unknown: 'intrinsic' };
  const arg = raw.properties[0].value;
  if (fn === 'Ref') {
    const name = str(arg);
    const candidates = name ? parameterCandidates(env.params.get(name)) : undefined;
    if (name && candidates) out.candidates = { values: candidates, via: name };
  } else if (fn === 'Fn::If' && isArray(arg) && arg.items.length === 3) {
    out.branches = [normalise(arg.items[1], ctx, env), normalise(arg.items[2], ctx, env)];
  }
  return out;
}

/** A parameter's AllowedValues (when given), else its Default; undefined for list types. */
function parameterCandidates(param: ObjectNode | undefined): LiteralNode[] | undefined {
  if (!isObject(param)) return undefined;
  const type = str(child(param, 'Type')) ?? 'String';
  if (/List|CommaDelimited/.test(type)) return undefined;
  const literal = (n: AstNode | undefined): n is LiteralNode =>
    !!n && !n.unknown && n.type !== 'object' && n.type !== 'array' && n.type !== 'null';
  const allowed = items(child(param, 'AllowedValues')).filter(literal);
  if (allowed.length > 0) return allowed;
  const def = child(param, 'Default');
  return literal(def) ? [def] : undefined;
}
