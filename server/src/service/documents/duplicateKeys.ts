/**
 * Keys written twice in one JSON object. Every reader of these files keeps the last value: Python's
 * json module (the AWS CLI's `--cli-input-json`), JSON.parse (the GitHub render action's `require`) and
 * Go's encoding/json (ecspresso); the document model reads the last one too (ast.ts `prop`). The one
 * reader that refuses the file is the `yaml` library the GitHub deploy action parses task definitions
 * with ("Map keys must be unique"), so a duplicate is a warning that names what is ignored.
 */
import type { AstNode, ObjectNode, Property } from './ast';
import type { DocumentModel } from '../shapes/document';
import { lineIndexOf } from './lineIndex';
import type { Finding } from '../types';

export const DUPLICATE_KEY_RULE = 'json/duplicate-key';

/** One finding per overridden occurrence (every one but the last), for JSON documents. */
export function duplicateKeyFindings(doc: DocumentModel): Finding[] {
  if (doc.syntax !== 'json' || !doc.root) return [];
  const out: Finding[] = [];
  walk(doc.root, doc, out, 0);
  return out;
}

function walk(node: AstNode, doc: DocumentModel, out: Finding[], depth: number): void {
  if (depth > 200) return;
  if (node.type === 'array') {
    for (let i = 0; i < node.items.length; i++) walk(node.items[i], doc, out, depth + 1);
    return;
  }
  if (node.type !== 'object') return;
  const ps = node.properties;
  if (ps.length > 1) duplicatesOf(node, doc, out);
  for (let i = 0; i < ps.length; i++) walk(ps[i].value, doc, out, depth + 1);
}

function duplicatesOf(node: ObjectNode, doc: DocumentModel, out: Finding[]): void {
  const ps = node.properties;
  let last: Map<string, Property> | undefined;
  // Small objects (nearly all) compare pairwise; a Map only when the object is large.
  if (ps.length > 12) {
    last = new Map();
    for (const p of ps) last.set(p.key, p);
  }
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    let winner: Property | undefined;
    if (last) {
      const w = last.get(p.key);
      winner = w !== p ? w : undefined;
    } else {
      for (let j = ps.length - 1; j > i; j--) {
        if (ps[j].key === p.key) {
          winner = ps[j];
          break;
        }
      }
    }
    if (!winner) continue;
    const line = lineIndexOf(doc).positionAt(winner.keySpan.offset).line + 1;
    out.push({
      ruleId: DUPLICATE_KEY_RULE,
      severity: 'warning',
      span: { offset: p.keySpan.offset, length: p.keySpan.length },
      message:
        `'${p.rawKey}' is written again on line ${line}; the AWS CLI, JSON.parse and Go keep only the last value, so this one is ignored. ` +
        `The GitHub deploy action (amazon-ecs-deploy-task-definition) reads the file with a YAML parser that rejects duplicate keys. Remove one of them.`,
      tags: ['unnecessary'],
      fixes: [{ title: `Remove this '${p.rawKey}'`, isPreferred: true, edits: [doc.edits.removeProperty(node, p)] }],
    });
  }
}
