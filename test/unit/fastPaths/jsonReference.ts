/**
 * TEST REFERENCE, not product code: parseJson as it was before the single-pass parser (fastPaths/jsonFastParser.ts),
 * frozen with the regex template scan it used, so that the differential test (jsonFastParser.test.ts) can
 * compare the two on the same texts. Do not change it to follow the product: it is the old behaviour,
 * with one deliberate fix applied to both: a literal is unknown when a bare template token lies anywhere
 * inside it, not only at its start (`1024${X}` was read as the number 10240).
 *
 * JSON (with comments) to the document tree. Comments and trailing commas are tolerated and reported
 * as `json/syntax` warnings; real syntax errors are reported at their position and the recoverable
 * part of the tree is still returned. Bare template tokens are neutralised (see templates.ts).
 */
import {
  createScanner,
  parseTree,
  printParseErrorCode,
  SyntaxKind,
  visit,
  type Node as JNode,
  type ParseError,
} from 'jsonc-parser';
import type { ArrayNode, AstNode, ObjectNode, Property } from '../../../server/src/service/documents/ast';
import { isTemplatedString, type BareToken } from '../../../server/src/service/documents/templates';
import type { Finding } from '../../../server/src/service/types';

export interface ParsedJson {
  root: AstNode | undefined;
  findings: Finding[];
  /** Template tokens that stood where JSON values belong: the file is only JSON after templating. */
  bareTemplates: BareToken[];
}

/** Texts nesting deeper than this are not parsed at all (the parser is recursive). */
export const MAX_PARSE_DEPTH = 1000;

/** Maximum bracket nesting outside strings, in one linear pass. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth = Math.max(0, depth - 1);
  }
  return max;
}

/** Nesting deeper than this is not converted (protects the rules' recursion). */
export const MAX_DEPTH = 200;

/** Roots of trees that are exact parses of their (template-neutralised) text: no syntax error, no depth cut. */
const exactTrees = new WeakSet<AstNode>();

/** True when `root` came from parseJson of a text without syntax errors and was converted whole. */
export function isExactTree(root: AstNode): boolean {
  return exactTrees.has(root);
}

/** The deliberate fix (see the header): a token anywhere inside the literal's span. */
function touchesToken(tokens: readonly BareToken[], offset: number, length: number): boolean {
  return tokens.some((t) => t.offset < offset + length && t.offset + t.length > offset);
}

export function referenceParseJson(text: string): ParsedJson {
  const neutral = referenceNeutralise(text);
  const source = neutral ? neutral.text : text;
  const bare = neutral ? neutral.tokens : [];
  const depth = nestingDepth(source);
  if (depth > MAX_PARSE_DEPTH) {
    return {
      root: undefined,
      bareTemplates: bare,
      findings: [
        {
          ruleId: 'json/syntax',
          severity: 'warning',
          span: { offset: 0, length: 1 },
          message: `Not checked: the JSON nests ${depth} levels deep (the limit is ${MAX_PARSE_DEPTH}); no ECS file nests this deep.`,
        },
      ],
    };
  }
  if (depth <= MAX_DEPTH) {
    const fast = buildTree(source, bare);
    if (fast) return fast;
  }
  return parseWithRecovery(source, text.length, bare);
}

/**
 * One pass over an error-free text: jsonc-parser's visitor builds our tree directly (what parseTree
 * and a conversion did in two) and reports comments and trailing commas on the way (what a second
 * scan did). Returns undefined at the first syntax error: parseWithRecovery then takes over, so broken
 * documents get exactly the recovery they always had. Only used when nesting is within MAX_DEPTH.
 */
