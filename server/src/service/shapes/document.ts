/**
 * Parses a document once into the model every feature reads: the tree, syntax findings, and the task
 * definitions and launch inputs it holds. JSON goes through documents/json.ts; YAML and
 * CloudFormation templates through the cfn module.
 */
import type { AstNode } from '../documents/ast';
import { jsonEditBuilder, type EditBuilder } from '../documents/edits';
import { parseJson, type ParsedJson } from '../documents/json';
import type { BareToken } from '../documents/templates';
import type { Finding, OffsetEdit } from '../types';
import { undetected } from './undetected';
import { detectCfn, parseYamlDocument } from './cfn';
import { detectJsonShapes } from './detect';
import type { LaunchModel, TaskDefModel } from './model';
import type { CfnScenarios } from './cfn/scenarios';

export type Syntax = 'json' | 'yaml';

export interface DocumentModel {
  uri: string;
  text: string;
  syntax: Syntax;
  root: AstNode | undefined;
  /** Syntax findings (json/syntax, yaml/syntax). */
  parseFindings: Finding[];
  bareTemplates: BareToken[];
  /** 'cfn' when the document is a CloudFormation template (keys renamed to API names in the views). */
  dialect: 'api' | 'cfn' | 'none';
  taskDefs: TaskDefModel[];
  launches: LaunchModel[];
  /** Builds edits in this document's syntax and dialect. */
  edits: EditBuilder;
  /** CloudFormation: the condition scenarios the rules run over (see shapes/cfn/scenarios.ts). */
  scenarios?: () => CfnScenarios | undefined;
}

export interface ParseOptions {
  /** Treat the file as an ECS file even when detection would not (fargateLens.files.include). */
  force?: boolean;
  /** Texts longer than this (characters) are not parsed; one `file/too-large` finding says so. */
  maxLength?: number;
}

export const DEFAULT_MAX_LENGTH = 5 * 1024 * 1024;

/** The shape detectors parsing runs (a language service can be given others: tests inject failing ones). */
export interface Detectors {
  cfn: typeof detectCfn;
  shapes: typeof detectJsonShapes;
}

export const DETECTORS: Detectors = { cfn: detectCfn, shapes: detectJsonShapes };

export function syntaxOf(uri: string, text: string): Syntax {
  const path = uri.toLowerCase().replace(/[?#].*$/, '');
  if (/\.ya?ml$/.test(path)) return 'yaml';
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[' || first === '/') return 'json';
  if (/\.(template|cfn|tpl)$/.test(path) && first !== undefined) return 'yaml';
  return 'json';
}

export function parseDocument(
  uri: string,
  text: string,
  opts: ParseOptions = {},
  detectors: Detectors = DETECTORS,
): DocumentModel {
  const syntax = syntaxOf(uri, text);
  const max = opts.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > max) return tooLarge(uri, text, syntax, max);
  if (syntax === 'yaml') return parseYamlDocument(uri, text, opts, detectors);
  const parsed: ParsedJson = parseJson(text);
  // Object.assign, not object spread: on this V8 a spread followed by more members takes a slow path
  // (~3 us per document); the members and their order are the same.
  const base = {
    uri,
    text,
    syntax,
    root: parsed.root,
    parseFindings: parsed.findings,
    bareTemplates: parsed.bareTemplates,
  };
  let detected: ReturnType<Detectors['shapes']>;
  try {
    const cfn = detectors.cfn(parsed.root, text, 'json');
    if (cfn) return Object.assign(base, { dialect: 'cfn' as const }, cfn);
    detected = detectors.shapes(parsed.root, opts.force);
  } catch (e) {
    return undetected(base, new LazyJsonEdits(text), e);
  }
  const ours = detected.taskDefs.length > 0 || detected.launches.length > 0;
  return Object.assign(base, { dialect: ours ? ('api' as const) : ('none' as const) }, detected, {
    edits: new LazyJsonEdits(text),
  });
}

/**
 * The JSON edit builder, made on first use: most parsed documents never build an edit, and making one
 * creates a dozen closures (each named at run time in the server bundle, ~3 us per document).
 */
class LazyJsonEdits implements EditBuilder {
  private made: EditBuilder | undefined;
  constructor(private readonly text: string) {}
  private get builder(): EditBuilder {
    return (this.made ??= jsonEditBuilder(this.text));
  }
  key(apiKey: string): string {
    return this.builder.key(apiKey);
  }
  replaceValue(...a: Parameters<EditBuilder['replaceValue']>): OffsetEdit {
    return this.builder.replaceValue(...a);
  }
  replaceKey(...a: Parameters<EditBuilder['replaceKey']>): OffsetEdit {
    return this.builder.replaceKey(...a);
  }
  removeProperty(...a: Parameters<EditBuilder['removeProperty']>): OffsetEdit {
    return this.builder.removeProperty(...a);
  }
  addProperty(...a: Parameters<EditBuilder['addProperty']>): OffsetEdit {
    return this.builder.addProperty(...a);
  }
  removeItem(...a: Parameters<EditBuilder['removeItem']>): OffsetEdit {
    return this.builder.removeItem(...a);
  }
  appendItem(...a: Parameters<EditBuilder['appendItem']>): OffsetEdit {
    return this.builder.appendItem(...a);
  }
}

function tooLarge(uri: string, text: string, syntax: Syntax, max: number): DocumentModel {
  const finding: Finding = {
    ruleId: 'file/too-large',
    severity: 'info',
    span: { offset: 0, length: 0 },
    message: `Not checked: the file has ${text.length} characters, more than the limit of ${max} (setting fargateLens.maxFileSizeKB).`,
  };
  return {
    uri,
    text,
    syntax,
    root: undefined,
    parseFindings: [finding],
    bareTemplates: [],
    dialect: 'api',
    taskDefs: [],
    launches: [],
    edits: jsonEditBuilder(text),
  };
}
