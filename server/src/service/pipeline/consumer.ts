/**
 * Who reads an ECS file, and so what its loose values mean. The same JSON is read three ways:
 *
 * - the AWS Go SDK (ecspresso, PipeCD): enum members with an empty string are never sent (the
 *   aws-sdk-go-v2 serializers write an enum member only `if len(v.X) > 0`), null members are dropped
 *   (ecspresso json.go walkMap; a nil pointer is not serialised), members of the describe shapes
 *   (`runningCount`, `platformFamily`, ...) are dropped because ecspresso decodes the file into the
 *   describe types, and unknown members only warn (ecspresso.go unmarshalJSON retries with a lax
 *   decoder after "[WARNING] ... unknown field"); a number written as a string fails to decode.
 * - the GitHub deploy action (aws-actions/amazon-ecs-deploy-task-definition index.js): cleanNullKeys
 *   removes empty strings, nulls, empty arrays and objects; removeIgnoredAttributes drops describe
 *   fields with a warning.
 * - the AWS CLI (botocore): sends what is written; its parameter validation rejects null and values
 *   of the wrong type ("Invalid type for parameter ...") and unknown members ("Unknown parameter").
 *
 * The consumer comes from the workspace (a link from a workflow, an ecspresso or PipeCD config), else
 * from the file: the names ecspresso writes (`ecs-task-def.json`, `ecs-service-def.json`) or its
 * template functions (`{{ must_env ... }}`); a YAML task definition is read by PipeCD or the deploy
 * action, never by the AWS CLI's JSON input. Otherwise it is unknown and findings say who does what.
 */
import type { DocumentModel } from '../shapes/document';
import type { ConsumerTool, PipelineLink } from './links';

/** How a consumer treats loose values: sent as written (strict), or dropped before the API call (lenient). */
export type ConsumerKind = 'go-sdk' | 'deploy-action' | 'aws-cli' | 'unknown';

export interface Consumer {
  kind: ConsumerKind;
  /** The tool by name, for messages ("ecspresso", "PipeCD", "the GitHub deploy action", "the AWS CLI"). */
  tool: string;
  /** The link that says so, when the workspace does. */
  via?: PipelineLink;
  /** A partial task definition that a pipeline merges with another before registering it. */
  partial?: boolean;
}

const TOOL_NAMES: Record<ConsumerTool, [ConsumerKind, string]> = {
  ecspresso: ['go-sdk', 'ecspresso'],
  pipecd: ['go-sdk', 'PipeCD'],
  'deploy-action': ['deploy-action', 'the GitHub deploy action (amazon-ecs-deploy-task-definition)'],
  'render-action': ['unknown', 'the GitHub render action'],
  'aws-cli': ['aws-cli', 'the AWS CLI'],
};

const ECSPRESSO_NAME = /(^|\/)ecs-(task|service)-def\.json(net)?$/i;
const ECSPRESSO_FUNCS = /\{\{-?\s*(must_env|env|tfstate|tfstatef|ssm|secretsmanager_arn|json_escape)\b/;

export function consumerOf(doc: DocumentModel, links: readonly PipelineLink[]): Consumer {
  const partial = links.some((l) => l.partial);
  // A file read by the AWS CLI anywhere in the pipeline must satisfy the strictest reader.
  const order: ConsumerTool[] = ['aws-cli', 'ecspresso', 'pipecd', 'deploy-action'];
  for (const tool of order) {
    const via = links.find((l) => l.tool === tool);
    if (via) return { kind: TOOL_NAMES[tool][0], tool: TOOL_NAMES[tool][1], via, partial };
  }
  if (ECSPRESSO_NAME.test(doc.uri) || (doc.text.includes('{{') && ECSPRESSO_FUNCS.test(doc.text)))
    return { kind: 'go-sdk', tool: 'ecspresso', partial };
  if (doc.syntax === 'yaml' && doc.dialect === 'api')
    return { kind: 'deploy-action', tool: 'PipeCD or the GitHub deploy action (the YAML readers)', partial };
  return { kind: 'unknown', tool: 'unknown', partial };
}

/** "ecspresso (ecspresso.yml line 3)" for messages. */
export function consumerLabel(c: Consumer): string {
  return c.via ? `${c.tool}, as ${c.via.source.label} says` : c.tool;
}
