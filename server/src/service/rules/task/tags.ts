import { child, isArray, prop, str, type AstNode, type Property } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';

const MAX_TAGS = 50;
/** Made on first use: a Unicode property class costs ~0.3 ms to create, at every CLI start-up otherwise. */
let pattern: RegExp | undefined;
const allowed = (s: string): boolean => (pattern ??= /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u).test(s);

function checkTags(id: string, p: Property): Finding[] {
  if (!isArray(p.value)) return [];
  const out: Finding[] = [];
  if (p.value.items.length > MAX_TAGS)
    out.push(
      finding(id, p, `${p.value.items.length} tags: a task definition can have at most ${MAX_TAGS}. Remove some.`),
    );
  const seen = new Map<string, AstNode>();
  for (const tag of p.value.items) {
    if (tag.type !== 'object' || tag.unknown) continue;
    const keyNode = child(tag, 'key');
    const key = str(keyNode);
    if (!prop(tag, 'key')) {
      out.push(finding(id, tag, 'Tag without "key": every tag needs a key of 1–128 characters.'));
      continue;
    }
    if (key !== undefined && keyNode) {
      if (key.length < 1 || key.length > 128)
        out.push(finding(id, keyNode, `Tag key is ${key.length} characters long: keys are 1–128 characters.`));
      if (!allowed(key)) out.push(notAllowed(id, keyNode, 'key', key));
      if (/^aws:/i.test(key))
        out.push(
          finding(
            id,
            keyNode,
            `Tag key '${key}' uses the reserved prefix 'aws:'; AWS rejects user tags with it. Rename the key.`,
          ),
        );
      const prev = seen.get(key);
      if (prev) out.push(finding(id, keyNode, `Duplicate tag key '${key}': each key may appear once.`));
      else seen.set(key, keyNode);
    }
    const valueNode = child(tag, 'value');
    const value = str(valueNode);
    if (value !== undefined && valueNode) {
      if (value.length > 256)
        out.push(
          finding(id, valueNode, `Tag value is ${value.length} characters long: values are at most 256 characters.`),
        );
      if (!allowed(value)) out.push(notAllowed(id, valueNode, 'value', value));
    }
  }
  return out;
}

const notAllowed = (id: string, node: AstNode, what: 'key' | 'value', text: string) =>
  finding(
    id,
    node,
    `Tag ${what} '${text}' has characters tags do not allow: use letters, digits, spaces and _ . : / = + - @.`,
  );

/** Task-definition tags: at most 50, key 1–128 and value 0–256 characters, allowed characters, no `aws:` prefix. */
export const tags: TaskDefRule = {
  id: 'task/tags',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid task-definition tags',
  docs: {
    what: 'Tags number at most 50; keys are 1–128 and values 0–256 characters of letters, digits, spaces and `_ . : / = + - @`; keys are unique and do not start with `aws:`.',
    why: 'RegisterTaskDefinition (and TagResource) reject tags outside these limits; the `aws:` prefix is reserved for AWS.',
    fix: 'Shorten, rename or remove the offending tags.',
  },
  check({ td, doc }) {
    if (!td.root) return [];
    const out: Finding[] = [];
    const own = prop(td.root, 'tags');
    if (own) out.push(...checkTags(this.id, own));
    // A wrapped describe output carries the tags next to "taskDefinition".
    const wrapper = prop(doc.root, 'taskDefinition');
    if (wrapper && wrapper.value === td.root) {
      const outer = prop(doc.root, 'tags');
      if (outer) out.push(...checkTags(this.id, outer));
    }
    return out;
  },
};
