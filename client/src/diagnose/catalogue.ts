/**
 * The run-time failure catalogue: what ECS says when a Fargate task fails, recognised by the stable part
 * of the text (never by ARNs, ids or addresses), with the rule id (public and stable, like the static
 * rules' ids), why it usually happens, what to change, and the task-definition member that causes it.
 *
 * Sources for the texts and causes: the ECS developer guide, "Amazon ECS stopped task error messages"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html) and its pages
 * on CannotPullContainerError, ResourceInitializationError, CannotStartContainerError and task stop codes
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-errors.html); service events
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html); Fargate Spot
 * interruptions (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html).
 * docs/rules.md documents each id from this table (scripts/gen-docs.ts).
 */

/** Where in the task definition (or its launch input) the cause lives: the core's member kinds. */
import type { MemberKind } from '../../../server/src/service/locate';

export type { MemberKind };

export interface FailureKind {
  readonly ruleId: string;
  readonly title: string;
  /** Why it usually happens (plain words, no guesses presented as facts). */
  readonly cause: string;
  /** What to change. */
  readonly fix: string;
  /** The member to point at, most specific first. */
  readonly members: readonly MemberKind[];
  /** Not a defect of the file (e.g. a Spot interruption): report, but never as a problem in the file. */
  readonly notAFileProblem?: boolean;
}

const K = (k: FailureKind): FailureKind => k;

