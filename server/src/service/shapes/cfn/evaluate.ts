/**
 * Offline evaluation of CloudFormation intrinsic functions to the finite set of string values they
 * can take: a literal, `Ref` of a Parameter (its AllowedValues, else its Default), `Fn::FindInMap`
 * (every candidate key of the map), `Fn::Sub` and `Fn::Join` whose parts are all known, and
 * `Fn::If` (the branch a scenario chose, else both). Each value carries `via`, a noun phrase naming
 * where it comes from ("parameter Env", "mapping EnvMap when parameter Env is 'prod'") for messages.
 * Anything else (pseudo-parameters, resource attributes, imports) is unknown: undefined.
 */
import { child, isObject, items, str, type AstNode, type LiteralNode, type ObjectNode } from '../../documents/ast';

export interface TemplateFacts {
  /** Template parameters by name (their definition objects). */
  params: Map<string, ObjectNode>;
  /** Template mappings by name. */
  mappings?: Map<string, ObjectNode>;
  /** Scenario: the value each condition takes (see scenarios.ts); absent outside scenarios. */
  assignment?: Map<string, boolean>;
  /** Scenario: the value of each parameter the scenarios vary. */
  paramValues?: Map<string, string>;
  /** Outside scenarios: every parameter the evaluated expressions read, with the values it may take. */
  paramsSeen?: Map<string, Set<string>>;
}

export interface Candidate {
  /** The literal (in the template where it is written: a parameter's AllowedValues, a mapping entry). */
  node: LiteralNode;
  text: string;
  via?: string;
}

/** More values than this and an expression counts as unknown (products of Sub/Join parts grow fast). */
export const MAX_VALUES = 12;

const PSEUDO_KEYS: Record<string, string> = {
  'AWS::Region': 'region',
  'AWS::AccountId': 'account',
  'AWS::Partition': 'partition',
  'AWS::StackName': 'stack',
};

export function isLiteral(n: AstNode | undefined): n is LiteralNode {
  return !!n && !n.unknown && n.type !== 'object' && n.type !== 'array' && n.type !== 'null';
}

/** The intrinsic function of a raw `{ Ref: x }` / `{ "Fn::X": x }` node. */
function fnOf(node: AstNode): { fn: string; arg: AstNode } | undefined {
  if (node.type !== 'object' || node.properties.length !== 1) return undefined;
  const p = node.properties[0];
  return p.key === 'Ref' || p.key.startsWith('Fn::') ? { fn: p.key, arg: p.value } : undefined;
}

/** A parameter's AllowedValues (when given), else its Default; undefined for list types. */
export function parameterValues(param: ObjectNode | undefined): LiteralNode[] | undefined {
  if (!isObject(param)) return undefined;
  const type = str(child(param, 'Type')) ?? 'String';
  if (/List|CommaDelimited/.test(type)) return undefined;
  const allowed = items(child(param, 'AllowedValues')).filter(isLiteral);
  if (allowed.length > 0) return allowed;
  const def = child(param, 'Default');
  return isLiteral(def) ? [def] : undefined;
}

/**
 * A parameter whose Default is the empty string and which allows any value: the template's way of
 * saying "the deployer supplies this" (quick starts and workshops leave image URIs and ARNs so; the
 * console shows an empty field to fill). Its value is unknown offline rather than ''.
 */
function isPlaceholder(param: AstNode): boolean {
  const def = child(param, 'Default');
  return isLiteral(def) && def.value === '' && items(child(param, 'AllowedValues')).length === 0;
}

