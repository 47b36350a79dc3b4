/**
 * Snippets for the common blocks, as data written with ECS API names: snippetRender.ts renders them as
 * JSON (API or CloudFormation names) or as block YAML. Keyed by the member they fill: a key completion
 * inserts `key: <snippet>`, an array item completion the item.
 */

/** A snippet tab stop: `${tab:text}`, or `${tab|a,b|}` with choices; quoted in JSON when a string. */
export class Placeholder {
  constructor(
    readonly tab: number,
    readonly text: string,
    readonly scalar: 'string' | 'number',
    readonly choice?: string[],
  ) {}
}

export type SnippetValue = string | number | boolean | Placeholder | SnippetValue[] | SnippetObject;
export interface SnippetObject {
  readonly [key: string]: SnippetValue;
}

const INLINE = new WeakSet<object>();

/** Marks a small object to be written on one line in JSON (`{ "a": 1, "b": 2 }`). */
function inline<T extends SnippetObject>(o: T): T {
  INLINE.add(o);
  return o;
}

export function isInline(o: object): boolean {
  return INLINE.has(o);
}

const str = (tab: number, text: string) => new Placeholder(tab, text, 'string');
const num = (tab: number, text: string) => new Placeholder(tab, text, 'number');
const oneOf = (tab: number, choice: string[]) => new Placeholder(tab, choice[0], 'string', choice);

const awslogs = (first: number): SnippetObject => ({
  logDriver: 'awslogs',
  options: {
    'awslogs-group': str(first, '/ecs/app'),
    'awslogs-region': str(first + 1, 'us-east-1'),
    'awslogs-stream-prefix': str(first + 2, 'ecs'),
  },
});

const PORT_MAPPING = inline({ containerPort: num(1, '80'), protocol: oneOf(2, ['tcp', 'udp']) });

const HEALTH_CHECK: SnippetObject = {
  command: ['CMD-SHELL', str(1, 'curl -f http://localhost/ || exit 1')],
  interval: num(2, '30'),
  timeout: num(3, '5'),
  retries: num(4, '3'),
  startPeriod: num(5, '10'),
};

const efs = (first: number): SnippetObject => ({
  fileSystemId: str(first, 'fs-0123456789abcdef0'),
  transitEncryption: 'ENABLED',
  authorizationConfig: { accessPointId: str(first + 1, 'fsap-0123456789abcdef0'), iam: 'ENABLED' },
});

const CONTAINER: SnippetObject = {
  name: str(1, 'app'),
  image: str(2, 'public.ecr.aws/nginx/nginx:latest'),
  essential: true,
  portMappings: [inline({ containerPort: num(3, '80'), protocol: 'tcp' })],
  logConfiguration: awslogs(4),
};

const EFS_VOLUME: SnippetObject = { name: str(1, 'data'), efsVolumeConfiguration: efs(2) };

export interface BlockSnippet {
  label: string;
  detail: string;
  body: SnippetValue;
}

const container = { label: 'container definition', detail: 'name, image, port mapping, awslogs' };
const efsVolume = { label: 'EFS volume', detail: 'EFS volume with transit encryption and access point' };
const portMapping = { label: 'port mapping', detail: 'containerPort and protocol' };

/** Value snippets for a member, keyed `Shape.member` (the owner as in the schema definitions). */
export const MEMBER_SNIPPETS: Record<string, BlockSnippet> = {
  'RegisterTaskDefinitionRequest.containerDefinitions': { ...container, body: [CONTAINER] },
  'RegisterTaskDefinitionRequest.volumes': { ...efsVolume, body: [EFS_VOLUME] },
  'ContainerDefinition.logConfiguration': {
    label: 'awslogs logging',
    detail: 'awslogs driver with group, region, stream prefix',
    body: awslogs(1),
  },
  'ContainerDefinition.healthCheck': {
    label: 'health check',
    detail: 'CMD-SHELL health check with default timings',
    body: HEALTH_CHECK,
  },
  'ContainerDefinition.portMappings': { ...portMapping, body: [PORT_MAPPING] },
  'Volume.efsVolumeConfiguration': {
    label: 'EFS volume configuration',
    detail: 'transit encryption and access point (IAM)',
    body: efs(1),
  },
};

/** Item snippets for arrays, keyed by the array member `Shape.member`. */
export const ITEM_SNIPPETS: Record<string, BlockSnippet> = {
  'RegisterTaskDefinitionRequest.containerDefinitions': { ...container, body: CONTAINER },
  'RegisterTaskDefinitionRequest.volumes': { ...efsVolume, body: EFS_VOLUME },
  'ContainerDefinition.portMappings': { ...portMapping, body: PORT_MAPPING },
};
