/** Completion at a cursor marker in CloudFormation templates and ECS files, for the completion tests. */
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import {
  completeDocument,
  type DocumentCompletionContext,
} from '../../../server/src/service/editing/documentCompletion';
import { getLanguageService } from '../../../server/src/service/languageService';

const ls = getLanguageService();

/** Completion with the cursor at `‸` (the marker removed). */
export function at(textWithCursor: string, uri = 'file:///ws/template.yaml', ctx: DocumentCompletionContext = {}) {
  const offset = textWithCursor.indexOf('‸');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const r = completeDocument(ls.parse(uri, text), offset, ctx);
  return { ...r, text, replaced: text.slice(r.replace.offset, r.replace.offset + r.replace.length) };
}
export const labels = (r: { items: CompletionItem[] }) => r.items.map((i) => i.label);
export const item = (r: { items: CompletionItem[] }, label: string) => {
  const found = r.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${labels(r).join(', ')}`);
  return found;
};
export const insert = (r: { items: CompletionItem[] }, label: string) => item(r, label).insertText;

export const TASK = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: app
      RequiresCompatibilities: [FARGATE]
      Cpu: '256'
`;
export const SERVICE = (props: string) => `${TASK}  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n${props}`;
export const CONTAINER = `${TASK}      ContainerDefinitions:\n        - Name: web\n          Image: nginx\n`;
