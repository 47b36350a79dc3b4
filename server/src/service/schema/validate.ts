/**
 * Schema validation of ECS JSON files with vscode-json-languageservice against the generated schemas,
 * mapped to our rule ids: `schema/unknown-property` (with "did you mean" and a quick fix),
 * `schema/type`, `schema/enum`, `schema/required`. Template values are never judged. Scalar types that
 * lenient clients convert (a number written as a string, `"cpu": 256`) and `null` members of console
 * exports are warnings, not errors: the API field exists and the intent is clear.
 */
import type { LanguageService } from 'vscode-json-languageservice';
import type { AstNode, ObjectNode } from '../documents/ast';
import { isExactTree } from '../documents/json';
import { neutraliseBareTemplates } from '../documents/templates';
import type { Finding } from '../types';
import { locate, nodeAtSpan } from './astPath';
import { closest } from './didYouMean';
import { propertiesAt, resolveRef, schemaAt } from './navigate';
import { ALL_SCHEMA_KINDS, schemaFor, type SchemaKind, type SchemaNode } from './schemas';
import { validateTree, type Problem } from '../fastPaths/schemaTreeValidator';
import { treeIsValid } from '../fastPaths/schemaQuickCheck';

type JsonLanguageService = typeof import('vscode-json-languageservice');
let jls: JsonLanguageService | undefined;
/**
 * vscode-json-languageservice on first need (exact parses never need it): loading it, with its l10n
 * and fs/promises, was a third of the CLI's start-up. A `require` keeps it unevaluated in a bundle.
 */
const jsonLanguageService = (): JsonLanguageService =>
  (jls ??= require('vscode-json-languageservice') as JsonLanguageService);

export const SCHEMA_RULE_IDS = ['schema/unknown-property', 'schema/type', 'schema/enum', 'schema/required'] as const;

const docUri = (kind: SchemaKind) => `file:///fargate-lens/${kind}.ecs.json`;

export interface SchemaValidator {
  /** Schema findings for a JSON document of the given shape. `root` is our parse of the same text. */
  validate(text: string, root: AstNode | undefined, kind: SchemaKind): Promise<Finding[]>;
  /**
   * The same findings without waiting, when `root` is an exact parse of the text (validated in place);
   * undefined otherwise (then only validate() can answer, through the JSON language service).
   */
  validateExact(text: string, root: AstNode | undefined, kind: SchemaKind): Finding[] | undefined;
}

export function createSchemaValidator(): SchemaValidator {
  let ls: LanguageService | undefined;
  /**
   * The language service, for trees that are not exact parses (syntax errors, templated YAML): built on
   * first need, with copies of the schemas because it resolves `$ref`s by rewriting the schema in place.
   */
  const languageService = (): LanguageService => {
    if (ls) return ls;
    ls = jsonLanguageService().getLanguageService({});
    ls.configure({
      validate: true,
      allowComments: true,
      schemas: ALL_SCHEMA_KINDS.map((k) => ({
        uri: `fargate-lens://schemas/${k}`,
        fileMatch: [`${k}.ecs.json`],
        schema: structuredClone(schemaFor(k)),
      })),
    });
    return ls;
  };
  const validateExact = (text: string, root: AstNode | undefined, kind: SchemaKind): Finding[] | undefined => {
    // An exact parse of the text is validated in place (same problems, no second parse).
    if (!root || !isExactTree(root)) return undefined;
    const schema = schemaFor(kind);
    return treeIsValid(root, schema, text) ? [] : mapProblems(validateTree(root, schema, text), root, kind);
  };
  return {
    validateExact,
    async validate(text, root, kind) {
      const exact = validateExact(text, root, kind);
      if (exact) return exact;
      // Bare template tokens (`"port": {{p}}`) are replaced offset-preserving so the file parses.
      const source = neutraliseBareTemplates(text)?.text ?? text;
      const doc = jsonLanguageService().TextDocument.create(docUri(kind), 'json', 1, source);
      const service = languageService();
      const diags = await service.doValidation(doc, service.parseJSONDocument(doc), {
        comments: 'ignore',
        trailingCommas: 'ignore',
        schemaValidation: 'error',
      });
      const problems = diags.map((d) => {
        const offset = doc.offsetAt(d.range.start);
        return {
          offset,
          length: doc.offsetAt(d.range.end) - offset,
          message: typeof d.message === 'string' ? d.message : d.message.value,
        };
      });
      return mapProblems(problems, root, kind);
    },
  };
}

