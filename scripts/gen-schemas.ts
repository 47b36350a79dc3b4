/**
 * Generates schemas/*.schema.json from the pinned @aws-sdk/client-ecs package: its .d.ts interfaces give
 * the field set, required members and JSDoc (the API documentation), enums.d.ts gives the enum values.
 * The Smithy model in models/aws (its source and licence in models/aws/README.md) is used only to tell integers from other numbers and as a
 * fallback for missing documentation. Run: `npm run schemas`. `--check` compares instead of writing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const SDK_DIR = path.join(ROOT, 'node_modules/@aws-sdk/client-ecs');
const MODELS = path.join(SDK_DIR, 'dist-types/models');
const SMITHY_REL = 'models/aws/ecs-2014-11-13.smithy.json';
const SMITHY = path.resolve(ROOT, SMITHY_REL);

type Json = Record<string, unknown>;

interface Member {
  name: string;
  required: boolean;
  type: ts.TypeNode;
  doc: string;
  deprecated?: string;
}
interface Shape {
  name: string;
  doc: string;
  members: Member[];
  union: boolean;
}

/** JSDoc text of a node: the HTML documentation, without tags; `@deprecated` text separately. */
function jsDoc(node: ts.Node, source: ts.SourceFile): { doc: string; deprecated?: string } {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const last = ranges.filter((r) => source.text.startsWith('/**', r.pos)).pop();
  if (!last) return { doc: '' };
  const body = source.text
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n');
  const [text, ...tags] = body.split(/\n(?=@)/);
  const dep = tags.find((t) => t.startsWith('@deprecated'));
  return { doc: text.trim(), deprecated: dep ? dep.replace('@deprecated', '').trim() || 'Deprecated.' : undefined };
}

function readSdk(): { shapes: Map<string, Shape>; enums: Map<string, string[]> } {
  const shapes = new Map<string, Shape>();
  const enums = new Map<string, string[]>();
  for (const file of fs.readdirSync(MODELS).filter((f) => f.endsWith('.d.ts'))) {
    const sf = ts.createSourceFile(
      file,
      fs.readFileSync(path.join(MODELS, file), 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    );
    const membersOf = (decl: ts.InterfaceDeclaration): Member[] =>
      decl.members.filter(ts.isPropertySignature).flatMap((m) => {
        const name = m.name.getText(sf);
        if (!m.type || name === '$unknown' || m.type.kind === ts.SyntaxKind.NeverKeyword) return [];
        return [{ name, required: !m.questionToken, type: m.type, ...jsDoc(m, sf) }];
      });
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st))
        shapes.set(st.name.text, { name: st.name.text, members: membersOf(st), union: false, ...jsDoc(st, sf) });
      else if (ts.isModuleDeclaration(st) && st.body && ts.isModuleBlock(st.body)) {
        // A Smithy union: `namespace X { interface AMember { a: T; $unknown?: never } ... }` -> exactly one member.
        const members = st.body.statements
          .filter(
            (s): s is ts.InterfaceDeclaration =>
              ts.isInterfaceDeclaration(s) && s.name.text.endsWith('Member') && s.name.text !== '$UnknownMember',
          )
          .flatMap((s) => membersOf(s).map((m) => ({ ...m, required: false, ...(m.doc ? {} : jsDoc(s, sf)) })));
        const prev = shapes.get(st.name.text);
        shapes.set(st.name.text, { name: st.name.text, members, union: true, doc: prev?.doc ?? '' });
      } else if (ts.isTypeAliasDeclaration(st) && ts.isUnionTypeNode(st.type) && !shapes.has(st.name.text)) {
        shapes.set(st.name.text, { name: st.name.text, members: [], union: true, ...jsDoc(st, sf) });
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (d.type && ts.isTypeLiteralNode(d.type) && ts.isIdentifier(d.name)) {
            const values = d.type.members
              .filter(ts.isPropertySignature)
              .map((m) =>
                m.type && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal)
                  ? m.type.literal.text
                  : undefined,
              );
            if (values.every((v) => v !== undefined)) enums.set(d.name.text, values);
          }
        }
      }
    }
  }
  return { shapes, enums };
}

