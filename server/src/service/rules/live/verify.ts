/**
 * Documentation entries of the pre-deploy verification checks. The findings are made by the client
 * (editor: "Verify Against Account" and on save; CLI: `fargate-lens verify`) from the references
 * extracted by service/verify/references.ts, and published as live findings at the member; the rules
 * here give them their default severity, their settings entry and their docs. All are warnings: the
 * account may still change before the deploy (a CI job pushes the image first), so none is an error.
 */
import type { TaskDefRule } from '../types';

const ECR_API = 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference';
const ECS_GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide';
const STOPPED = `${ECS_GUIDE}/stopped-task-error-codes.html`;

/** A documentation entry: no check of its own (the client makes the findings). */
const doc = (r: Pick<TaskDefRule, 'id' | 'title' | 'docs'> & { severity?: TaskDefRule['severity'] }): TaskDefRule => ({
  scope: 'taskdef',
  severity: 'warning',
  check: () => [],
  ...r,
});

export const liveImageNotFound = doc({
  id: 'live/image-not-found',
  title: 'Image tag or digest not in its ECR repository',
  docs: {
    what: "A container `image` in a private Amazon ECR repository whose tag or digest does not exist there (or whose repository does not exist), looked up with `ecr:DescribeImages` in the image's own account and region. Images of public ECR and other registries are not checked (`live/not-checked`).",
    why: `The task does not start: \`CannotPullContainerError: ... not found\` ([stopped task error codes](${STOPPED}); [DescribeImages](${ECR_API}/API_DescribeImages.html) answers ImageNotFoundException / RepositoryNotFoundException).`,
    fix: 'Push the tag before deploying, or pick an existing tag (the quick fix offers the nearest ones).',
  },
});

export const liveImageArch = doc({
  id: 'live/image-arch',
  title: "The image's platforms do not include the task's runtimePlatform",
  docs: {
    what: "The platforms of an ECR image (its manifest list / OCI image index, read with `ecr:BatchGetImage`) do not include the task's `runtimePlatform` (`cpuArchitecture`, `operatingSystemFamily`; Fargate's default is LINUX on X86_64).",
    why: `A container built for another architecture exits at once with \`exec format error\`; with a manifest list the pull fails with "no matching manifest" ([task definition parameters: runtimePlatform](${ECS_GUIDE}/task_definition_parameters.html#runtime-platform); [BatchGetImage](${ECR_API}/API_BatchGetImage.html); media types \`application/vnd.docker.distribution.manifest.list.v2+json\` and \`application/vnd.oci.image.index.v1+json\`). A single-platform manifest names its architecture only in its config blob, which is not read: reported as not checked.`,
    fix: "Set `runtimePlatform.cpuArchitecture` to the image's architecture, or build and push the image for the task's platform (docker buildx --platform).",
  },
});

export const liveSecretNotFound = doc({
  id: 'live/secret-not-found',
  title: 'Secret or parameter does not exist',
  docs: {
    what: 'A `secrets[].valueFrom` (or `repositoryCredentials`-style secret) that names a Secrets Manager secret (`secretsmanager:DescribeSecret`) or an SSM parameter (`ssm:DescribeParameters`) that does not exist, or a version stage / version id suffix that the secret does not have. Values are never read.',
    why: `The task does not start: \`ResourceInitializationError: unable to pull secrets or registry auth\` ([stopped task error codes](${STOPPED}); [secrets in environment variables](${ECS_GUIDE}/secrets-envvar-secrets-manager.html): valueFrom is \`arn:...:secret:name:json-key:version-stage:version-id\`).`,
    fix: "Create the secret or parameter in the task's region, or correct the ARN / name (and its suffixes).",
  },
});

export const liveSecretAccess = doc({
  id: 'live/secret-access',
  title: 'The execution role may not read the secret',
  docs: {
    what: '`iam:SimulatePrincipalPolicy` says the task execution role is denied `secretsmanager:GetSecretValue` / `ssm:GetParameters` on the secret. When the caller may not simulate, the check says "permission not checked" (`live/not-checked`).',
    why: `ECS reads secrets with the task execution role at task start ([execution role: secrets](${ECS_GUIDE}/task_execution_IAM_role.html#task-execution-secrets)); without the permission the task stops with \`ResourceInitializationError: unable to pull secrets\`. A customer managed KMS key also needs \`kms:Decrypt\`, which the simulation does not cover.`,
    fix: 'Grant the execution role `secretsmanager:GetSecretValue` (or `ssm:GetParameters`) on that ARN.',
  },
});

