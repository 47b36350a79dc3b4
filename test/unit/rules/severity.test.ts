/**
 * Every rule's default severity and what it rests on, written out so that changing one is a deliberate
 * edit here as well as in the rule. The policy (docs/rules.md, "How severities are chosen"):
 * - `rejected`: the call that takes the file refuses it (RegisterTaskDefinition, CreateService, RunTask,
 *   a CloudFormation stack operation, the AWS CLI's parameter validation, the deploy action) -> error;
 * - `fails`: accepted, but the task, container, mount, deployment or feature then fails -> error;
 * - `depends`: wrong for some consumers only, or the failure depends on facts the file does not hold
 *   (a newer platform version, the account, the runtime) -> warning;
 * - `advice`: AWS runs it; security, compliance or operability advice -> info;
 * - `lens`: about Fargate Lens itself (templates, size limit, internal failures) -> info or hint.
 * Sources: api (ECS API reference / model), cfn / cfn-schema (CloudFormation and its resource schemas),
 * aws-cli (botocore's parameter validation), tools (deploy actions, ecspresso, the Go SDK), docker,
 * agent (what the ECS agent / Fargate does at task start), exec-guide, efs, elb-guide, fargate-guide,
 * firelens-guide, guide (ECS developer guide), compliance (Security Hub, Control Tower, Checkov).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES_BY_ID } from '../../../server/src/service/rules';

type Basis = 'rejected' | 'fails' | 'depends' | 'advice' | 'lens';

const SEVERITIES: readonly (readonly [id: string, severity: string, basis: Basis, source: string])[] = [
  ['json/syntax', 'error', 'rejected', 'aws-cli'],
  ['json/duplicate-key', 'warning', 'depends', 'aws-cli'],
  ['yaml/syntax', 'error', 'rejected', 'cfn'],
  ['file/templated', 'info', 'lens', 'lens'],
  ['schema/unknown-property', 'error', 'rejected', 'aws-cli'],
  ['schema/type', 'error', 'rejected', 'aws-cli'],
  ['schema/enum', 'error', 'rejected', 'api'],
  ['schema/empty-optional', 'warning', 'depends', 'aws-cli'],
  ['pipeline/render-container', 'error', 'rejected', 'tools'],
  ['schema/required', 'error', 'rejected', 'api'],
  ['file/too-large', 'info', 'lens', 'lens'],
  ['internal/rule-error', 'hint', 'lens', 'lens'],
  ['internal/shape-error', 'hint', 'lens', 'lens'],
  ['internal/schema-error', 'hint', 'lens', 'lens'],
  ['pv/feature-requires-1.4.0', 'error', 'fails', 'fargate-guide'],
  ['pv/retired', 'error', 'rejected', 'fargate-guide'],
  ['pv/unknown', 'warning', 'depends', 'api'],
  ['pv/windows-linux-mismatch', 'error', 'fails', 'fargate-guide'],
  ['pv/task-needs-1.4.0', 'info', 'advice', 'fargate-guide'],
  ['pv/not-latest', 'info', 'advice', 'compliance'],
  ['task/family-required', 'error', 'rejected', 'api'],
  ['task/container-definitions-required', 'error', 'fails', 'api'],
  ['task/max-containers', 'error', 'rejected', 'api'],
  ['task/cpu-units', 'info', 'advice', 'api'],
  ['task/ephemeral-storage-range', 'error', 'rejected', 'api'],
  ['task/runtime-platform-enum', 'error', 'rejected', 'api'],
  ['task/runtime-platform-default', 'info', 'advice', 'guide'],
  ['task/compat-enum', 'error', 'rejected', 'api'],
  ['task/network-mode-enum', 'error', 'rejected', 'api'],
  ['task/inference-accelerators', 'warning', 'depends', 'api'],
  ['task/proxy-appmesh-eol', 'warning', 'depends', 'api'],
  ['task/tags', 'error', 'rejected', 'api'],
  ['task/role-arn-format', 'warning', 'depends', 'api'],
  ['task/exec-role-same-as-task-role', 'info', 'advice', 'guide'],
  ['task/readonly-fields', 'warning', 'depends', 'api'],
  ['task/host-pid', 'info', 'advice', 'compliance'],
  ['fargate/cap-add', 'error', 'rejected', 'api'],
  ['fargate/network-mode-awsvpc', 'error', 'rejected', 'api'],
  ['fargate/task-cpu-memory-required', 'error', 'rejected', 'api'],
  ['fargate/cpu-memory-combo', 'error', 'rejected', 'fargate-guide'],
  ['fargate/windows-min-cpu', 'error', 'fails', 'api'],
  ['fargate/ipc-mode', 'error', 'fails', 'api'],
  ['fargate/pid-mode', 'error', 'rejected', 'fargate-guide'],
  ['fargate/placement-constraints', 'error', 'rejected', 'fargate-guide'],
  ['fargate/requires-attributes', 'warning', 'depends', 'aws-cli'],
  ['fargate/os-family', 'error', 'fails', 'fargate-guide'],
  ['fargate/windows-x86', 'error', 'fails', 'fargate-guide'],
  ['fargate/unsupported-fields', 'error', 'rejected', 'api'],
  ['fargate/linux-params-unsupported', 'error', 'rejected', 'fargate-guide'],
  ['ctr/name', 'error', 'rejected', 'api'],
  ['ctr/name-unique', 'error', 'rejected', 'api'],
  ['ctr/image', 'error', 'rejected', 'api'],
  ['ctr/essential', 'error', 'rejected', 'api'],
  ['ctr/memory-vs-reservation', 'error', 'rejected', 'api'],
  ['ctr/memory-min', 'warning', 'depends', 'docker'],
  ['ctr/memory-sum', 'error', 'rejected', 'api'],
  ['ctr/cpu-sum', 'error', 'rejected', 'api'],
  ['ctr/ec2-memory-required', 'error', 'rejected', 'api'],
  ['awsvpc/hostname', 'error', 'fails', 'api'],
  ['awsvpc/links', 'error', 'rejected', 'api'],
  ['ctr/credential-specs', 'error', 'fails', 'api'],
  ['ctr/version-consistency', 'error', 'rejected', 'api'],
  ['ctr/restart-policy', 'error', 'rejected', 'api'],
  ['ctr/stop-timeout', 'error', 'rejected', 'api'],
  ['ctr/start-timeout', 'error', 'rejected', 'api'],
  ['ctr/ulimits', 'error', 'rejected', 'api+docker'],
  ['ctr/docker-labels', 'error', 'rejected', 'api'],
  ['ctr/env-dup', 'warning', 'depends', 'guide'],
  ['ctr/env-looks-secret', 'warning', 'depends', 'compliance'],
  ['ctr/user-root', 'info', 'advice', 'compliance'],
  ['ctr/readonly-root', 'info', 'advice', 'compliance'],
  ['ctr/privileged', 'info', 'advice', 'compliance'],
  ['port/awsvpc-hostport', 'error', 'rejected', 'api'],
  ['port/none-mode', 'error', 'rejected', 'api'],
  ['port/range', 'error', 'rejected', 'api'],
  ['port/protocol', 'warning', 'depends', 'api'],
  ['port/app-protocol', 'error', 'rejected', 'api'],
  ['port/name', 'error', 'rejected', 'api'],
  ['port/container-port-range', 'error', 'fails', 'api'],
  ['port/duplicate', 'error', 'rejected', 'api'],
  ['port/windows-3150', 'error', 'fails', 'fargate-guide'],
  ['port/firelens-24224', 'warning', 'depends', 'firelens-guide'],
  ['cap/valid-names', 'warning', 'depends', 'api'],
  ['cap/drop', 'info', 'advice', 'docker'],
  ['linux/swappiness', 'warning', 'depends', 'api'],
  ['linux/tmpfs', 'error', 'rejected', 'api'],
  ['linux/windows', 'error', 'fails', 'api'],
  ['linux/init-process', 'info', 'advice', 'exec-guide'],
  ['sysctl/namespaces', 'error', 'rejected', 'docker'],
  ['vol/name', 'error', 'rejected', 'api'],
  ['vol/one-kind', 'error', 'rejected', 'api'],
  ['fargate/docker-volume', 'error', 'fails', 'docker'],
  ['fargate/host-source-path', 'error', 'fails', 'api'],
  ['fargate/fsx-windows', 'error', 'fails', 'fargate-guide'],
  ['vol/configured-at-launch', 'error', 'rejected', 'api'],
  ['mount/source-exists', 'error', 'rejected', 'api'],
  ['mount/container-path', 'error', 'rejected', 'docker'],
  ['mount/duplicate-path', 'error', 'rejected', 'docker'],
  ['mount/unused-volume', 'warning', 'depends', 'fargate-guide'],
  ['volfrom/source', 'error', 'rejected', 'api'],
  ['efs/fs-id', 'error', 'fails', 'efs'],
  ['efs/ap-id', 'error', 'fails', 'efs'],
  ['efs/ap-needs-tls', 'error', 'rejected', 'api'],
  ['efs/iam-needs-tls', 'error', 'rejected', 'api'],
  ['efs/iam-needs-task-role', 'error', 'fails', 'api'],
  ['efs/ap-root-dir', 'error', 'rejected', 'api'],
  ['efs/port-without-tls', 'warning', 'depends', 'efs'],
  ['efs/port-range', 'error', 'fails', 'efs'],
  ['efs/enum', 'error', 'rejected', 'api'],
  ['efs/tls-recommended', 'info', 'advice', 'compliance'],
  ['efs/windows', 'error', 'fails', 'fargate-guide'],
  ['efs/supervisor-memory', 'info', 'advice', 'fargate-guide'],
  ['exec-role/awslogs', 'error', 'rejected', 'api'],
  ['exec-role/ecr', 'error', 'rejected', 'api'],
  ['exec-role/secrets', 'error', 'rejected', 'api'],
  ['secret/value-from', 'error', 'fails', 'agent'],
  ['secret/sm-suffix-colons', 'error', 'fails', 'agent'],
  ['secret/sm-json-key-pv', 'error', 'fails', 'fargate-guide'],
  ['secret/name-unique', 'error', 'rejected', 'api'],
  ['envfile/rules', 'error', 'rejected', 'api'],
  ['repo-creds/arn', 'error', 'fails', 'agent'],
  ['log/fargate-driver', 'error', 'fails', 'api'],
  ['log/driver-enum', 'error', 'rejected', 'api'],
  ['log/awslogs-required-opts', 'error', 'fails', 'api+docker'],
  ['log/awslogs-option-names', 'error', 'rejected', 'docker'],
  ['log/awslogs-exclusive', 'error', 'fails', 'api'],
  ['log/create-group-perm', 'info', 'advice', 'api'],
  ['firelens/router-present', 'error', 'rejected', 'api'],
  ['firelens/fargate-file-only', 'error', 'fails', 'api'],
  ['firelens/windows', 'error', 'fails', 'fargate-guide'],
  ['log/missing', 'info', 'advice', 'compliance'],
  ['hc/command', 'warning', 'depends', 'api+docker'],
  ['hc/interval', 'error', 'rejected', 'api'],
  ['hc/timeout', 'error', 'rejected', 'api'],
  ['hc/retries', 'error', 'rejected', 'api'],
  ['hc/start-period', 'error', 'rejected', 'api'],
  ['hc/timeout-lt-interval', 'info', 'advice', 'guide'],
  ['dep/target-exists', 'error', 'rejected', 'api'],
  ['dep/condition', 'error', 'rejected', 'api'],
  ['dep/complete-nonessential', 'error', 'fails', 'api'],
  ['dep/healthy-needs-hc', 'error', 'fails', 'api+docker'],
  ['dep/start-timeout-hint', 'info', 'advice', 'guide'],
  ['exec/task-role', 'error', 'fails', 'exec-guide'],
  ['exec/pv', 'error', 'fails', 'exec-guide'],
  ['exec/readonly-root', 'warning', 'depends', 'exec-guide'],
  ['exec/init-process', 'info', 'advice', 'exec-guide'],
  ['exec/pid-mode-task', 'warning', 'depends', 'exec-guide'],
  ['exec/aws-keys-env', 'warning', 'depends', 'exec-guide'],
  ['exec/resources', 'info', 'advice', 'exec-guide'],
  ['exec/nano-server', 'warning', 'depends', 'exec-guide'],
  ['fargate/network-config-required', 'error', 'fails', 'api'],
  ['service/requires-compat', 'error', 'fails', 'api'],
  ['service/scheduling-strategy', 'error', 'fails', 'api'],
  ['service/launch-type-and-capacity-provider', 'error', 'rejected', 'api'],
  ['service/fargate-spot-unsupported', 'error', 'fails', 'fargate-guide'],
  ['service/lb-container', 'error', 'fails', 'api'],
  ['service/public-ip-launch-type', 'error', 'fails', 'api'],
  ['service/override-container', 'error', 'rejected', 'api'],
  ['service/public-ip', 'info', 'advice', 'compliance'],
  ['cfn/dynamic-port-health-check', 'error', 'fails', 'elb-guide'],
  ['cfn/property-spelling', 'error', 'rejected', 'cfn-schema'],
  ['cfn/launch-property-spelling', 'error', 'rejected', 'cfn-schema'],
  ['efs/fs-not-found', 'warning', 'depends', 'api'],
  ['efs/ap-not-found', 'warning', 'depends', 'api'],
  // Pre-deploy verification: facts of the account, which may still change before the deploy.
  ['live/image-not-found', 'warning', 'depends', 'agent'],
  ['live/image-arch', 'warning', 'depends', 'agent'],
  ['live/secret-not-found', 'warning', 'depends', 'agent'],
  ['live/secret-access', 'warning', 'depends', 'agent'],
  ['live/role-not-found', 'warning', 'depends', 'guide'],
  ['live/role-trust', 'warning', 'depends', 'guide'],
  ['live/log-group-missing', 'warning', 'depends', 'agent'],
  ['live/network', 'warning', 'depends', 'guide'],
  ['live/not-checked', 'info', 'lens', 'lens'],
];

const ALLOWED: Record<string, readonly Basis[]> = {
  error: ['rejected', 'fails'],
  warning: ['depends'],
  info: ['advice', 'lens'],
  hint: ['lens'],
};

test('every rule is listed once with its default severity and the basis and source of that severity (unit)', () => {
  const listed = new Map(SEVERITIES.map(([id, severity]) => [id, severity]));
  assert.equal(listed.size, SEVERITIES.length, 'no rule listed twice');
  const actual = new Map([...RULES_BY_ID.values()].map((r) => [r.id, r.severity as string]));
  assert.deepEqual(
    [...actual].filter(([id, s]) => listed.get(id) !== s).map(([id, s]) => `${id}: ${s}, listed ${listed.get(id)}`),
    [],
    'a severity changed (or a rule was added): update this table deliberately, with the evidence in the docs',
  );
  assert.deepEqual(
    [...listed.keys()].filter((id) => !actual.has(id)),
    [],
    'rules listed here that no longer exist',
  );
});

test('severity follows the policy: rejected or failing is an error, uncertain is a warning, advice is info (unit)', () => {
  const wrong = SEVERITIES.filter(([, severity, basis]) => !ALLOWED[severity]?.includes(basis));
  assert.deepEqual(wrong, []);
});

test('every error names its evidence in the rule docs: an AWS error text, API, documentation or runtime (unit)', () => {
  const EVIDENCE =
    /"[^"]{8,}"|API|RegisterTaskDefinition|CreateService|RunTask|CloudFormation|AWS CLI|Docker|documentation|ECS agent|Fargate|EFS|cfn-lint|ResourceInitializationError|CannotPullContainerError|action/;
  const missing = SEVERITIES.filter(([, severity]) => severity === 'error')
    .map(([id]) => RULES_BY_ID.get(id)!)
    .filter((r) => !EVIDENCE.test(r.docs.why))
    .map((r) => `${r.id}: ${r.docs.why}`);
  assert.deepEqual(missing, []);
});
