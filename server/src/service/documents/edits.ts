/**
 * Syntax-aware edit builders for quick fixes. Rules describe a change in terms of tree nodes and API
 * key names; the builder for the document's syntax (JSON here, YAML in yamlEdits.ts) turns it into
 * text edits that keep the file's indentation and punctuation valid.
 */
import type { ArrayNode, AstNode, ObjectNode, Property } from './ast';
import type { OffsetEdit } from '../types';

export interface EditBuilder {
  /** The key as it must be written in this document (CloudFormation uses PascalCase names). */
  key(apiKey: string): string;
  replaceValue(node: AstNode, value: unknown): OffsetEdit;
  replaceKey(p: Property, apiKey: string): OffsetEdit;
  removeProperty(obj: ObjectNode, p: Property): OffsetEdit;
  addProperty(obj: ObjectNode, apiKey: string, value: unknown): OffsetEdit;
  removeItem(arr: ArrayNode, index: number): OffsetEdit;
  appendItem(arr: ArrayNode, value: unknown): OffsetEdit;
}

function lineIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n') start--;
  const m = /^[ \t]*/.exec(text.slice(start, offset));
  return m ? m[0] : '';
}

function isSingleLine(text: string, node: AstNode): boolean {
  return !text.slice(node.offset, node.offset + node.length).includes('\n');
}

function end(s: { offset: number; length: number }): number {
  return s.offset + s.length;
}

export function jsonEditBuilder(text: string): EditBuilder {
  // The indentation unit is read on first use: most parsed documents never build an edit.
  let unit: string | undefined;
  const indentUnit = (): string =>
    (unit ??= /\n(\t| +)"/.exec(text)?.[1]?.length === 4 ? '    ' : /\n\t"/.test(text) ? '\t' : '  ');
  const serialise = (value: unknown, indent: string): string =>
    JSON.stringify(value, null, indentUnit()).replace(/\n/g, '\n' + indent);

  const removeMember = (siblings: { span: { offset: number; length: number } }[], i: number): OffsetEdit => {
    const cur = siblings[i].span;
    if (i + 1 < siblings.length) {
      const next = siblings[i + 1].span;
      return { offset: cur.offset, length: next.offset - cur.offset, newText: '' };
    }
    if (i > 0) {
      const prevEnd = end(siblings[i - 1].span);
      return { offset: prevEnd, length: end(cur) - prevEnd, newText: '' };
    }
    return { offset: cur.offset, length: cur.length, newText: '' };
  };

  const append = (
    container: AstNode,
    last: { offset: number; length: number } | undefined,
    member: (indent: string) => string,
  ): OffsetEdit => {
    if (last) {
      if (isSingleLine(text, container)) return { offset: end(last), length: 0, newText: ', ' + member('') };
      const indent = lineIndent(text, last.offset);
      return { offset: end(last), length: 0, newText: `,\n${indent}${member(indent)}` };
    }
    const outer = lineIndent(text, container.offset);
    const inner = outer + indentUnit();
    return {
      offset: container.offset + 1,
      length: container.length - 2,
      newText: `\n${inner}${member(inner)}\n${outer}`,
    };
  };

  return {
    key: (k) => k,
    replaceValue: (node, value) => ({
      offset: node.offset,
      length: node.length,
      newText: serialise(value, lineIndent(text, node.offset)),
    }),
    replaceKey: (p, k) => ({ offset: p.keySpan.offset, length: p.keySpan.length, newText: JSON.stringify(k) }),
    removeProperty: (obj, p) => removeMember(obj.properties, obj.properties.indexOf(p)),
    addProperty: (obj, k, value) =>
      append(
        obj,
        obj.properties[obj.properties.length - 1]?.span,
        (indent) => `${JSON.stringify(k)}: ${serialise(value, indent)}`,
      ),
    removeItem: (arr, index) =>
      removeMember(
        arr.items.map((it) => ({ span: it })),
        index,
      ),
    appendItem: (arr, value) => append(arr, arr.items[arr.items.length - 1], (indent) => serialise(value, indent)),
  };
}

/** Applies non-overlapping edits to a text (used by tests and the CLI's --fix). */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
