/**
 * Whether a document tree has no schema problem at all, without building any: the common case (a
 * valid file) answered by one allocation-free walk over schemas compiled once per schema node.
 *
 * Contract: when this returns true, schemaTreeValidator.ts `validateTree` returns no problem for the same
 * tree, schema and text. It checks every occurrence of a duplicated key where validateTree checks only
 * the last, so it may answer false for a tree validateTree passes; callers then run validateTree, which
 * stays the one source of problems and messages.
 */
import type { AstNode, ObjectNode } from '../documents/ast';
import type { SchemaNode } from '../schema/schemas';
import { resolveSchemaRef } from './schemaTreeValidator';

/** A schema node with its `$ref`s resolved and its keywords in the form the walk reads. */
interface Compiled {
  /** Filled on first use (so recursive schemas terminate and unused definitions cost nothing). */
  ready: boolean;
  readonly raw: SchemaNode;
  readonly compiler: Compiler;
  /** Node types accepted without further check; undefined when the schema has no `type`. */
  types?: ReadonlySet<string>;
  /** `integer` accepted (and `number` not): a number node must be written without a '.'. */
  integer: boolean;
  enum?: readonly unknown[];
  required?: readonly string[];
  /** Declared properties: a compiled schema, or a boolean schema (false: never allowed). */
  props?: Map<string, Compiled | boolean>;
  /** `additionalProperties`: undefined or true allow anything, false nothing, else a schema. */
  extra?: Compiled | boolean;
  items?: Compiled;
}

type Raw = SchemaNode | boolean;

/** One graph per root schema, because `$ref`s resolve against the root; one node per raw node. */
class Compiler {
  private readonly nodes = new Map<SchemaNode, Compiled>();
  constructor(private readonly root: SchemaNode) {}

  node(raw: SchemaNode): Compiled {
    let c = this.nodes.get(raw);
    // Every field set up front: one object shape for the walk.
    if (!c)
      this.nodes.set(
        raw,
        (c = {
          ready: false,
          raw,
          compiler: this,
          types: undefined,
          integer: false,
          enum: undefined,
          required: undefined,
          props: undefined,
          extra: undefined,
          items: undefined,
        }),
      );
    return c;
  }

  fill(c: Compiled): void {
    const s = this.resolve(c.raw);
    if (Array.isArray(s.type) || s.type) {
      const list = Array.isArray(s.type) ? s.type : [s.type];
      const types = new Set<string>();
      for (const t of list) if (t !== 'integer') types.add(t);
      c.types = types;
      c.integer = list.includes('integer') && !types.has('number');
    }
    if (Array.isArray(s.enum)) c.enum = s.enum;
    if (Array.isArray(s.required)) c.required = s.required;
    if (s.properties) {
      const props = new Map<string, Compiled | boolean>();
      for (const k of Object.keys(s.properties)) {
        const sub = s.properties[k] as Raw;
        // Only an object schema is walked and only `false` refuses (validateTree's two cases).
        if (sub === false) props.set(k, false);
        else if (sub && typeof sub === 'object') props.set(k, this.node(sub));
        else props.set(k, true);
      }
      c.props = props;
    }
    const extra = s.additionalProperties;
    if (extra === false) c.extra = false;
    else if (extra !== undefined && extra !== true) c.extra = this.node(extra);
    if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) c.items = this.node(s.items);
    c.ready = true;
  }

  /** `$ref` resolution shared with schemaTreeValidator.ts: the referenced section's keys win over siblings. */
  private resolve(node: SchemaNode): SchemaNode {
    return resolveSchemaRef(this.root, node);
  }
}

const compilers = new WeakMap<SchemaNode, Compiler>();

/** True when validateTree(root, schema, text) would report nothing (see the contract above). */
export function treeIsValid(root: AstNode, schema: SchemaNode, text: string): boolean {
  let compiler = compilers.get(schema);
  if (!compiler) compilers.set(schema, (compiler = new Compiler(schema)));
  return valid(root, compiler.node(schema), text);
}

function valid(n: AstNode, s: Compiled, text: string): boolean {
  if (!s.ready) s.compiler.fill(s);
  if (s.types !== undefined && !s.types.has(n.type) && !(s.integer && n.type === 'number' && isInteger(n, text)))
    return false;
  if (s.enum !== undefined) {
    if (n.type === 'object' || n.type === 'array') return false;
    if (!s.enum.includes(n.value)) return false;
  }
  if (n.type === 'object') return validObject(n, s, text);
  if (n.type === 'array' && s.items !== undefined) {
    const its = n.items;
    for (let i = 0; i < its.length; i++) if (!valid(its[i], s.items, text)) return false;
  }
  return true;
}

function validObject(n: ObjectNode, s: Compiled, text: string): boolean {
  const ps = n.properties;
  const req = s.required;
  if (req !== undefined) {
    for (let r = 0; r < req.length; r++) {
      let found = false;
      for (let i = 0; i < ps.length && !found; i++) found = ps[i].key === req[r];
      if (!found) return false;
    }
  }
  const props = s.props;
  const extra = s.extra;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    const sub = props?.get(p.key);
    if (sub !== undefined) {
      if (sub === false) return false;
      if (sub !== true && !valid(p.value, sub, text)) return false;
    } else if (extra === false) return false;
    else if (extra !== undefined && extra !== true && !valid(p.value, extra, text)) return false;
  }
  return true;
}

/** validateTree's integer test: no '.' in the number as written. */
function isInteger(n: AstNode, text: string): boolean {
  for (let i = n.offset, end = n.offset + n.length; i < end; i++) if (text.charCodeAt(i) === 46 /* . */) return false;
  return true;
}
