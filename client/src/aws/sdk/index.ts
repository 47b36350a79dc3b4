/**
 * The SDK chunk: the only module graph that evaluates @aws-sdk/client-*. Reached solely through
 * `import('./sdk')` in ../factory.ts, so it loads when the explorer or a command first needs AWS.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EFSClient } from '@aws-sdk/client-efs';
import type { AwsClientConfig } from '../clientConfig';
import type { AwsApis, Connection } from '../types';
import { createEc2Api } from './ec2';
import { createEcsApi } from './ecs';
import { createEfsApi } from './efs';
import { createLogsApi } from './logs';

export function createSdkApis(connection: Connection, config: AwsClientConfig): { apis: AwsApis; destroy: () => void } {
  const ecsClient = new ECSClient(config);
  const efsClient = new EFSClient(config);
  const ec2Client = new EC2Client(config);
  // StartLiveTail's endpoint carries the host prefix "stream-"; a custom endpoint (an emulator, a proxy)
  // names its host exactly, so the prefix is left off there.
  const logsClient = new CloudWatchLogsClient({ ...config, disableHostPrefix: config.endpoint !== undefined });
  return {
    apis: {
      connection,
      ecs: createEcsApi(ecsClient),
      efs: createEfsApi(efsClient),
      ec2: createEc2Api(ec2Client),
      logs: createLogsApi(logsClient),
    },
    destroy: () => {
      logsClient.destroy();
      ecsClient.destroy();
      efsClient.destroy();
      ec2Client.destroy();
    },
  };
}
