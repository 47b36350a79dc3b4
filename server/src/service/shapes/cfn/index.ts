/**
 * CloudFormation templates (JSON and YAML): detection, the YAML parser entry, and the task-definition
 * and launch views of template resources. Work in progress: YAML support lands with the CloudFormation
 * issue; until then YAML documents produce no model.
 */
import type { AstNode } from '../../documents/ast';
import { jsonEditBuilder, type EditBuilder } from '../../documents/edits';
import type { DocumentModel, ParseOptions } from '../document';
import type { LaunchModel, TaskDefModel } from '../model';

export interface CfnDetected {
  taskDefs: TaskDefModel[];
  launches: LaunchModel[];
  edits: EditBuilder;
}

export function detectCfn(_root: AstNode | undefined, _text: string, _syntax: 'json' | 'yaml'): CfnDetected | undefined {
  return undefined;
}

export function parseYamlDocument(uri: string, text: string, _opts: ParseOptions): DocumentModel {
  return { uri, text, syntax: 'yaml', root: undefined, parseFindings: [], bareTemplates: [], dialect: 'none', taskDefs: [], launches: [], edits: jsonEditBuilder(text) };
}
