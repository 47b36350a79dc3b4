/**
 * Walks a schema along a JSON path (keys and array indexes), resolving local `$ref`s, and says which
 * API shape owns each property (its definition title) for hover links and completion.
 */
import type { SchemaNode } from './schemas';
import { own } from '../own';

export type JsonPath = (string | number)[];

export function resolveRef(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let cur = node;
  for (let guard = 0; cur?.$ref && guard < 20; guard++) {
    const name = /^#\/definitions\/(.+)$/.exec(cur.$ref)?.[1];
    const target = name ? own(root.definitions, name) : undefined;
    // Keep the referring property's own docs: they describe the member, the definition the shape.
    cur = target
      ? {
          ...target,
          description: cur.description ?? target.description,
          markdownDescription: cur.markdownDescription ?? target.markdownDescription,
          deprecationMessage: cur.deprecationMessage,
        }
      : undefined;
  }
  return cur;
}

/** The shape name of a `$ref` (`ContainerDefinition`), if the node is one. */
export function refName(node: SchemaNode | undefined): string | undefined {
  return node?.$ref ? /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1] : undefined;
}

export interface SchemaStep {
  /** The (resolved) schema of the value at this path. */
  schema: SchemaNode;
  /** The raw property schema as written in its owner (keeps `$ref` and the member docs). */
  member?: SchemaNode;
  /** The API shape that declares the last key (e.g. `PortMapping`), when the last step is a key. */
  owner?: string;
  /** The last key of the path. */
  key?: string;
}

/** The schema at `path`, or undefined when the path leaves the schema (unknown property). */
export function schemaAt(root: SchemaNode, path: JsonPath): SchemaStep | undefined {
  let cur = resolveRef(root, root);
  let owner = root.title;
  let step: SchemaStep | undefined = cur ? { schema: cur } : undefined;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') {
      const items = resolveRef(root, cur.items);
      if (!items) return undefined;
      owner = cur.items ? (refName(cur.items) ?? owner) : owner;
      step = { schema: items, member: step?.member, owner: step?.owner, key: step?.key };
      cur = items;
      continue;
    }
    const member =
      own(cur.properties, seg) ?? (typeof cur.additionalProperties === 'object' ? cur.additionalProperties : undefined);
    if (!member) return undefined;
    const declaring = cur.title ?? owner;
    const resolved = resolveRef(root, member);
    if (!resolved) return undefined;
    step = { schema: resolved, member, owner: declaring, key: seg };
    owner = refName(member) ?? refName(member.items) ?? owner;
    cur = resolved;
  }
  return step;
}

/** Property names allowed in the object at `path`. */
export function propertiesAt(root: SchemaNode, path: JsonPath): Record<string, SchemaNode> {
  return schemaAt(root, path)?.schema.properties ?? {};
}
