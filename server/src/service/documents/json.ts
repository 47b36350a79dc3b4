/**
 * JSON (with comments) to the document tree. Comments and trailing commas are tolerated and reported
 * as `json/syntax` warnings; real syntax errors are reported at their position and the recoverable
 * part of the tree is still returned. Bare template tokens are neutralised (see templates.ts).
 *
 * Error-free texts (what is open in an editor most of the time) take one pass of fastPaths/jsonFastParser.ts, which
 * builds the tree and findings directly; at the first syntax error, or nesting past MAX_DEPTH, it
 * gives up and jsonc-parser's recovering parse below takes the text, exactly as it always did. The
 * two agree on every text the fast path accepts (test/unit/fastPaths/jsonFastParser.test.ts).
 */
import type * as Jsonc from 'jsonc-parser';
import type { Node as JNode, ParseError } from 'jsonc-parser';
import type { AstNode, Property } from './ast';
import { parseJsonFast } from '../fastPaths/jsonFastParser';
import { commentFinding, trailingComma } from './jsonSyntax';
import { isTemplatedString, neutraliseBareTemplates, type BareToken } from './templates';
import type { Finding } from '../types';

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

export function parseJson(text: string): ParsedJson {
  let fast: ReturnType<typeof parseJsonFast>;
  try {
    fast = parseJsonFast(text, MAX_DEPTH);
  } catch {
    // A bug in the fast path must not cost the user the document: the recovering path still reads it.
    // (The tests call parseJsonFast directly, where it would throw.)
    fast = undefined;
  }
  // The depth limits are defined by nestingDepth, which counts brackets and quotes inside comments:
  // when a comment holds one, ask it (on the neutralised text, as below).
  if (fast && (!fast.commentBrackets || nestingDepth(neutraliseBareTemplates(text)?.text ?? text) <= MAX_DEPTH)) {
    if (fast.root) exactTrees.add(fast.root);
    return { root: fast.root, findings: fast.findings, bareTemplates: fast.bareTemplates };
  }
  return parseSlow(text);
}

/**
 * Texts the fast path gives up on: a syntax error somewhere, or deep nesting. Bare template tokens
 * are neutralised first (see templates.ts); texts nesting deeper than MAX_PARSE_DEPTH are not parsed.
 */
function parseSlow(text: string): ParsedJson {
  const neutral = neutraliseBareTemplates(text);
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
  return parseWithRecovery(source, text.length, bare);
}

/**
 * True when a bare template token lies inside [offset, offset + length): the literal's value is only
 * known after templating, also when the token is glued to other characters (`1024${X}`, which the
 * offset-preserving neutralisation would otherwise turn into the number 10240). Tokens are in text order.
 */
function touchesToken(tokens: readonly BareToken[], offset: number, length: number): boolean {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].offset + tokens[mid].length <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length && tokens[lo].offset < offset + length;
}

let jsoncLib: typeof Jsonc | undefined;
/** jsonc-parser, loaded on first use: error-free documents never need it (the fast path reads them). */
function jsonc(): typeof Jsonc {
  return (jsoncLib ??= require('jsonc-parser') as typeof Jsonc);
}

/** jsonc-parser's tree with its error recovery, converted; syntax errors reported at their position. */
function parseWithRecovery(source: string, textLength: number, bare: BareToken[]): ParsedJson {
  const { parseTree, printParseErrorCode } = jsonc();
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
        const value = (n.value as string | number | boolean | null | undefined) ?? null;
        const node = { type: n.type, value, offset: n.offset, length: n.length } as AstNode;
        if (touchesToken(bare, n.offset, n.length)) node.unknown = 'template';
        else if (typeof value === 'string' && isTemplatedString(value)) node.unknown = 'template';
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
  const { createScanner, SyntaxKind } = jsonc();
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