export const liveRoleNotFound = doc({
  id: 'live/role-not-found',
  title: 'Role does not exist',
  docs: {
    what: '`executionRoleArn` or `taskRoleArn` names an IAM role that does not exist in the connected account (`iam:GetRole`). Roles of other accounts are not checked.',
    why: `ECS cannot assume a role that does not exist: the task fails to start (execution role) or its AWS calls fail ([task execution role](${ECS_GUIDE}/task_execution_IAM_role.html), [task role](${ECS_GUIDE}/task-iam-roles.html)).`,
    fix: 'Create the role, or correct its name / ARN.',
  },
});

export const liveRoleTrust = doc({
  id: 'live/role-trust',
  title: 'Role does not trust ecs-tasks.amazonaws.com',
  docs: {
    what: "The role's trust policy (`iam:GetRole`, AssumeRolePolicyDocument) has no Allow statement for `sts:AssumeRole` by the service principal `ecs-tasks.amazonaws.com`.",
    why: `ECS tasks assume task and execution roles as \`ecs-tasks.amazonaws.com\`; the AWS guide's trust policy names exactly that principal ([task execution role](${ECS_GUIDE}/task_execution_IAM_role.html), [task role](${ECS_GUIDE}/task-iam-roles.html)). Without it the role cannot be assumed.`,
    fix: 'Add a trust statement: `{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}`.',
  },
});

export const liveLogGroupMissing = doc({
  id: 'live/log-group-missing',
  title: 'awslogs group does not exist',
  docs: {
    what: 'The `awslogs-group` of an awslogs log configuration does not exist in its region (`logs:DescribeLogGroups`) and `awslogs-create-group` is not "true".',
    why: `The container does not start: \`ResourceInitializationError: failed to validate logger args: ... The specified log group does not exist\` ([stopped task error codes](${STOPPED}); [awslogs driver](${ECS_GUIDE}/using_awslogs.html)).`,
    fix: 'Create the log group, or add `awslogs-create-group: "true"` (the quick fix; the execution role then needs logs:CreateLogGroup).',
  },
});

export const liveNetwork = doc({
  id: 'live/network',
  title: 'Subnets, security groups or target group inconsistent',
  docs: {
    what: 'In a service or run-task input: a subnet or security group that does not exist (`ec2:DescribeSubnets`, `ec2:DescribeSecurityGroups`), subnets and security groups in different VPCs, or a target group that does not exist or whose target type is not `ip` (`elasticloadbalancing:DescribeTargetGroups`).',
    why: `Tasks with awsvpc networking (all Fargate tasks) get one network interface in one VPC; a load balancer registers them by IP, so "you must choose ip as the target type" ([load balancing](${ECS_GUIDE}/alb.html), [awsvpc network mode](${ECS_GUIDE}/task-networking-awsvpc.html)). CreateService / RunTask reject unknown subnets and security groups, and subnets and security groups of different VPCs.`,
    fix: 'Use subnets and security groups of one VPC, and a target group of target type ip in that VPC.',
  },
});

export const liveNotChecked = doc({
  id: 'live/not-checked',
  title: 'A live check could not run',
  docs: {
    what: 'A reference that verification could not check, with the reason: an image of public ECR or another registry, a role in another account, a permission not simulated (no `iam:SimulatePrincipalPolicy`), access denied, throttling, a single-platform image manifest.',
    why: 'A check that cannot run says so instead of guessing: no finding is not proof that the reference is fine.',
    fix: 'Nothing to change in the file; grant the caller the permission named in the README (Verify against the account) to check it, or turn the rule off.',
  },
  severity: 'info',
});

export const verifyRules = [
  liveImageNotFound,
  liveImageArch,
  liveSecretNotFound,
  liveSecretAccess,
  liveRoleNotFound,
  liveRoleTrust,
  liveLogGroupMissing,
  liveNetwork,
  liveNotChecked,
];