/** The string values a raw template node can take, or undefined when unknown offline. */
export function stringValues(raw: AstNode, t: TemplateFacts, depth = 0): Candidate[] | undefined {
  if (depth > 8) return undefined;
  if (isLiteral(raw)) return [{ node: raw, text: String(raw.value) }];
  const f = fnOf(raw);
  if (!f) return undefined;
  switch (f.fn) {
    case 'Ref': {
      const name = str(f.arg);
      const param = name ? t.params.get(name) : undefined;
      if (!name || !param) return undefined;
      const fixed = t.paramValues?.get(name);
      const values = parameterValues(param);
      if (fixed === undefined && isPlaceholder(param)) return undefined;
      if (fixed !== undefined) {
        const node = values?.find((v) => String(v.value) === fixed) ?? synth(raw, fixed);
        return [{ node, text: fixed, via: `parameter ${name}` }];
      }
      if (values)
        seeParam(
          t,
          name,
          values.map((v) => String(v.value)),
        );
      return values?.map((node) => ({ node, text: String(node.value), via: `parameter ${name}` }));
    }
    case 'Fn::FindInMap':
      return findInMap(f.arg, t, depth);
    case 'Fn::If': {
      const args = items(f.arg);
      const cond = str(args[0]);
      if (args.length !== 3 || !cond) return undefined;
      const chosen = t.assignment?.get(cond);
      const branches = chosen === undefined ? [args[1], args[2]] : [chosen ? args[1] : args[2]];
      const out: Candidate[] = [];
      for (const b of branches) {
        const v = stringValues(b, t, depth + 1);
        if (!v) return undefined;
        out.push(...v);
      }
      return out.length <= MAX_VALUES ? out : undefined;
    }
    case 'Fn::Join':
      return join(raw, f.arg, t, depth);
    case 'Fn::Sub':
      return sub(raw, f.arg, t, depth);
    default:
      return undefined;
  }
}

/**
 * `Fn::FindInMap: [Map, TopKey, SecondKey]`: each key literal, a parameter (each of its values) or a
 * pseudo-parameter such as AWS::Region (every key of the map); one candidate per reachable entry.
 */
function findInMap(arg: AstNode, t: TemplateFacts, depth: number): Candidate[] | undefined {
  const args = items(arg);
  const mapName = str(args[0]);
  const map = mapName ? t.mappings?.get(mapName) : undefined;
  if (args.length < 3 || !map || !isObject(map)) return undefined;
  const tops = mapKeys(args[1], map, t, depth);
  if (!tops) return undefined;
  const out: Candidate[] = [];
  for (const top of tops) {
    const entry = child(map, top.text);
    if (!isObject(entry)) continue;
    const seconds = mapKeys(args[2], entry, t, depth);
    if (!seconds) return undefined;
    for (const second of seconds) {
      const value = child(entry, second.text);
      if (!isLiteral(value)) {
        if (value) return undefined; // a list or an intrinsic in the map: not a string we can judge
        continue;
      }
      const when = [top.when, second.when].filter(Boolean).join(' and ');
      out.push({ node: value, text: String(value.value), via: `mapping ${mapName}${when ? ` ${when}` : ''}` });
      if (out.length > MAX_VALUES) return undefined;
    }
  }
  return out.length > 0 ? out : undefined;
}

/** The keys a FindInMap key argument can name in `obj`, each with the condition under which it does. */
function mapKeys(
  keyNode: AstNode,
  obj: ObjectNode,
  t: TemplateFacts,
  depth: number,
): { text: string; when?: string }[] | undefined {
  const f = fnOf(keyNode);
  const ref = f?.fn === 'Ref' ? str(f.arg) : undefined;
  if (ref && PSEUDO_KEYS[ref])
    return obj.properties.map((p) => ({ text: p.key, when: `for ${PSEUDO_KEYS[ref]} '${p.key}'` }));
  const param = ref ? t.params.get(ref) : undefined;
  if (ref && param) {
    const fixed = t.paramValues?.get(ref);
    if (fixed !== undefined) return [{ text: fixed }]; // the scenario names the parameter's value
    // A parameter key: each of its AllowedValues, else every key of the map (any may be passed).
    const allowed = items(child(param, 'AllowedValues')).filter(isLiteral);
    const keys = allowed.length > 0 ? allowed.map((a) => String(a.value)) : obj.properties.map((p) => p.key);
    seeParam(t, ref, keys);
    return keys.map((k) => ({ text: k, when: `when parameter ${ref} is '${k}'` }));
  }
  const values = stringValues(keyNode, t, depth + 1);
  return values?.map((v) => ({ text: v.text, when: v.via ? `with ${v.via} '${v.text}'` : undefined }));
}

function seeParam(t: TemplateFacts, name: string, values: string[]): void {
  if (!t.paramsSeen) return;
  const set = t.paramsSeen.get(name) ?? t.paramsSeen.set(name, new Set()).get(name)!;
  for (const v of values) set.add(v);
}