function buildTree(source: string, bare: BareToken[]): ParsedJson | undefined {
  interface Frame {
    node: ObjectNode | ArrayNode;
    key?: { key: string; offset: number; length: number };
  }
  const findings: Finding[] = [];
  const stack: Frame[] = [];
  let root: AstNode | undefined;
  let failed = false;
  let pendingComma = -1;
  const attach = (value: AstNode): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root ??= value;
      return;
    }
    if (top.node.type === 'array') {
      top.node.items.push(value);
      return;
    }
    const k = top.key;
    if (!k) return;
    top.key = undefined;
    top.node.properties.push({
      key: k.key,
      rawKey: k.key,
      keySpan: { offset: k.offset, length: k.length },
      value,
      span: { offset: k.offset, length: value.offset + value.length - k.offset },
    });
  };
  const close = (offset: number, length: number): void => {
    if (pendingComma >= 0) findings.push(trailingComma(pendingComma));
    pendingComma = -1;
    const frame = stack.pop();
    if (!frame) return;
    frame.node.length = offset + length - frame.node.offset;
    // Exact-size copies: arrays grown by push keep spare capacity, and indexed trees live long.
    if (frame.node.type === 'object') frame.node.properties = frame.node.properties.slice();
    else frame.node.items = frame.node.items.slice();
    attach(frame.node);
  };
  visit(
    source,
    {
      onObjectBegin: (offset) => {
        pendingComma = -1;
        stack.push({ node: { type: 'object', properties: [], offset, length: -1 } });
      },
      onObjectProperty: (key, offset, length) => {
        pendingComma = -1;
        const top = stack[stack.length - 1];
        if (top) top.key = { key, offset, length };
      },
      onObjectEnd: close,
      onArrayBegin: (offset) => {
        pendingComma = -1;
        stack.push({ node: { type: 'array', items: [], offset, length: -1 } });
      },
      onArrayEnd: close,
      onLiteralValue: (value, offset, length) => {
        pendingComma = -1;
        const type =
          value === null
            ? 'null'
            : typeof value === 'string'
              ? 'string'
              : typeof value === 'number'
                ? 'number'
                : typeof value === 'boolean'
                  ? 'boolean'
                  : 'null';
        const node: AstNode = { type, value: value ?? null, offset, length };
        if (touchesToken(bare, offset, length)) node.unknown = 'template';
        else if (type === 'string' && isTemplatedString(value)) node.unknown = 'template';
        attach(node);
      },
      onSeparator: (sep, offset) => {
        pendingComma = sep === ',' ? offset : -1;
      },
      onComment: (offset, length) => {
        findings.push(commentFinding(offset, length));
      },
      onError: () => {
        failed = true;
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );
  if (failed) return undefined;
  if (root) exactTrees.add(root);
  return { root, findings, bareTemplates: bare };
}

/** jsonc-parser's tree with its error recovery, converted; syntax errors reported at their position. */
function parseWithRecovery(source: string, textLength: number, bare: BareToken[]): ParsedJson {
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, {
    allowTrailingComma: true,
    disallowComments: false,
    allowEmptyContent: true,
  });
  const findings: Finding[] = errors.map((e) => ({
    ruleId: 'json/syntax',
    message: `JSON syntax error: ${describe(printParseErrorCode(e.error))}.`,
    span: {
      offset: Math.min(e.offset, textLength),
      length: Math.max(0, Math.min(Math.max(1, e.length), textLength - e.offset)),
    },
    severity: 'error',
  }));
  findings.push(...leniencies(source));
  let tooDeep = false;
  const convert = (n: JNode, depth: number): AstNode => {
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      return { type: 'null', value: null, offset: n.offset, length: n.length, unknown: 'template' };
    }
    switch (n.type) {
      case 'object': {
        const properties: Property[] = [];
        for (const p of n.children ?? []) {
          const [k, v] = p.children ?? [];
          if (!k || !v) continue;
          const key = String(k.value);
          properties.push({
            key,
            rawKey: key,
            keySpan: { offset: k.offset, length: k.length },
            value: convert(v, depth + 1),
            span: { offset: p.offset, length: p.length },
          });
        }
        return { type: 'object', properties, offset: n.offset, length: n.length };
      }
      case 'array':
        return {
          type: 'array',
          items: (n.children ?? []).map((c) => convert(c, depth + 1)),
          offset: n.offset,
          length: n.length,
        };
      default: {
        const node: AstNode = { type: n.type, value: n.value ?? null, offset: n.offset, length: n.length } as AstNode;
        if (touchesToken(bare, n.offset, n.length)) node.unknown = 'template';
        else if (n.type === 'string' && isTemplatedString(n.value)) node.unknown = 'template';
        return node;
      }
    }
  };
  const root = tree ? convert(tree, 0) : undefined;
  if (root && errors.length === 0 && !tooDeep) exactTrees.add(root);
  if (tooDeep) {
    findings.push({
      ruleId: 'json/syntax',
      message: `Nesting deeper than ${MAX_DEPTH} levels is not checked.`,
      span: { offset: 0, length: 1 },
      severity: 'warning',
    });
  }
  return { root, findings, bareTemplates: bare };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Comments and trailing commas: accepted by us, rejected by AWS tools that read strict JSON. */
