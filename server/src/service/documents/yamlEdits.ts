/**
 * The YAML edit builder: turns the rules' tree-level changes into text edits that keep a YAML document
 * valid. Block collections get whole-line edits at the collection's own indentation; flow collections
 * (`[a, b]`, `{A: 1}`) get comma-separated edits. Scalars are written plain when that reads back as
 * the same string, else quoted. Keys and nested values go through a KeyNamer, so the same builder
 * serves API-named YAML and CloudFormation templates.
 */
import type { ArrayNode, AstNode, Property, Span } from './ast';
import type { EditBuilder } from './edits';
import type { OffsetEdit } from '../types';

/** Spells keys for the document: identity for API-named files, PascalCase for CloudFormation. */
export interface KeyNamer {
  /** The key for `apiKey` as a member of `container`. */
  key(apiKey: string, container?: AstNode): string;
  /** The key replacing an existing property's key. */
  keyOf(p: Property, apiKey: string): string;
  /** A value written with API keys, respelled for `container` (or for `container[apiKey]`). */
  value(value: unknown, container?: AstNode, apiKey?: string): unknown;
}

export const API_NAMER: KeyNamer = { key: (k) => k, keyOf: (_p, k) => k, value: (v) => v };

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~|-?\.inf|\.nan)$/i;
const PLAIN = /^[A-Za-z0-9_/.@$(][A-Za-z0-9_ /.@:=+()$*-]*$/;

/** A scalar as YAML text: plain when it reads back as the same string, else quoted. */
export function yamlScalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  const plain = PLAIN.test(s) && !/: |:$| #|\s$/.test(s) && !RESERVED.test(s) && !/^[-+]?(\d|\.\d)/.test(s);
  if (plain) return s;
  return /[\n\r\t\\\u0000-\u001f]/.test(s) ? JSON.stringify(s) : `'${s.replace(/'/g, "''")}'`;
}

function isCollection(v: unknown): v is object {
  return v !== null && typeof v === 'object';
}

function isEmpty(v: object): boolean {
  return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}

