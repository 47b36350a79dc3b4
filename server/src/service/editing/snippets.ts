/**
 * Snippets for the common blocks (LSP snippet syntax; clients re-indent multi-line snippets). Keyed by
 * the member they fill: a key completion inserts `"key": <snippet>`, an array item completion the item.
 */

const AWSLOGS = `{
\t"logDriver": "awslogs",
\t"options": {
\t\t"awslogs-group": "\${1:/ecs/app}",
\t\t"awslogs-region": "\${2:us-east-1}",
\t\t"awslogs-stream-prefix": "\${3:ecs}"
\t}
}`;

const PORT_MAPPING = '{ "containerPort": ${1:80}, "protocol": "${2|tcp,udp|}" }';

const HEALTH_CHECK = `{
\t"command": ["CMD-SHELL", "\${1:curl -f http://localhost/ || exit 1}"],
\t"interval": \${2:30},
\t"timeout": \${3:5},
\t"retries": \${4:3},
\t"startPeriod": \${5:10}
}`;

const EFS = `{
\t"fileSystemId": "\${1:fs-0123456789abcdef0}",
\t"transitEncryption": "ENABLED",
\t"authorizationConfig": {
\t\t"accessPointId": "\${2:fsap-0123456789abcdef0}",
\t\t"iam": "ENABLED"
\t}
}`;

const CONTAINER = `{
\t"name": "\${1:app}",
\t"image": "\${2:public.ecr.aws/nginx/nginx:latest}",
\t"essential": true,
\t"portMappings": [
\t\t{ "containerPort": \${3:80}, "protocol": "tcp" }
\t],
\t"logConfiguration": {
\t\t"logDriver": "awslogs",
\t\t"options": {
\t\t\t"awslogs-group": "\${4:/ecs/app}",
\t\t\t"awslogs-region": "\${5:us-east-1}",
\t\t\t"awslogs-stream-prefix": "\${6:ecs}"
\t\t}
\t}
}`;

const EFS_VOLUME = `{
\t"name": "\${1:data}",
\t"efsVolumeConfiguration": {
\t\t"fileSystemId": "\${2:fs-0123456789abcdef0}",
\t\t"transitEncryption": "ENABLED",
\t\t"authorizationConfig": {
\t\t\t"accessPointId": "\${3:fsap-0123456789abcdef0}",
\t\t\t"iam": "ENABLED"
\t\t}
\t}
}`;

export interface BlockSnippet {
  label: string;
  detail: string;
  body: string;
}

/** Value snippets for a member, keyed `Shape.member` (the owner as in the schema definitions). */
export const MEMBER_SNIPPETS: Record<string, BlockSnippet> = {
  'RegisterTaskDefinitionRequest.containerDefinitions': { label: 'container definition', detail: 'name, image, port mapping, awslogs', body: `[\n${indent(CONTAINER)}\n]` },
  'RegisterTaskDefinitionRequest.volumes': { label: 'EFS volume', detail: 'EFS volume with transit encryption and access point', body: `[\n${indent(EFS_VOLUME)}\n]` },
  'ContainerDefinition.logConfiguration': { label: 'awslogs logging', detail: 'awslogs driver with group, region, stream prefix', body: AWSLOGS },
  'ContainerDefinition.healthCheck': { label: 'health check', detail: 'CMD-SHELL health check with default timings', body: HEALTH_CHECK },
  'ContainerDefinition.portMappings': { label: 'port mapping', detail: 'containerPort and protocol', body: `[\n\t${PORT_MAPPING}\n]` },
  'Volume.efsVolumeConfiguration': { label: 'EFS volume configuration', detail: 'transit encryption and access point (IAM)', body: EFS },
};

/** Item snippets for arrays, keyed by the array member `Shape.member`. */
export const ITEM_SNIPPETS: Record<string, BlockSnippet> = {
  'RegisterTaskDefinitionRequest.containerDefinitions': { label: 'container definition', detail: 'name, image, port mapping, awslogs', body: CONTAINER },
  'RegisterTaskDefinitionRequest.volumes': { label: 'EFS volume', detail: 'EFS volume with transit encryption and access point', body: EFS_VOLUME },
  'ContainerDefinition.portMappings': { label: 'port mapping', detail: 'containerPort and protocol', body: PORT_MAPPING },
};

function indent(s: string): string {
  return s.split('\n').map((l) => `\t${l}`).join('\n');
}
