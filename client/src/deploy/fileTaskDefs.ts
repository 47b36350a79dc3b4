/**
 * The task definitions a workspace file holds, as plain values ready for normalise.ts: parsed by the
 * language service's own document model (JSON, YAML, CloudFormation with keys already renamed to API
 * names), so the diff reads a file exactly as the linter does. Values the model marks unknown (template
 * tokens, CloudFormation intrinsics) become Placeholders holding their source text.
 */
import { child, prop, type AstNode, type ObjectNode } from '../../../server/src/service/documents/ast';
import type { BareToken } from '../../../server/src/service/documents/templates';
import { parseDocument } from '../../../server/src/service/shapes/document';
import { Placeholder } from './normalise';

export interface FileTaskDef {
  /** The `family` literal; undefined when absent or templated (CloudFormation generates one). */
  family?: string;
  /** Family or CloudFormation logical id, for messages. */
  label: string;
  logicalId?: string;
  /** The task-level object as plain data (API names), placeholders included. */
  value: Record<string, unknown>;
  /** Offset of the line to show a code lens on: the `family` member, else the task definition. */
  anchorOffset: number;
  /** 'describe' when the file is a DescribeTaskDefinition result. */
  shape: string;
}

export interface FileTaskDefs {
  taskDefs: FileTaskDef[];
  /** Syntax errors that make the file unreadable (first one), if any. */
  syntaxError?: string;
}

export function readFileTaskDefs(uri: string, text: string): FileTaskDefs {
  const doc = parseDocument(uri, text);
  const out: FileTaskDef[] = [];
  const source: Source = { text, bare: doc.bareTemplates };
  for (const td of doc.taskDefs) {
    if (!td.root) continue;
    const value = toPlain(td.root, source) as Record<string, unknown>;
    // `aws ecs describe-task-definition --include TAGS` prints the tags beside the task definition.
    if (td.shape === 'describe' && doc.root && child(doc.root, 'taskDefinition') === td.root) {
      const tags = child(doc.root, 'tags');
      if (tags) value.tags = toPlain(tags, source);
    }
    const familyProp = prop(td.root, 'family');
    out.push({
      family: td.family,
      label: td.label,
      logicalId: td.logicalId,
      value,
      anchorOffset: familyProp ? familyProp.keySpan.offset : td.span.offset,
      shape: td.shape,
    });
  }
  const syntax = doc.parseFindings.find((f) => f.severity === 'error');
  return { taskDefs: out, syntaxError: syntax?.message };
}

interface Source {
  text: string;
  /** Template tokens outside string literals (`"memory": {{ mem }}`): the node only marks where one was. */
  bare: readonly BareToken[];
}

/** Plain data from a document tree; unknown values become Placeholders with their source text. */
export function toPlain(node: AstNode, src: Source): unknown {
  if (node.unknown) return new Placeholder(placeholderText(node, src));
  switch (node.type) {
    case 'object':
      return objectToPlain(node, src);
    case 'array':
      return node.items.map((i) => toPlain(i, src));
    default:
      return node.value;
  }
}

function placeholderText(node: AstNode, src: Source): string {
  if (node.type === 'string') return String(node.value);
  const end = node.offset + Math.max(node.length, 1);
  const bare = src.bare.find((t) => t.offset < end && node.offset < t.offset + t.length);
  const from = bare ? Math.min(bare.offset, node.offset) : node.offset;
  const to = bare ? Math.max(bare.offset + bare.length, node.offset + node.length) : node.offset + node.length;
  return src.text.slice(from, to).replace(/\s+/g, ' ').trim();
}

function objectToPlain(node: ObjectNode, src: Source): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of node.properties) out[p.key] = toPlain(p.value, src);
  return out;
}
