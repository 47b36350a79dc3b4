/**
 * Hover for ECS JSON files: the API documentation of the member under the cursor (key or value), its
 * type and allowed values or range, the Fargate platform version it needs and Fargate restrictions
 * (editing/facts.ts), and a link to the AWS API reference page of the declaring shape.
 */
import type { MarkupContent } from 'vscode-languageserver-types';
import type { AstNode, Span } from '../documents/ast';
import { locate } from '../schema/astPath';
import { schemaAt } from '../schema/navigate';
import { schemaFor, type SchemaKind } from '../schema/schemas';
import { typeLabel } from './completion';
import { FIELD_FACTS } from './facts';

export interface HoverResult {
  contents: MarkupContent;
  /** The key or value the hover is about. */
  span: Span;
}

export const API_REFERENCE = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference';

export function hover(root: AstNode | undefined, offset: number, kind: SchemaKind): HoverResult | undefined {
  const loc = locate(root, offset);
  if (!loc) return undefined;
  const property = loc.onKey ?? loc.property;
  if (!property) return undefined;
  const path = loc.onKey ? [...loc.path, loc.onKey.key] : loc.path;
  const step = schemaAt(schemaFor(kind), path);
  if (!step?.key) return undefined;
  const shape = step.owner && /^[A-Z][A-Za-z]+$/.test(step.owner) ? step.owner : undefined;
  const facts = shape ? FIELD_FACTS[`${shape}.${step.key}`] : undefined;
  const lines: string[] = [];
  lines.push(`**${step.key}**${shape ? ` · \`${shape}\`` : ''} · \`${typeLabel(step.schema)}\``);
  if (step.member?.deprecationMessage) lines.push(`**Deprecated:** ${step.member.deprecationMessage}`);
  // The Fargate facts and the short constraints first; the long API text after them.
  if (facts?.pv) lines.push(`**Fargate platform version:** needs ${facts.pv} or later (Linux).`);
  if (facts?.fargate) lines.push(`**Fargate:** ${facts.fargate}`);
  if (step.schema.enum) lines.push(`**Allowed values:** ${step.schema.enum.map((v) => `\`${v}\``).join(', ')}`);
  if (facts?.range) lines.push(`**Range:** ${facts.range}`);
  const doc = step.member?.markdownDescription ?? step.schema.markdownDescription;
  if (doc) lines.push(doc);
  if (shape) lines.push(`[${shape} in the Amazon ECS API Reference](${API_REFERENCE}/API_${shape}.html)`);
  const target = loc.onKey ? loc.onKey.keySpan : { offset: loc.node.offset, length: loc.node.length };
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, span: { ...target } };
}