/** Flow-style text of any value (`[a, b]`, `{A: 1}`). */
export function yamlFlow(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(yamlFlow).join(', ')}]`;
  if (isCollection(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${yamlScalar(k)}: ${yamlFlow(x)}`)
      .join(', ')}}`;
  return yamlScalar(v);
}

export function yamlEditBuilder(text: string, flowRanges: Span[], namer: KeyNamer = API_NAMER): EditBuilder {
  const unit = ' '.repeat(indentUnit(text));
  const lineStart = (o: number): number => text.lastIndexOf('\n', o - 1) + 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  /** End of the line holding `o`, before its line break (`\n` or `\r\n`). */
  const lineEnd = (o: number): number => {
    const i = text.indexOf('\n', o);
    if (i < 0) return text.length;
    return text[i - 1] === '\r' ? i - 1 : i;
  };
  const column = (o: number): number => o - lineStart(o);
  const end = (s: Span): number => s.offset + s.length;
  const inFlow = (o: number): boolean => flowRanges.some((r) => r.offset < o && o < end(r));
  const isFlowNode = (n: AstNode): boolean => text[n.offset] === '[' || text[n.offset] === '{' || inFlow(n.offset);
  /** Where to add a line after the block member ending at `e`. */
  const afterLine = (e: number): number => (text[e - 1] === '\n' ? lineEnd(e - 1) : lineEnd(e));

  /** Text following `Key:` for a value whose nested lines start at `indent`. */
  const afterKey = (v: unknown, indent: string): string => {
    if (!isCollection(v) || isEmpty(v)) return ' ' + yamlFlow(v);
    if (Array.isArray(v)) return v.map((it) => `${eol}${indent}- ${afterDash(it, indent + '  ')}`).join('');
    return Object.entries(v)
      .map(([k, x]) => `${eol}${indent}${yamlScalar(k)}:${afterKey(x, indent + unit)}`)
      .join('');
  };
  /** Text following `- ` for an item whose content sits at `indent`. */
  const afterDash = (v: unknown, indent: string): string => {
    if (!isCollection(v) || isEmpty(v) || Array.isArray(v)) return yamlFlow(v);
    return afterKey(v, indent).slice(eol.length + indent.length);
  };

  const removeFlowMember = (spans: Span[], i: number): OffsetEdit => {
    const cur = spans[i];
    if (i + 1 < spans.length) return { offset: cur.offset, length: spans[i + 1].offset - cur.offset, newText: '' };
    if (i > 0) return { offset: end(spans[i - 1]), length: end(cur) - end(spans[i - 1]), newText: '' };
    return { offset: cur.offset, length: cur.length, newText: '' };
  };

  const builder: EditBuilder = {
    key: (k) => namer.key(k),
    replaceValue(node, value) {
      const v = namer.value(value, node);
      if (isFlowNode(node) || !isCollection(v) || isEmpty(v))
        return { offset: node.offset, length: node.length, newText: yamlFlow(v) };
      const prefix = text.slice(lineStart(node.offset), node.offset);
      if (node.type === 'object' || node.type === 'array' || /^\s*(- )+$/.test(prefix)) {
        // The node already starts where block content belongs (its first key or dash, or after `- `).
        const col = ' '.repeat(column(node.offset));
        const body =
          Array.isArray(v) && !/^\s*(- )+$/.test(prefix)
            ? afterKey(v, col).slice(eol.length + col.length)
            : afterDash(v, col);
        return { offset: node.offset, length: node.length, newText: body };
      }
      // `Key: scalar` -> `Key:` + nested block on the following lines.
      let start = node.offset;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      const keyColumn = /^[ \t]*(- )*/.exec(prefix)?.[0].length ?? 0;
      const indent = ' '.repeat(keyColumn) + unit;
      return { offset: start, length: end(node) - start, newText: afterKey(v, indent) };
    },
    replaceKey: (p, k) => ({
      offset: p.keySpan.offset,
      length: p.keySpan.length,
      newText: yamlScalar(namer.keyOf(p, k)),
    }),
    removeProperty(obj, p) {
      const i = obj.properties.indexOf(p);
      if (isFlowNode(obj))
        return removeFlowMember(
          obj.properties.map((x) => x.span),
          i,
        );
      if (obj.properties.length === 1) return { offset: obj.offset, length: obj.length, newText: '{}' };
      const next = obj.properties[i + 1];
      if (!/^\s*$/.test(text.slice(lineStart(p.keySpan.offset), p.keySpan.offset)) && next) {
        return { offset: p.keySpan.offset, length: next.keySpan.offset - p.keySpan.offset, newText: '' };
      }
      if (!next) {
        const prevEnd = afterLine(end(obj.properties[i - 1].span));
        return { offset: prevEnd, length: lineEnd(end(p.span)) - prevEnd, newText: '' };
      }
      return {
        offset: lineStart(p.keySpan.offset),
        length: lineStart(next.keySpan.offset) - lineStart(p.keySpan.offset),
        newText: '',
      };
    },
    addProperty(obj, k, value) {
      const key = yamlScalar(namer.key(k, obj));
      const v = namer.value(value, obj, k);
      const last = obj.properties[obj.properties.length - 1];
      if (isFlowNode(obj) || !last) {
        if (!last) return { offset: obj.offset, length: obj.length, newText: `{${key}: ${yamlFlow(v)}}` };
        return { offset: end(last.span), length: 0, newText: `, ${key}: ${yamlFlow(v)}` };
      }
      const indent = ' '.repeat(column(obj.properties[0].keySpan.offset));
      return {
        offset: afterLine(end(last.span)),
        length: 0,
        newText: `${eol}${indent}${key}:${afterKey(v, indent + unit)}`,
      };
    },
    removeItem(arr, index) {
      if (isFlowNode(arr)) return removeFlowMember(arr.items, index);
      if (arr.items.length === 1) return { offset: arr.offset, length: arr.length, newText: '[]' };
      const item = arr.items[index];
      const next = arr.items[index + 1];
      if (next)
        return { offset: lineStart(item.offset), length: lineStart(next.offset) - lineStart(item.offset), newText: '' };
      const prevEnd = afterLine(end(arr.items[index - 1]));
      return { offset: prevEnd, length: lineEnd(end(item)) - prevEnd, newText: '' };
    },
    appendItem(arr: ArrayNode, value: unknown) {
      const v = namer.value(value, arr);
      const last = arr.items[arr.items.length - 1];
      if (isFlowNode(arr) || !last) {
        if (!last) return { offset: arr.offset, length: arr.length, newText: `[${yamlFlow(v)}]` };
        return { offset: end(last), length: 0, newText: `, ${yamlFlow(v)}` };
      }
      const prefix = text.slice(lineStart(last.offset), last.offset);
      const dash = ' '.repeat(Math.max(0, prefix.lastIndexOf('-')));
      return { offset: afterLine(end(last)), length: 0, newText: `${eol}${dash}- ${afterDash(v, dash + '  ')}` };
    },
  };
  return builder;
}

/** The smallest indentation step used in the text (2 when none). */
function indentUnit(text: string): number {
  let best = 0;
  for (const m of text.matchAll(/\n( +)[^ \n#]/g)) {
    const n = m[1].length;
    if (n > 0 && (best === 0 || n < best)) best = n;
    if (best === 1) break;
  }
  return best || 2;
}