/** Smithy: is `Shape.member` an integer or long (the SDK types all numbers as `number`)? */
function smithyLookup(): {
  isInteger(shape: string, member: string): boolean;
  doc(shape: string, member?: string): string;
} {
  const model = JSON.parse(fs.readFileSync(SMITHY, 'utf8')) as { shapes: Record<string, Json> };
  const get = (id: string) => model.shapes[id.includes('#') ? id : `com.amazonaws.ecs#${id}`] as Json | undefined;
  const member = (shape: string, m: string) => ((get(shape)?.members ?? {}) as Record<string, Json>)[m];
  return {
    isInteger(shape, m) {
      const target = member(shape, m)?.target as string | undefined;
      if (!target) return true; // field newer than the Smithy copy: ECS numbers are integers except the few doubles below
      const t = target.startsWith('smithy.api#') ? target.slice(11).toLowerCase() : (get(target)?.type as string);
      return ['integer', 'long', 'short', 'byte'].includes(t);
    },
    doc(shape, m) {
      const traits = (m ? member(shape, m)?.traits : get(shape)?.traits) as Json | undefined;
      return (traits?.['smithy.api#documentation'] as string | undefined) ?? '';
    },
  };
}

/** The API documentation HTML as markdown (for hovers): paragraphs, code, links, lists, notes. */
export function htmlToMarkdown(html: string): string {
  // Block structure becomes markers first (\u0001 list item, \u0002 paragraph end, \u0003 list start/end),
  // then each run of markers and spaces collapses to the right markdown separator.
  let s = html.replace(/\s+/g, ' ');
  s = s.replace(/<a\s+href="([^"]*)"\s*>(.*?)<\/a>/g, (_, href: string, t: string) => `[${t.trim()}](${href.trim()})`);
  s = s
    .replace(/<\/?code>/g, '`')
    .replace(/<\/?(b|strong)>/g, '**')
    .replace(/<\/?(i|em)>/g, '_');
  s = s
    .replace(/<note>/g, '\u0002> **Note:** ')
    .replace(/<important>/g, '\u0002> **Important:** ')
    .replace(/<\/(note|important)>/g, '\u0002');
  s = s
    .replace(/<li>|<dt>/g, '\u0001')
    .replace(/<\/dt>\s*<dd>/g, ': ')
    .replace(/<\/?(ul|ol|dl)>/g, '\u0003');
  s = s.replace(/<\/p>|<br\s*\/?>/g, '\u0002').replace(/<[^>]+>/g, '');
  s = s
    .replace(/ {2,}/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  s = s.replace(/\s*[\u0001\u0002\u0003][\s\u0001\u0002\u0003]*/g, (run) =>
    run.includes('\u0001') ? (run.includes('\u0003') ? '\n\n- ' : '\n- ') : '\n\n',
  );
  return s.trim();
}

/** First sentence of the markdown, as plain text (JSON schema `description`). */
function firstSentence(md: string): string {
  const para = md.split('\n\n')[0] ?? '';
  const m = /^(.*?[.!?])(\s|$)/.exec(para);
  return (m ? m[1] : para).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
}

export interface GenerateResult {
  files: Record<string, string>;
  sdkVersion: string;
}