function mapProblems(problems: Problem[], root: AstNode | undefined, kind: SchemaKind): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const renamedTo = new Map<ObjectNode, Set<string>>();
  // Keys of each object with unknown properties, built once (10,000 unknown keys stay linear).
  const keysOf = new Map<ObjectNode, Set<string>>();
  let suggested = 0;
  const pendingRequired: { finding: Finding; object: ObjectNode; name: string }[] = [];
  for (const { offset, length, message: msg } of problems) {
    let m: RegExpExecArray | null;
    let finding: Finding | undefined;
    if (/^Property (.+) is not allowed\.$/.test(msg)) {
      const loc = locate(root, offset);
      const prop = loc?.onKey;
      if (!loc || !prop || loc.node.type !== 'object') continue;
      const allowed = propertiesAt(schemaFor(kind), loc.path);
      let present = keysOf.get(loc.node);
      if (!present) keysOf.set(loc.node, (present = new Set(loc.node.properties.map((p) => p.key))));
      // Near-miss suggestions cost an edit distance per schema member: offered for the first
      // MAX_SUGGESTED unknown keys of a document (typos), not for every key of a generated one.
      const suggestion =
        suggested++ < MAX_SUGGESTED
          ? closest(
              prop.key,
              Object.keys(allowed).filter((k) => !present.has(k)),
            )
          : undefined;
      if (suggestion) {
        if (!renamedTo.has(loc.node)) renamedTo.set(loc.node, new Set());
        renamedTo.get(loc.node)!.add(suggestion);
      }
      const home = suggestion ? undefined : homeOf(allowed, kind).get(prop.key);
      finding = {
        ruleId: 'schema/unknown-property',
        message: `Unknown property \`${prop.key}\`: the ECS API has no such member here${suggestion ? `. Did you mean \`${suggestion}\`?` : home ? `; it belongs inside \`${home}\`.` : '.'}${kind === 'containers' ? ' Terraform drops unknown members without an error, so this setting has no effect.' : ''}`,
        span: { ...prop.keySpan },
        // The AWS CLI rejects unknown parameters; Terraform's container_definitions silently drops them.
        severity: kind === 'containers' ? 'warning' : 'error',
        fixes: suggestion
          ? [
              {
                title: `Rename to '${suggestion}'`,
                isPreferred: true,
                edits: [{ ...prop.keySpan, newText: JSON.stringify(suggestion) }],
              },
            ]
          : undefined,
      };
    } else if ((m = /^Incorrect type\. Expected (?:one of )?"?([^"]+?)"?\.$/.exec(msg))) {
      finding = typeFinding(root, offset, length, m[1]);
    } else if (/^Value is not accepted\. Valid values: /.test(msg)) {
      finding = enumFinding(root, offset, length, msg, kind);
    } else if ((m = /^Missing property "(.+)"\.$/.exec(msg))) {
      const object = objectForRequired(root, offset);
      if (!object || object.unknown) continue;
      const f: Finding = {
        ruleId: 'schema/required',
        message: `Missing required property \`${m[1]}\`.`,
        span: { offset, length: Math.max(1, length) },
        severity: 'error',
      };
      pendingRequired.push({ finding: f, object, name: m[1] });
      continue;
    }
    if (!finding) continue;
    const key = `${finding.ruleId}@${finding.span.offset}:${finding.span.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding);
  }
  // A near-miss key (`FileSystemId`) already explains the missing `fileSystemId`: one finding, not two.
  for (const r of pendingRequired) if (!renamedTo.get(r.object)?.has(r.name)) out.push(r.finding);
  return out.sort((a, b) => a.span.offset - b.span.offset);
}

const MAX_SUGGESTED = 256;

/** For the members allowed at one place: which nested member declares each key (`home` of a misplaced key). */
const homes = new WeakMap<object, Map<string, string>>();
function homeOf(allowed: Record<string, SchemaNode>, kind: SchemaKind): Map<string, string> {
  let map = homes.get(allowed);
  if (!map) {
    map = new Map();
    for (const [name, s] of Object.entries(allowed)) {
      const nested = resolveRef(schemaFor(kind), s)?.properties;
      for (const key of Object.keys(nested ?? {})) if (!map.has(key)) map.set(key, name);
    }
    homes.set(allowed, map);
  }
  return map;
}

/** The object a "Missing property" diagnostic is about: it points at the object's key or its `{`. */
function objectForRequired(root: AstNode | undefined, offset: number): ObjectNode | undefined {
  const loc = locate(root, offset);
  if (!loc) return undefined;
  if (loc.onKey) return loc.onKey.value.type === 'object' ? loc.onKey.value : undefined;
  return loc.node.type === 'object' && loc.node.offset === offset ? loc.node : undefined;
}

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

function typeFinding(root: AstNode | undefined, offset: number, length: number, expected: string): Finding | undefined {
  const loc = nodeAtSpan(root, offset, length);
  if (!loc || loc.node.unknown) return undefined;
  const n = loc.node;
  const name = loc.property ? `\`${loc.property.key}\`` : 'This value';
  const span = { offset, length };
  const want = expected.replace(/"/g, '');
  if (n.type === 'null') {
    return {
      ruleId: 'schema/type',
      span,
      severity: 'warning',
      message: `${name} is null: the ECS API treats it as absent, but strict JSON clients (the AWS CLI's parameter validation) reject null for a ${want}. Remove the member.`,
    };
  }
  const coercible =
    (n.type === 'string' && /integer|number/.test(want) && NUMERIC.test(String(n.value))) ||
    (n.type === 'string' && want === 'boolean' && /^(true|false)$/i.test(String(n.value))) ||
    (want === 'string' && (n.type === 'number' || n.type === 'boolean'));
  if (coercible) {
    const literal = want === 'string' ? JSON.stringify(String(n.value)) : String(n.value).trim().toLowerCase();
    return {
      ruleId: 'schema/type',
      span,
      severity: 'warning',
      message: `${name} is a ${want} in the ECS API; write ${literal}. Clients that convert types (CloudFormation, some SDKs) accept this value, strict ones (the AWS CLI's parameter validation) reject it.`,
      fixes: [{ title: `Write ${literal}`, isPreferred: true, edits: [{ offset, length, newText: literal }] }],
    };
  }
  return {
    ruleId: 'schema/type',
    span,
    severity: 'error',
    message: `${name} must be ${/^[aeiou]/.test(want) ? 'an' : 'a'} ${want} (ECS API), not ${n.type === 'array' ? 'an array' : n.type === 'object' ? 'an object' : `a ${n.type}`}.`,
  };
}

/** Enum members the API does not enforce (other `protocol` values are treated as tcp; see port/protocol in docs/rules.md). */
const LENIENT_ENUMS = new Set(['PortMapping.protocol']);

function enumFinding(
  root: AstNode | undefined,
  offset: number,
  length: number,
  msg: string,
  kind: SchemaKind,
): Finding | undefined {
  const loc = nodeAtSpan(root, offset, length);
  if (!loc || loc.node.unknown || loc.node.type !== 'string') return undefined;
  const step = schemaAt(schemaFor(kind), loc.path);
  const lenient = !!step && LENIENT_ENUMS.has(`${step.owner}.${step.key}`);
  const values = [...msg.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1]);
  const value = String(loc.node.value);
  const suggestion = closest(value, values);
  const name = loc.property ? `\`${loc.property.key}\`` : 'This value';
  return {
    ruleId: 'schema/enum',
    message: `${name}: "${value}" is not a valid value. Valid values: ${values.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}${lenient ? ' The API does not reject it but treats it as the default.' : ''}`,
    span: { offset, length },
    severity: lenient ? 'warning' : 'error',
    fixes: suggestion
      ? [
          {
            title: `Change to "${suggestion}"`,
            isPreferred: true,
            edits: [{ offset, length, newText: JSON.stringify(suggestion) }],
          },
        ]
      : undefined,
  };
}
