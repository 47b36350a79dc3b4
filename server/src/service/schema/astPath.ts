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
      const props = n.properties;
      for (let i = firstCandidate(props, offset, (p) => p.keySpan.offset); i < props.length; i++) {
        const p = props[i];
        if (p.keySpan.offset > offset && inOrder(props, (q) => q.keySpan.offset)) break;
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
      const items = n.items;
      for (let i = firstCandidate(items, offset, (it) => it.offset); i < items.length; i++) {
        const item = items[i];
        if (item.offset > offset && inOrder(items, (it) => it.offset)) break;
        if (offset >= item.offset && offset <= item.offset + item.length) {
          next = { node: item, path: [...cur.path, i], ancestors: [...cur.ancestors, n] };
          break;
        }
      }
    }
    if (!next) return cur;
    cur = next;
  }
}

/** Whether members are in text order (parsers emit them so; checked once per list, remembered). */
const ordered = new WeakMap<readonly unknown[], boolean>();
function inOrder<T>(list: readonly T[], start: (m: T) => number): boolean {
  let known = ordered.get(list);
  if (known === undefined) {
    known = true;
    for (let i = 1; i < list.length && known; i++) known = start(list[i - 1]) <= start(list[i]);
    ordered.set(list, known);
  }
  return known;
}

/**
 * Where to start looking for the member containing `offset`: in an ordered list, the last member
 * starting at or before it (one binary search instead of a scan, so a validator's thousand problems
 * in one large object cost n log n, not n squared); 0 otherwise. The member found, or the one before
 * it when a previous member ends exactly where the next begins, is then checked by the caller's scan.
 */
function firstCandidate<T>(list: readonly T[], offset: number, start: (m: T) => number): number {
  if (list.length < 16 || !inOrder(list, start)) return 0;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (start(list[mid]) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo - 1);
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
      const property =
        i === chain.length - 1
          ? found.property
          : parent?.type === 'object'
            ? parent.properties.find((p) => p.value === n)
            : undefined;
      found = { node: n, path, property, ancestors: chain.slice(0, i) };
      return found;
    }
  }
  return undefined;
}
