/**
 * The cursor in a CloudFormation template, the same for YAML (from indentation, yamlPath.ts) and JSON
 * (jsonc-parser's scanner): the path of template keys, key or value, the text to replace, the keys
 * already present, and the resource's Type and the template's resources and parameters, read from the
 * text where the parse tree may be missing.
 */
import { getLocation } from 'jsonc-parser';
import { at, child, isObject, str, type AstNode, type Span } from '../documents/ast';
import { MAX_PARSE_DEPTH, nestingDepth } from '../documents/json';
import { literalAt } from './completion';
import { YamlLines } from './yamlLines';
import { yamlCursor, type YamlCursor } from './yamlPath';

/**
 * The members from YamlCursor mean what they mean there (yamlPath.ts), with `path` holding template keys
 * (the object for 'key', the value for 'value'); `item`, `inFlow`, `tag`, `col` and `unit` are YAML's.
 */
export interface TemplateCursor extends Omit<YamlCursor, 'at' | 'lines'> {
  syntax: 'json' | 'yaml';
  /** JSON: the cursor is outside any literal (a new value or item goes here). */
  bare: boolean;
  /** The Type of the resource the path is in (path[1]). */
  resourceType?: string;
  /** Logical ids and types of the template's resources, and its parameter names. */
  resources: () => { id: string; type?: string }[];
  parameters: () => string[];
}

export interface TemplateText {
  text: string;
  syntax: 'json' | 'yaml';
  root: AstNode | undefined;
}

export function templateCursor(doc: TemplateText, offset: number): TemplateCursor | undefined {
  return doc.syntax === 'yaml' ? fromYaml(doc, offset) : fromJson(doc, offset);
}

function fromYaml(doc: TemplateText, offset: number): TemplateCursor | undefined {
  const lines = new YamlLines(doc.text);
  const c = yamlCursor(doc.text, offset, lines);
  if (!c) return undefined;
  const topLevel = (key: string) => {
    for (let l = 0; l < lines.lines.length; l++) {
      const t = lines.tokens(l)[0];
      if (t?.kind === 'key' && t.col === 0 && t.key === key) return lines.childKeys(l, 0);
    }
    return [];
  };
  const typeOf = (line: number, col: number) =>
    unquote(lines.childKeys(line, col).find((k) => k.key === 'Type')?.value);
  const resourceAt = c.path[0] === 'Resources' && c.at[1] ? c.at[1] : undefined;
  return {
    ...c,
    syntax: 'yaml',
    bare: false,
    resourceType: resourceAt ? typeOf(resourceAt.line, resourceAt.col) : undefined,
    resources: () =>
      topLevel('Resources').map((r) => ({ id: r.key, type: typeOf(r.line, indentOf(lines, r.line, r.key)) })),
    parameters: () => topLevel('Parameters').map((p) => p.key),
  };
}

function indentOf(lines: YamlLines, line: number, key: string): number {
  return lines.tokens(line).find((t) => t.key === key)?.col ?? 0;
}

function unquote(v: string | undefined): string | undefined {
  if (!v) return undefined;
  return /^(['"]).*\1$/.test(v) ? v.slice(1, -1) : v;
}

function fromJson(doc: TemplateText, offset: number): TemplateCursor | undefined {
  // jsonc-parser's getLocation is recursive: pathologically nested text gets no completion.
  if (nestingDepth(doc.text) > MAX_PARSE_DEPTH) return undefined;
  const loc = getLocation(doc.text, offset);
  const literal = literalAt(doc.text, offset);
  const replace: Span = literal ? { offset: literal.offset, length: literal.length } : { offset, length: 0 };
  const root = doc.root;
  const resources = () => {
    const res = child(root, 'Resources');
    return isObject(res) ? res.properties.map((p) => ({ id: p.key, type: str(child(p.value, 'Type')) })) : [];
  };
  const parameters = () => {
    const params = child(root, 'Parameters');
    return isObject(params) ? params.properties.map((p) => p.key) : [];
  };
  const base = {
    syntax: 'json' as const,
    replace,
    typed: doc.text.slice(replace.offset, offset),
    item: false,
    inFlow: false,
    needsSpace: false,
    bare: !literal,
    col: 0,
    unit: 2,
    resourceType:
      loc.path[0] === 'Resources' && typeof loc.path[1] === 'string'
        ? str(at(root, 'Resources', loc.path[1], 'Type'))
        : undefined,
    resources,
    parameters,
  };
  if (loc.isAtPropertyKey) {
    const path = loc.path.slice(0, -1);
    const obj = at(root, ...path);
    const siblings = isObject(obj) ? obj.properties.map((p) => p.key) : [];
    const keyOnly = !!literal && /^\s*:/.test(doc.text.slice(literal.offset + literal.length));
    return { ...base, kind: 'key', path, siblings, keyOnly };
  }
  return { ...base, kind: 'value', path: loc.path, siblings: [], keyOnly: false };
}