export function generate(): GenerateResult {
  const { shapes, enums } = readSdk();
  const smithy = smithyLookup();
  const sdkVersion = (JSON.parse(fs.readFileSync(path.join(SDK_DIR, 'package.json'), 'utf8')) as { version: string })
    .version;

  const build = (roots: string[]): Record<string, Json> => {
    const definitions: Record<string, Json> = {};
    const pending = [...roots];
    const typeSchema = (owner: string, m: Member, node: ts.TypeNode): Json => {
      if (ts.isUnionTypeNode(node)) {
        const parts = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
        if (parts.length !== 1) throw new Error(`${owner}.${m.name}: unsupported union ${node.getText()}`);
        return typeSchema(owner, m, parts[0]);
      }
      if (ts.isParenthesizedTypeNode(node)) return typeSchema(owner, m, node.type);
      if (ts.isArrayTypeNode(node)) return { type: 'array', items: typeSchema(owner, m, node.elementType) };
      switch (node.kind) {
        case ts.SyntaxKind.StringKeyword:
          return { type: 'string' };
        case ts.SyntaxKind.BooleanKeyword:
          return { type: 'boolean' };
        case ts.SyntaxKind.NumberKeyword:
          return { type: smithy.isInteger(owner, m.name) ? 'integer' : 'number' };
      }
      if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText();
        if (name === 'Record')
          return { type: 'object', additionalProperties: typeSchema(owner, m, node.typeArguments![1]) };
        if (name === 'Date') return { type: 'string', format: 'date-time' };
        if (name === '__DocumentType') return {};
        const values = enums.get(name);
        if (values) return { type: 'string', enum: values, 'x-aws-enum': name };
        if (shapes.has(name)) {
          if (!definitions[name] && !pending.includes(name)) pending.push(name);
          return { $ref: `#/definitions/${name}` };
        }
      }
      throw new Error(`${owner}.${m.name}: unsupported type ${node.getText()}`);
    };
    const shapeSchema = (shape: Shape): Json => {
      const properties: Record<string, Json> = {};
      for (const m of shape.members) {
        const md = htmlToMarkdown(m.doc || smithy.doc(shape.name, m.name));
        const s = typeSchema(shape.name, m, m.type);
        properties[m.name] = {
          ...s,
          description: firstSentence(md),
          markdownDescription: md,
          ...(m.deprecated ? { deprecationMessage: m.deprecated } : {}),
        };
      }
      const required = shape.members.filter((m) => m.required && !shape.union).map((m) => m.name);
      const md = htmlToMarkdown(shape.doc || smithy.doc(shape.name));
      return {
        title: shape.name,
        type: 'object',
        description: firstSentence(md),
        markdownDescription: md,
        properties,
        ...(required.length ? { required } : {}),
        additionalProperties: false,
        ...(shape.union ? { minProperties: 1, maxProperties: 1 } : {}),
      };
    };
    while (pending.length) {
      const name = pending.shift()!;
      if (definitions[name]) continue;
      definitions[name] = shapeSchema(shapes.get(name)!);
    }
    return Object.fromEntries(
      Object.keys(definitions)
        .sort()
        .map((k) => [k, definitions[k]]),
    );
  };

  const header = (file: string, title: string, inputs: string[], extra: Json): string => {
    const doc: Json = {
      $comment: `GENERATED by scripts/gen-schemas.ts (npm run schemas) from @aws-sdk/client-ecs ${sdkVersion} (${inputs.join(', ')}; dist-types/models/*.d.ts and enums.d.ts) with integer types and fallback docs from ${SMITHY_REL.replace('../', '')}. Do not edit.`,
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `https://raw.githubusercontent.com/fargate-lens/fargate-lens/main/schemas/${file}`,
      title,
      ...extra,
    };
    return JSON.stringify(doc, null, 2) + '\n';
  };
  const rootOf = (defs: Record<string, Json>, name: string): Json => {
    const d = defs[name];
    return {
      type: 'object',
      ...(d.description ? { description: d.description, markdownDescription: d.markdownDescription } : {}),
      properties: d.properties,
      required: d.required,
      additionalProperties: false,
    };
  };

  const taskDefs = build(['RegisterTaskDefinitionRequest', 'TaskDefinition']);
  const serviceDefs = build(['CreateServiceRequest', 'UpdateServiceRequest']);
  const runDefs = build(['RunTaskRequest']);
  // One service schema for both inputs: the union of their members, nothing required (CreateService needs
  // `serviceName`, UpdateService `service`). The exact inputs stay available under definitions.
  const create = serviceDefs.CreateServiceRequest as { properties: Record<string, Json> };
  const update = serviceDefs.UpdateServiceRequest as { properties: Record<string, Json> };
  const serviceProps = { ...update.properties, ...create.properties };
  return {
    sdkVersion,
    files: {
      'task-definition.schema.json': header(
        'task-definition.schema.json',
        'Amazon ECS task definition (RegisterTaskDefinition input)',
        ['RegisterTaskDefinitionRequest', 'TaskDefinition'],
        { ...rootOf(taskDefs, 'RegisterTaskDefinitionRequest'), definitions: taskDefs },
      ),
      'service.schema.json': header(
        'service.schema.json',
        'Amazon ECS service (CreateService / UpdateService input)',
        ['CreateServiceRequest', 'UpdateServiceRequest'],
        {
          type: 'object',
          description:
            'Input of CreateService or UpdateService (aws ecs create-service / update-service --cli-input-json).',
          properties: Object.fromEntries(
            Object.keys(serviceProps)
              .sort()
              .map((k) => [k, serviceProps[k]]),
          ),
          additionalProperties: false,
          definitions: serviceDefs,
        },
      ),
      'run-task.schema.json': header('run-task.schema.json', 'Amazon ECS RunTask input', ['RunTaskRequest'], {
        ...rootOf(runDefs, 'RunTaskRequest'),
        definitions: runDefs,
      }),
    },
  };
}

function main(): void {
  const check = process.argv.includes('--check');
  const { files, sdkVersion } = generate();
  let stale = 0;
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(ROOT, 'schemas', name);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current === text) continue;
    if (check) {
      stale++;
      console.error(`schemas/${name} is stale; run npm run schemas`);
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
      console.log(`wrote schemas/${name}`);
    }
  }
  if (stale) process.exitCode = 1;
  else console.log(`schemas up to date with @aws-sdk/client-ecs ${sdkVersion}`);
}

if (require.main === module) main();
