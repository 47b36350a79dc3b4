/**
 * Completion for a parsed document, whatever its shape: CloudFormation templates (YAML and JSON) go to
 * template completion, ECS files written in YAML to the same completion with API names, ECS JSON
 * files to schema completion (plus live EFS ids), with a task definition assumed for a new, nearly
 * empty or ECS-named JSON file. The LSP adapter calls this once.
 */
import { isObject, child } from '../documents/ast';
import type { LiveEfs } from '../live';
import { schemaKindOf, type SchemaKind } from '../schema/schemas';
import type { DocumentModel } from '../shapes/document';
import { completeTemplate, completeYamlFile } from './cfnCompletion';
import { complete, type CompletionContext, type CompletionResult } from './completion';
import { liveEfsCompletions } from './liveCompletion';

export interface DocumentCompletionContext extends CompletionContext {
  live?: LiveEfs;
  /** The trigger character of the request, if any. */
  trigger?: string;
}

const NEW_FILE_HINT = /(task-?def|taskdef|task-definition|container-def|ecs)[^/]*\.json$/i;

/** The schema to complete a JSON file against: the detected shape, or a task definition for a new ECS-looking file. */
export function completionKind(model: DocumentModel): SchemaKind | undefined {
  if (model.syntax !== 'json' || model.dialect === 'cfn') return undefined;
  const kind = schemaKindOf(model);
  if (kind) return kind;
  const nearlyEmpty = model.text.replace(/[\s{}]/g, '').length === 0;
  return nearlyEmpty || NEW_FILE_HINT.test(model.uri) ? 'register' : undefined;
}

/** A template, or a template being started (a top-level `Resources` before any ECS resource is typed). */
export function isTemplateLike(model: DocumentModel): boolean {
  if (model.dialect === 'cfn') return true;
  if (model.dialect === 'api') return false;
  if (isObject(model.root) && (child(model.root, 'Resources') || child(model.root, 'AWSTemplateFormatVersion')))
    return true;
  return model.syntax === 'yaml' && /^(?:Resources|AWSTemplateFormatVersion)[ \t]*:/m.test(model.text);
}

export function completeDocument(
  model: DocumentModel,
  offset: number,
  ctx: DocumentCompletionContext = {},
): CompletionResult {
  if (isTemplateLike(model)) return completeTemplate(model, offset, { live: ctx.live, trigger: ctx.trigger });
  const yamlKind = model.syntax === 'yaml' && model.dialect === 'api' ? schemaKindOf(model) : undefined;
  if (yamlKind) return completeYamlFile(model, offset, yamlKind, ctx);
  const kind = completionKind(model);
  if (!kind) return { items: [], replace: { offset, length: 0 } };
  const result = complete(model.text, model.root, offset, kind, { fargate: ctx.fargate });
  return { ...result, asIs: liveEfsCompletions(model.text, model.root, offset, ctx.live) };
}
