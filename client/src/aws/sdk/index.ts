/**
 * The SDK chunk: the only module graph that evaluates @aws-sdk/client-*. Reached solely through
 * `import('./sdk')` in ../factory.ts, so it loads when the explorer, a command or ECS Exec first needs
 * AWS. Every API of a connection shares one set of lazily constructed clients (./clients.ts).
 */
import type { AwsClientConfig } from '../clientConfig';
import { SdkExecApi } from '../execApi';
import type { AwsApis, Connection } from '../types';
import { SdkClients } from './clients';
import { createEc2Api } from './ec2';
import { createEcsApi } from './ecs';
import { createEfsApi } from './efs';
import { createLogsApi } from './logs';
import {
  createEcrApi,
  createElbv2Api,
  createIamApi,
  createKmsApi,
  createSecretsManagerApi,
  createSsmApi,
  createStsApi,
} from './services';

export { SdkClients } from './clients';

/** APIs whose objects are made on first access; their SDK clients on first call. */
function lazyApis(connection: Connection, clients: SdkClients): AwsApis {
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key) as T;
  };
  return {
    connection,
    get ecs() {
      return once('ecs', () => createEcsApi(clients.get('ecs')));
    },
    get efs() {
      return once('efs', () => createEfsApi(clients.get('efs')));
    },
    get ec2() {
      return once('ec2', () => createEc2Api(clients.get('ec2')));
    },
    get logs() {
      return once('logs', () => createLogsApi(clients.get('logs')));
    },
    ecr: createEcrApi(() => clients.get('ecr')),
    secretsManager: createSecretsManagerApi(() => clients.get('secretsManager')),
    iam: createIamApi(() => clients.get('iam')),
    elbv2: createElbv2Api(() => clients.get('elbv2')),
    ssm: createSsmApi(() => clients.get('ssm')),
    kms: createKmsApi(() => clients.get('kms')),
    sts: createStsApi(() => clients.get('sts')),
  };
}

export interface SdkConnection {
  apis: AwsApis;
  /** The ECS Exec view of the same clients. */
  exec: SdkExecApi;
  /** Clients constructed so far (tests). */
  created(): string[];
  destroy(): void;
}

export function createSdkApis(connection: Connection, config: AwsClientConfig, ssmEndpointUrl?: string): SdkConnection {
  // StartLiveTail's endpoint carries the host prefix "stream-"; a custom endpoint (setting or the SDK's
  // AWS_ENDPOINT_URL variables: an emulator, a proxy) names its host exactly, so no prefix there.
  const customEndpoint =
    config.endpoint !== undefined || !!process.env.AWS_ENDPOINT_URL || !!process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS;
  const clients = new SdkClients((service) =>
    service === 'logs' ? { ...config, disableHostPrefix: customEndpoint } : config,
  );
  const apis = lazyApis(connection, clients);
  const exec = new SdkExecApi({
    region: connection.region,
    profile: connection.profile,
    clients,
    ssmEndpointUrl: ssmEndpointUrl ?? config.endpoint,
  });
  return { apis, exec, created: () => clients.created(), destroy: () => clients.destroy() };
}