function leniencies(text: string): Finding[] {
  const out: Finding[] = [];
  const scanner = createScanner(text, false);
  let pendingComma: { offset: number } | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      out.push(commentFinding(scanner.getTokenOffset(), scanner.getTokenLength()));
      continue;
    }
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    if (kind === SyntaxKind.CommaToken) {
      pendingComma = { offset: scanner.getTokenOffset() };
      continue;
    }
    if (pendingComma && (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken))
      out.push(trailingComma(pendingComma.offset));
    pendingComma = undefined;
  }
  return out;
}

function commentFinding(offset: number, length: number): Finding {
  return {
    ruleId: 'json/syntax',
    message:
      'Comments are not valid JSON: the AWS CLI (--cli-input-json) and the ECS API reject this file. Remove the comment before using it.',
    span: { offset, length },
    severity: 'warning',
  };
}

function trailingComma(offset: number): Finding {
  return {
    ruleId: 'json/syntax',
    message: 'Trailing comma: not valid JSON, the AWS CLI and the ECS API reject it. Remove the comma.',
    span: { offset, length: 1 },
    severity: 'warning',
    fixes: [{ title: 'Remove trailing comma', isPreferred: true, edits: [{ offset, length: 1, newText: '' }] }],
  };
}

const BARE = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\$\{[^}\n]*\}|\$[A-Za-z_][A-Za-z0-9_]*|<[A-Z][A-Z0-9_]*>/y;

/**
 * Finds template tokens that sit where a JSON value should be (outside strings and comments) and
 * returns the text with each replaced by `0` padded with spaces, so offsets are preserved and the
 * result parses. Returns undefined when there is nothing to replace.
 */
export function referenceNeutralise(text: string): { text: string; tokens: BareToken[] } | undefined {
  const tokens: BareToken[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === '{' || c === '$' || c === '<') {
      BARE.lastIndex = i;
      const m = BARE.exec(text);
      // `{` alone opens an object; only `{{` / `{%` are template tokens.
      if (m && (c !== '{' || m[0].length > 1)) {
        tokens.push({ offset: i, length: m[0].length });
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
  if (tokens.length === 0) return undefined;
  let out = '';
  let last = 0;
  for (const t of tokens) {
    // Keep newlines inside multi-line tokens so line numbers stay the same.
    const body = text.slice(t.offset, t.offset + t.length).replace(/[^\n]/g, ' ');
    out += text.slice(last, t.offset) + '0' + body.slice(1);
    last = t.offset + t.length;
  }
  out += text.slice(last);
  return { text: out, tokens };
}

/** Whether the old fast path (jsonc-parser's visitor on the neutralised text) read `text` without an error. */
export function referenceVisitAccepts(text: string): boolean {
  const source = referenceNeutralise(text)?.text ?? text;
  let failed = false;
  visit(
    source,
    {
      onError: () => {
        failed = true;
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );
  return !failed;
}
