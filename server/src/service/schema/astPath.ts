/** Finds nodes of the document tree by offset, with their JSON path (shared by schema and editing). */
import type { AstNode, Property } from '../documents/ast';
import type { JsonPath } from './navigate';

export interface Located {
  node: AstNode;
  path: JsonPath;
  /** The property whose value is `node` (undefined for the root and array items). */
  property?: Property;
  /** The enclosing nodes, outermost first (not including `node`). */
  ancestors: AstNode[];
}

/** The innermost node containing `offset` (end inclusive), or, when `onKey`, the property whose key does. */
export function locate(root: AstNode | undefined, offset: number): (Located & { onKey?: Property }) | undefined {
  if (!root || offset < root.offset || offset > root.offset + root.length) return undefined;
  let cur: Located = { node: root, path: [], ancestors: [] };
  for (;;) {
    const n = cur.node;
    let next: Located | undefined;
    if (n.type === 'object') {
      for (const p of n.properties) {
        if (offset >= p.keySpan.offset && offset <= p.keySpan.offset + p.keySpan.length) {
          return { ...cur, onKey: p };
        }
        const v = p.value;
        if (offset >= v.offset && offset <= v.offset + v.length) {
          next = { node: v, path: [...cur.path, p.key], property: p, ancestors: [...cur.ancestors, n] };
          break;
        }
      }
    } else if (n.type === 'array') {
      n.items.forEach((item, i) => {
        if (!next && offset >= item.offset && offset <= item.offset + item.length)
          next = { node: item, path: [...cur.path, i], ancestors: [...cur.ancestors, n] };
      });
    }
    if (!next) return cur;
    cur = next;
  }
}

/** The node that starts exactly at `offset` with `length` (the token a validator pointed at). */
export function nodeAtSpan(root: AstNode | undefined, offset: number, length: number): Located | undefined {
  let found = locate(root, offset);
  if (!found) return undefined;
  // locate() returns the innermost container; walk up until the span matches.
  const chain = [...found.ancestors, found.node];
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i];
    if (n.offset === offset && n.length === length) {
      const path = found.path.slice(0, i);
      const parent = chain[i - 1];
      const property = parent?.type === 'object' ? parent.properties.find((p) => p.value === n) : undefined;
      found = { node: n, path, property, ancestors: chain.slice(0, i) };
      return found;
    }
  }
  return undefined;
}