/** `Fn::Join: [delimiter, [parts]]` when every part is known. */
function join(raw: AstNode, arg: AstNode, t: TemplateFacts, depth: number): Candidate[] | undefined {
  const args = items(arg);
  const delim = str(args[0]);
  if (args.length !== 2 || delim === undefined || args[1].type !== 'array' || args[1].unknown) return undefined;
  const parts: Candidate[][] = [];
  for (const it of args[1].items) {
    const v = stringValues(it, t, depth + 1);
    if (!v) return undefined;
    parts.push(v);
  }
  return combine(parts, delim, raw);
}

const SUB_VAR = /\$\{([^}]*)\}/g;

/** `Fn::Sub` when every `${Name}` is a parameter or a variable of the known kinds. */
function sub(raw: AstNode, arg: AstNode, t: TemplateFacts, depth: number): Candidate[] | undefined {
  const args = arg.type === 'array' ? arg.items : [arg];
  const template = subTemplate(args[0]);
  if (template === undefined) return undefined;
  const vars = isObject(args[1]) ? args[1] : undefined;
  const parts: Candidate[][] = [];
  let last = 0;
  for (const m of template.matchAll(SUB_VAR)) {
    const name = m[1];
    const literal = template.slice(last, m.index);
    last = m.index + m[0].length;
    if (name.startsWith('!')) {
      parts.push([
        { node: synth(raw, literal + '${' + name.slice(1) + '}'), text: literal + '${' + name.slice(1) + '}' },
      ]);
      continue;
    }
    if (literal) parts.push([{ node: synth(raw, literal), text: literal }]);
    const given = vars ? child(vars, name) : undefined;
    const values = given ? stringValues(given, t, depth + 1) : stringValues(refNode(name), t, depth + 1);
    if (!values) return undefined;
    parts.push(values);
  }
  const rest = template.slice(last);
  if (rest || parts.length === 0) parts.push([{ node: synth(raw, rest), text: rest }]);
  return combine(parts, '', raw);
}

/** The literal parts of an `Fn::Sub` template, with `undefined` where a variable stands. */
export function subParts(arg: AstNode): (string | undefined)[] | undefined {
  const template = subTemplate(arg.type === 'array' ? arg.items[0] : arg);
  if (template === undefined) return undefined;
  const out: (string | undefined)[] = [];
  let last = 0;
  for (const m of template.matchAll(SUB_VAR)) {
    out.push(template.slice(last, m.index));
    out.push(m[1].startsWith('!') ? '${' + m[1].slice(1) + '}' : undefined);
    last = m.index + m[0].length;
  }
  out.push(template.slice(last));
  return out;
}

/** A Sub template string (the parsers mark strings with `${...}` as templated; here that is the point). */
function subTemplate(n: AstNode | undefined): string | undefined {
  return n?.type === 'string' ? String(n.value) : undefined;
}

function refNode(name: string): ObjectNode {
  const v: LiteralNode = { type: 'string', value: name, offset: 0, length: 0 };
  return {
    type: 'object',
    offset: 0,
    length: 0,
    properties: [{ key: 'Ref', rawKey: 'Ref', keySpan: v, value: v, span: v }],
  };
}

/** A literal made by evaluation, placed at the expression that produced it. */
function synth(at: AstNode, text: string): LiteralNode {
  return { type: 'string', value: text, offset: at.offset, length: at.length };
}

/** Every concatenation of one value per part (joined by `delim`), or undefined past MAX_VALUES. */
function combine(parts: Candidate[][], delim: string, at: AstNode): Candidate[] | undefined {
  let acc: { text: string; vias: string[] }[] = [{ text: '', vias: [] }];
  parts.forEach((values, i) => {
    const next: { text: string; vias: string[] }[] = [];
    for (const a of acc)
      for (const v of values)
        next.push({ text: a.text + (i > 0 ? delim : '') + v.text, vias: v.via ? [...a.vias, v.via] : a.vias });
    acc = next;
  });
  if (acc.length > MAX_VALUES) return undefined;
  return acc.map((a) => ({
    node: synth(at, a.text),
    text: a.text,
    via: a.vias.length ? [...new Set(a.vias)].join(', ') : undefined,
  }));
}
