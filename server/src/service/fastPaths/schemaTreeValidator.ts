/**
 * JSON-schema validation straight over our document tree, for the keywords the generated ECS schemas
 * use ($ref, type, enum, required, properties, additionalProperties, items). It yields the problems
 * vscode-json-languageservice's validator yields for the four kinds schema/validate.ts maps to findings
 * (type, enum, missing property, property not allowed): same messages, positions and order (required,
 * then schema properties in schema order, then the others in document order; duplicate keys: the last
 * one counts). Other keywords (formats, ranges, deprecation) produce no finding there and are skipped.
 *
 * Contract: only for trees that are exact parses of the text (documents/json.ts `isExactTree`): on
 * syntax errors the two parsers recover differently, and schema/validate.ts falls back to the language service.
 * Saves the second parse and the language service's tree; the figures are in fastPaths/README.md.
 */
import type { AstNode, ObjectNode, Property, Span } from '../documents/ast';
import type { SchemaNode } from '../schema/schemas';

export interface Problem {
  offset: number;
  length: number;
  message: string;
}

type Schema = SchemaNode & { errorMessage?: string };

/** `$ref`s resolved like the language service does: the referenced section's keys win over siblings. */
const resolvedRefs = new WeakMap<SchemaNode, Schema>();

export function resolveSchemaRef(root: SchemaNode, node: SchemaNode): Schema {
  if (!node.$ref) return node;
  let out = resolvedRefs.get(node);
  if (out) return out;
  const merged: Record<string, unknown> = { ...node };
  const seen = new Set<string>();
  while (typeof merged.$ref === 'string') {
    const ref = merged.$ref;
    delete merged.$ref;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const section = pointer(root, ref);
    if (!section) throw new Error(`schema: $ref ${ref} cannot be resolved`);
    for (const [k, v] of Object.entries(section)) if (k !== 'id' && k !== '$id') merged[k] = v;
  }
  out = merged;
  resolvedRefs.set(node, out);
  return out;
}

function pointer(root: SchemaNode, ref: string): Record<string, unknown> | undefined {
  const hash = ref.indexOf('#');
  if (hash !== 0) return undefined;
  let cur: unknown = root;
  for (const seg of ref.slice(2).split('/').filter(Boolean)) {
    const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return cur && typeof cur === 'object' ? (cur as Record<string, unknown>) : undefined;
}

const keysOf = new WeakMap<object, string[]>();

/** Object.keys of a schema's `properties`, computed once per schema object. */
function declaredKeys(properties: Record<string, SchemaNode>): string[] {
  let keys = keysOf.get(properties);
  if (!keys) keysOf.set(properties, (keys = Object.keys(properties)));
  return keys;
}

/** Problems of `root` against `schema`, deduplicated by position and message like the language service. */
export function validateTree(root: AstNode | undefined, schema: SchemaNode, text: string): Problem[] {
  if (!root) return [];
  const problems: Problem[] = [];
  const isInteger = (n: AstNode): boolean => {
    for (let i = n.offset, end = n.offset + n.length; i < end; i++) if (text.charCodeAt(i) === 46 /* . */) return false;
    return true;
  };
  const matchesType = (n: AstNode, type: string): boolean =>
    n.type === type || (type === 'integer' && n.type === 'number' && isInteger(n));

  const visit = (n: AstNode, raw: SchemaNode, key: Span | undefined): void => {
    const s = resolveSchemaRef(schema, raw);
    if (Array.isArray(s.type)) {
      if (!s.type.some((t) => matchesType(n, t)))
        problems.push({
          offset: n.offset,
          length: n.length,
          message: s.errorMessage || `Incorrect type. Expected one of ${s.type.join(', ')}.`,
        });
    } else if (s.type && !matchesType(n, s.type)) {
      problems.push({
        offset: n.offset,
        length: n.length,
        message: s.errorMessage || `Incorrect type. Expected "${s.type}".`,
      });
    }
    if (Array.isArray(s.enum)) {
      const value = n.type === 'object' || n.type === 'array' ? undefined : n.value;
      if (value === undefined || !s.enum.some((e) => e === value)) {
        problems.push({
          offset: n.offset,
          length: n.length,
          message:
            s.errorMessage ||
            `Value is not accepted. Valid values: ${s.enum.map((v) => JSON.stringify(v)).join(', ')}.`,
        });
      }
    }
    if (n.type === 'object') visitObject(n, s, key);
    else if (n.type === 'array' && s.items && typeof s.items === 'object' && !Array.isArray(s.items)) {
      for (const item of n.items) visit(item, s.items, undefined);
    }
  };

  const visitObject = (n: ObjectNode, s: Schema, key: Span | undefined): void => {
    // Last duplicate wins; the first occurrence keeps its place (the language service's seenKeys + Set).
    const byKey = new Map<string, Property>();
    for (const p of n.properties) byKey.set(p.key, p);
    const duplicates = byKey.size !== n.properties.length;
    if (Array.isArray(s.required)) {
      for (const name of s.required) {
        if (!byKey.has(name))
          problems.push({
            offset: key ? key.offset : n.offset,
            length: key ? key.length : 1,
            message: `Missing property "${name}".`,
          });
      }
    }
    const declared = s.properties;
    if (declared) {
      for (const name of declaredKeys(declared)) {
        const child = byKey.get(name);
        if (!child) continue;
        const sub = declared[name] as SchemaNode | boolean;
        if (sub === false)
          problems.push({
            offset: child.keySpan.offset,
            length: child.keySpan.length,
            message: s.errorMessage || `Property ${name} is not allowed.`,
          });
        else if (typeof sub === 'object') visit(child.value, sub, child.keySpan);
      }
    }
    const extra = s.additionalProperties;
    if (extra === undefined || extra === true) return;
    const done = duplicates ? new Set<string>() : undefined;
    for (const p of n.properties) {
      if (done) {
        if (done.has(p.key)) continue;
        done.add(p.key);
      }
      if (declared && Object.prototype.hasOwnProperty.call(declared, p.key)) continue;
      const child = byKey.get(p.key)!;
      if (extra === false)
        problems.push({
          offset: child.keySpan.offset,
          length: child.keySpan.length,
          message: s.errorMessage || `Property ${p.key} is not allowed.`,
        });
      else visit(child.value, extra, child.keySpan);
    }
  };

  visit(root, schema, undefined);
  const added = new Set<string>();
  return problems.filter((p) => {
    const sig = `${p.offset} ${p.message}`;
    if (added.has(sig)) return false;
    added.add(sig);
    return true;
  });
}
