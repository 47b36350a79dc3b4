/**
 * Which of our rule ids cover the ECS checks of other tools and AWS's own controls (rendered into
 * docs/rules.md by scripts/gen-docs.ts). The check descriptions are our own summaries of what each
 * check tests; `ours` is empty where the check is outside what a file linter sees (cluster
 * settings) and `note` says why. A test keeps every id here in the registry.
 */

export interface ComplianceCheck {
  tool: 'Checkov' | 'KICS' | 'Trivy' | 'Control Tower' | 'Security Hub';
  check: string;
  /** What the check tests, in our words. */
  tests: string;
  ours: string[];
  note?: string;
}

export const COMPLIANCE: readonly ComplianceCheck[] = [
  {
    tool: 'Checkov',
    check: 'CKV_AWS_97',
    tests: 'EFS volumes of a task definition use transit encryption',
    ours: ['efs/tls-recommended', 'efs/ap-needs-tls', 'efs/iam-needs-tls'],
  },
  {
    tool: 'Checkov',
    check: 'CKV_AWS_249',
    tests: 'the execution role and the task role are different roles',
    ours: ['task/exec-role-same-as-task-role'],
  },
  {
    tool: 'Checkov',
    check: 'CKV_AWS_332',
    tests: 'Fargate services run on the LATEST platform version',
    ours: ['pv/not-latest', 'pv/retired'],
  },
  {
    tool: 'Checkov',
    check: 'CKV_AWS_333',
    tests: 'services do not give tasks a public IP',
    ours: ['service/public-ip', 'service/public-ip-launch-type'],
  },
  {
    tool: 'Checkov',
    check: 'CKV_AWS_334',
    tests: 'containers are not privileged',
    ours: ['ctr/privileged', 'fargate/unsupported-fields'],
  },
  {
    tool: 'Checkov',
    check: 'CKV_AWS_335',
    tests: "task definitions do not share the host's process namespace",
    ours: ['task/host-pid', 'fargate/pid-mode'],
  },
  {
    tool: 'Checkov',
    check: 'CKV_AWS_336',
    tests: 'containers have a read-only root file system',
    ours: ['ctr/readonly-root'],
  },
  {
    tool: 'KICS',
    check: 'ECS Task Definition Network Mode Not Recommended',
    tests: 'task definitions use the awsvpc network mode',
    ours: ['fargate/network-mode-awsvpc'],
    note: 'we require awsvpc where AWS does (Fargate); on EC2 bridge and host are valid choices',
  },
  {
    tool: 'KICS',
    check: 'ECS Task Definition Container With Plaintext Password',
    tests: 'no secret values in plain environment variables',
    ours: ['ctr/env-looks-secret', 'exec/aws-keys-env'],
  },
  {
    tool: 'KICS',
    check: 'ECS Task Definition Invalid CPU or Memory',
    tests: 'task cpu and memory are a valid combination',
    ours: ['fargate/cpu-memory-combo', 'task/cpu-units', 'ctr/memory-sum', 'ctr/cpu-sum'],
  },
  {
    tool: 'KICS',
    check: 'ECS Task Definition HealthCheck Missing',
    tests: 'containers define a health check',
    ours: [],
    note: 'a missing health check is a design choice (the load balancer checks instead); we check the health checks that exist (hc/*)',
  },
  {
    tool: 'KICS',
    check: 'ECS Task Definition Volume Not Encrypted',
    tests: 'EFS volumes use transit encryption',
    ours: ['efs/tls-recommended'],
  },
  {
    tool: 'KICS',
    check: 'ECS Services assigned with public IP address',
    tests: 'services do not give tasks a public IP',
    ours: ['service/public-ip'],
  },
  {
    tool: 'KICS',
    check: 'ECS Service Admin Role Is Present',
    tests: 'the service role is not an administrator role',
    ours: [],
    note: 'needs the role policy, which is not in the file',
  },
  {
    tool: 'KICS',
    check: 'ECS Service Without Running Tasks',
    tests: 'desiredCount is above 0',
    ours: [],
    note: 'a service scaled to 0 is a valid state',
  },
  {
    tool: 'KICS',
    check: 'ECS No Load Balancer Attached',
    tests: 'services have a load balancer',
    ours: ['service/lb-container'],
    note: 'we check that the load balancer a service names matches its task definition; workers without one are valid',
  },
  {
    tool: 'KICS',
    check: 'ECS Cluster with Container Insights Disabled',
    tests: 'clusters enable Container Insights',
    ours: [],
    note: 'a cluster setting; cluster resources are not linted',
  },
  {
    tool: 'Trivy',
    check: 'AVD-AWS-0034',
    tests: 'clusters enable Container Insights',
    ours: [],
    note: 'a cluster setting; cluster resources are not linted',
  },
  {
    tool: 'Trivy',
    check: 'AVD-AWS-0035',
    tests: 'EFS volumes of a task definition use transit encryption',
    ours: ['efs/tls-recommended'],
  },
  {
    tool: 'Trivy',
    check: 'AVD-AWS-0036',
    tests: 'no sensitive values in plain environment variables',
    ours: ['ctr/env-looks-secret', 'exec/aws-keys-env'],
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.1',
    tests: 'Fargate services run on the LATEST platform version',
    ours: ['pv/not-latest', 'pv/retired'],
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.2',
    tests: 'clusters enable Container Insights',
    ours: [],
    note: 'a cluster setting; cluster resources are not linted',
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.3',
    tests: 'task definitions name a user other than root',
    ours: ['ctr/user-root'],
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.4',
    tests: 'tasks use the awsvpc network mode',
    ours: ['fargate/network-mode-awsvpc'],
    note: 'required on Fargate (error); a choice on EC2',
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.5',
    tests: 'containers have a logging configuration',
    ours: ['log/missing'],
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.6',
    tests: 'containers have a read-only root file system',
    ours: ['ctr/readonly-root'],
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.7',
    tests: 'containers have a memory limit',
    ours: ['ctr/ec2-memory-required', 'fargate/task-cpu-memory-required'],
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.8',
    tests: '(not in the published ECS control list: the Control Tower ECS page lists PR.1–7 and PR.9–11)',
    ours: [],
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.9',
    tests: 'services do not give tasks a public IP',
    ours: ['service/public-ip', 'service/public-ip-launch-type'],
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.10',
    tests: "task definitions do not share the host's process namespace",
    ours: ['task/host-pid', 'fargate/pid-mode'],
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.11',
    tests: 'containers are not privileged',
    ours: ['ctr/privileged', 'fargate/unsupported-fields'],
  },
  {
    tool: 'Control Tower',
    check: 'CT.ECS.PR.12',
    tests: '(not in the published ECS control list: the Control Tower ECS page lists PR.1–7 and PR.9–11)',
    ours: [],
  },
  {
    tool: 'Security Hub',
    check: 'ECS.3',
    tests: "task definitions do not share the host's process namespace",
    ours: ['task/host-pid', 'fargate/pid-mode'],
  },
  {
    tool: 'Security Hub',
    check: 'ECS.4',
    tests: 'containers are not privileged',
    ours: ['ctr/privileged', 'fargate/unsupported-fields'],
  },
  {
    tool: 'Security Hub',
    check: 'ECS.5',
    tests: 'containers have a read-only root file system',
    ours: ['ctr/readonly-root'],
  },
  {
    tool: 'Security Hub',
    check: 'ECS.8',
    tests: 'no secrets in plain environment variables',
    ours: ['ctr/env-looks-secret', 'exec/aws-keys-env'],
  },
  {
    tool: 'Security Hub',
    check: 'ECS.9',
    tests: 'task definitions have a logging configuration',
    ours: ['log/missing'],
  },
  {
    tool: 'Security Hub',
    check: 'ECS.10',
    tests: 'Fargate services run on the latest platform version',
    ours: ['pv/not-latest', 'pv/retired'],
  },
];