export const FAILURES = {
  registryUnreachable: K({
    ruleId: 'live/registry-unreachable',
    title: 'The image registry could not be reached',
    cause:
      'The task has no network path to the registry: a private subnet without a NAT gateway or VPC endpoints (ecr.api, ecr.dkr and the S3 gateway for ECR), or a public subnet without a public IP.',
    fix: 'Give the task a route to the registry: ENABLED assignPublicIp in a public subnet, a NAT gateway, or the ECR and S3 VPC endpoints.',
    members: ['image', 'launchNetwork'],
  }),
  imagePull: K({
    ruleId: 'live/image-pull',
    title: 'The image could not be pulled',
    cause:
      'The image name or tag does not exist, or the registry needs credentials the task does not have (a private registry without repositoryCredentials, or an execution role without ECR pull permissions).',
    fix: 'Check the image name and tag (is the tag pushed?), and for private registries set repositoryCredentials or the execution role permissions.',
    members: ['image', 'repositoryCredentials'],
  }),
  pullRateLimit: K({
    ruleId: 'live/pull-rate-limit',
    title: 'Docker Hub pull rate limit',
    cause: 'Anonymous pulls from Docker Hub are rate limited per source IP; Fargate tasks behind one NAT share it.',
    fix: 'Pull from ECR (a pull-through cache or ECR Public) or give Docker Hub credentials with repositoryCredentials.',
    members: ['image', 'repositoryCredentials'],
  }),
  initNetwork: K({
    ruleId: 'live/init-network',
    title: 'The task could not reach AWS APIs to start',
    cause:
      'On platform version 1.4.0 the task fetches registry auth, secrets and parameters over its own network interface; without a route to ECR, Secrets Manager or SSM (NAT or VPC endpoints) it times out.',
    fix: 'Give the task subnets a route to those services (NAT gateway or interface VPC endpoints), or a public IP in a public subnet.',
    members: ['executionRoleArn', 'launchNetwork'],
  }),
  secretFetch: K({
    ruleId: 'live/secret-fetch',
    title: 'A secret could not be read',
    cause:
      'The execution role may not read the secret or parameter (secretsmanager:GetSecretValue, ssm:GetParameters, kms:Decrypt for a customer key), the ARN is wrong, or a JSON key or version suffix does not exist.',
    fix: "Check the secret's ARN (and any :json-key:version-stage:version-id suffix) and grant the execution role read access to it.",
    members: ['secret', 'executionRoleArn'],
  }),
  logger: K({
    ruleId: 'live/logger',
    title: 'The log driver could not start',
    cause:
      'The awslogs log group does not exist and awslogs-create-group is not set (or the execution role may not create it), or the task cannot reach CloudWatch Logs.',
    fix: 'Create the log group, or set "awslogs-create-group": "true" and allow logs:CreateLogGroup on the execution role.',
    members: ['logGroup', 'executionRoleArn'],
  }),
  efsMount: K({
    ruleId: 'live/efs-mount',
    title: 'The EFS volume could not be mounted',
    cause:
      "The root directory or access point path does not exist, there is no mount target in the task subnet's Availability Zone, or the mount target security group does not allow NFS (TCP 2049) from the task.",
    fix: "Check rootDirectory/accessPointId, add a mount target in each of the service's subnets' zones, and allow TCP 2049 from the task's security group.",
    members: ['efsVolume', 'launchNetwork'],
  }),
  essentialExit: K({
    ruleId: 'live/essential-exit',
    title: 'An essential container exited',
    cause:
      'The application in an essential container stopped (a crash, a bad command or entry point, a missing environment variable or secret); ECS then stops the whole task.',
    fix: "Read the container's last log lines; check command, entryPoint and the environment the app needs.",
    members: ['command'],
  }),
  oom: K({
    ruleId: 'live/oom',
    title: 'A container ran out of memory',
    cause:
      "The container went over its hard memory limit (the container's memory, or the task's memory shared by all containers and sidecars) and the kernel killed it.",
    fix: "Raise the container's memory (and the task's memory with it), or lower the application's memory use.",
    members: ['memory'],
  }),
  archMismatch: K({
    ruleId: 'live/arch-mismatch',
    title: 'The image is built for another CPU architecture',
    cause:
      'The image has no build for the task\'s CPU architecture (e.g. an ARM64 image built on Apple silicon, run in an X86_64 task): "exec format error".',
    fix: "Set runtimePlatform.cpuArchitecture to the image's architecture, or build a multi-architecture image (docker buildx --platform linux/amd64,linux/arm64).",
    members: ['runtimePlatform', 'image'],
  }),
  elbHealth: K({
    ruleId: 'live/elb-health',
    title: 'The load balancer found the task unhealthy',
    cause:
      "The target group's health check failed: the app does not listen on the mapped port, the health-check path answers an error, the grace period is too short for start-up, or security groups block the load balancer.",
    fix: "Check the container port and the target group's health-check path, raise healthCheckGracePeriodSeconds on the service, and allow the load balancer's security group to reach the task.",
    members: ['portMappings'],
  }),
  containerHealth: K({
    ruleId: 'live/container-health',
    title: 'The container health check failed',
    cause:
      'The healthCheck command kept failing (it needs the tool it calls, e.g. curl, inside the image), or startPeriod was too short for the app to start.',
    fix: 'Run the health-check command in the container by hand (ECS Exec), make sure its tool exists in the image, and raise startPeriod.',
    members: ['healthCheck'],
  }),
  cannotStart: K({
    ruleId: 'live/cannot-start',
    title: 'The container could not be started',
    cause: 'The command or entry point names an executable that is not in the image or not executable.',
    fix: 'Fix command/entryPoint (use the path inside the image; the agent does not run a shell unless you call one).',
    members: ['command'],
  }),
  spotInterruption: K({
    ruleId: 'live/spot-interruption',
    title: 'Fargate Spot reclaimed the capacity',
    cause:
      "AWS needed the Fargate Spot capacity back and stopped the task with two minutes' notice. This is not a fault of the task definition.",
    fix: 'Handle SIGTERM within two minutes, and keep a FARGATE (on-demand) base in the capacity provider strategy for work that must not stop.',
    members: ['capacityProvider'],
    notAFileProblem: true,
  }),
  execAgent: K({
    ruleId: 'live/exec-agent',
    title: 'ECS Exec could not reach the agent',
    cause:
      'ECS Exec was not enabled when the task started, the task role lacks the ssmmessages permissions, the task has no route to SSM Messages, or the platform version is older than 1.4.0.',
    fix: 'Enable ECS Exec on the service and redeploy (it cannot be turned on for a running task), and grant the task role ssmmessages:CreateControlChannel/CreateDataChannel/OpenControlChannel/OpenDataChannel.',
    members: ['taskRoleArn'],
  }),
} as const;

export type FailureKey = keyof typeof FAILURES;

/** All rule ids of the catalogue, for docs and tests. */
export const LIVE_FAILURE_RULE_IDS: readonly string[] = Object.values(FAILURES).map((f) => f.ruleId);
