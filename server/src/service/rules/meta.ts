/** Ids that are not rules over a model but still appear on diagnostics: syntax, templates, schema. */
import type { Severity } from '../types';
import type { RuleDocs } from './types';

export interface MetaRule {
  id: string;
  severity: Severity;
  title: string;
  docs: RuleDocs;
  scope: 'meta';
}

const meta = (id: string, severity: Severity, title: string, what: string, why: string, fix: string): MetaRule => ({
  id,
  severity,
  title,
  docs: { what, why, fix },
  scope: 'meta',
});

export const META_RULES: readonly MetaRule[] = [
  meta(
    'json/syntax',
    'error',
    'JSON syntax',
    'The file is not strict JSON: syntax errors (error), comments or trailing commas (warning).',
    'The AWS CLI (`--cli-input-json`), the ECS API and most deploy actions parse strict JSON; they reject comments and trailing commas.',
    'Fix the syntax at the reported position; remove comments and trailing commas.',
  ),
  meta(
    'json/duplicate-key',
    'warning',
    'Key written twice',
    'A key appears twice in one JSON object; the earlier value is reported, the last one is used.',
    'Python\'s json (the AWS CLI), JSON.parse (the GitHub render action) and Go\'s encoding/json (ecspresso) keep the last value without a word, so the earlier one silently has no effect. The GitHub deploy action (aws-actions/amazon-ecs-deploy-task-definition, index.js) parses the file with the `yaml` library, which rejects duplicate keys ("Map keys must be unique").',
    'Remove the duplicate you did not mean.',
  ),
  meta(
    'yaml/syntax',
    'error',
    'YAML syntax',
    'The YAML document does not parse.',
    'CloudFormation rejects a template that does not parse.',
    'Fix the syntax at the reported position.',
  ),
  meta(
    'file/templated',
    'info',
    'File is a template',
    'Template expressions (`{{ x }}`, `${X}`) stand where JSON values belong.',
    'The file is only JSON after a deploy tool renders it; the values it fills in cannot be checked here.',
    'Nothing to do; lint the rendered output in CI as well.',
  ),
  meta(
    'schema/unknown-property',
    'error',
    'Unknown property',
    'A property the ECS API does not define (often a misspelling or the wrong case).',
    'The AWS CLI rejects unknown parameters ("Unknown parameter in input"); the ECS API ignores or rejects them.',
    'Use the suggested name or remove the property.',
  ),
  meta(
    'schema/type',
    'error',
    'Wrong type',
    'A value of the wrong JSON type (e.g. `"containerPort": "3000"`).',
    'The AWS CLI validates parameter types ("Invalid type for parameter").',
    'Write the value with the type the API expects.',
  ),
  meta(
    'schema/enum',
    'error',
    'Invalid value',
    'A value outside the set the API allows.',
    'The API rejects values outside its enumerations.',
    'Use one of the listed values.',
  ),
  meta(
    'schema/empty-optional',
    'warning',
    'Empty string for an optional member',
    'An optional enumeration member (`ipcMode`, `pidMode`, `launchType`, `appProtocol`, ...) holds an empty string. Reported once, at the value, at the severity its reader deserves: error when the AWS CLI reads the file, hint when ecspresso, PipeCD or the GitHub deploy action does, warning when the workspace does not say.',
    'The AWS Go SDK (ecspresso, PipeCD, Copilot) never sends an empty enumeration value (aws-sdk-go-v2 service/ecs serializers write an enum member only when `len(v.X) > 0`); the GitHub deploy action removes empty strings (index.js cleanNullKeys); the AWS CLI (botocore) sends the empty string and the API rejects it as a value outside the enumeration.',
    'Remove the member (its default applies), or set one of the allowed values.',
  ),
  meta(
    'pipeline/render-container',
    'error',
    'Render step names a container the task definition lacks',
    'A GitHub workflow step running aws-actions/amazon-ecs-render-task-definition on this file names a `container-name` that no container of the file has (a comma-separated list since v1.8.0).',
    'The action stops with "Invalid task definition: Could not find container definition with matching name" (index.js), so the deployment never starts.',
    'Use the name of a container of this task definition in the workflow, or rename the container.',
  ),
  meta(
    'schema/required',
    'error',
    'Missing required member',
    'A member the API requires is missing.',
    'The API rejects requests with missing required members ("Missing required parameter").',
    'Add the member.',
  ),
  meta(
    'file/too-large',
    'info',
    'File too large to check',
    'The file is larger than the size limit and was not parsed.',
    'Very large files are usually generated data; parsing them on every keystroke would slow the editor.',
    'Raise `fargateLens.maxFileSizeKB` if the file really is a task definition.',
  ),
  meta(
    'internal/rule-error',
    'hint',
    'Internal rule failure',
    'A rule failed on this input; other rules still ran.',
    'Fargate Lens never stops validating because one rule failed.',
    'Report the file that triggers it.',
  ),
  meta(
    'internal/shape-error',
    'hint',
    'Internal shape-detection failure',
    'Recognising what the file holds (task definition, service or run-task input, template) failed; its syntax is still checked.',
    'Fargate Lens never stops checking a file because one step failed.',
    'Report the file that triggers it.',
  ),
  meta(
    'internal/schema-error',
    'hint',
    'Internal schema-validation failure',
    'Checking the file against the API schema failed; the rules still ran.',
    'Fargate Lens never stops checking a file because one step failed.',
    'Report the file that triggers it.',
  ),
];
