/**
 * The SDK clients of one connection: each is constructed on first use (a feature that only lists
 * clusters never builds an IAM client) and all are destroyed together when the factory forgets the
 * connection (profile, region or endpoint changed).
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EFSClient } from '@aws-sdk/client-efs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsClientConfig } from '../clientConfig';

const CONSTRUCTORS = {
  ecs: ECSClient,
  efs: EFSClient,
  ec2: EC2Client,
  logs: CloudWatchLogsClient,
  ecr: ECRClient,
  secretsManager: SecretsManagerClient,
  iam: IAMClient,
  elbv2: ElasticLoadBalancingV2Client,
  ssm: SSMClient,
  kms: KMSClient,
  sts: STSClient,
} as const;

export type SdkService = keyof typeof CONSTRUCTORS;
export type SdkClient<S extends SdkService> = InstanceType<(typeof CONSTRUCTORS)[S]>;

/** Client settings for one service: the shared config, optionally with a per-service endpoint. */
export type SdkConfigFor = (
  service: SdkService,
) => Partial<AwsClientConfig> & { region: string; disableHostPrefix?: boolean };

export class SdkClients {
  private readonly made = new Map<SdkService, { destroy(): void }>();

  constructor(private readonly configFor: SdkConfigFor) {}

  get<S extends SdkService>(service: S): SdkClient<S> {
    let client = this.made.get(service);
    if (!client) {
      const Ctor = CONSTRUCTORS[service] as unknown as new (config: object) => SdkClient<S>;
      client = new Ctor(this.configFor(service));
      this.made.set(service, client);
    }
    return client as SdkClient<S>;
  }

  /** Which clients exist (tests: a feature builds only what it uses). */
  created(): SdkService[] {
    return [...this.made.keys()];
  }

  destroy(): void {
    for (const c of this.made.values()) c.destroy();
    this.made.clear();
  }
}
