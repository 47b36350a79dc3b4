/**
 * Child of proxy.test.ts: the production path for a corporate proxy, in a process of its own. The proxy
 * comes only from the environment (HTTPS_PROXY, NO_PROXY) and its CA only from NODE_EXTRA_CA_CERTS,
 * which Node reads at start-up; VS Code's `http` section is empty, as for a user who set nothing there.
 * Opens an ECS Exec session on a fake agent and makes one SDK call (argv[2]: the API endpoint), then
 * prints one JSON line with what came back.
 */
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { createAwsClientConfig } from '../../client/src/aws/clientConfig';
import { fromHttpConfiguration } from '../../client/src/aws/proxySettings';
import { connect } from '../unit/exec/sessionHarness';

const emptyHttpSection = { get: () => undefined };

async function main(): Promise<void> {
  const h = await connect({}, true, { proxy: fromHttpConfiguration(emptyHttpSection) });
  let shell: string;
  try {
    await h.waitForText('$ ');
    h.channel.sendInput('echo via-env-proxy\r');
    await h.waitForText('via-env-proxy\r\n$ ');
    shell = 'via-env-proxy';
  } finally {
    await h.dispose();
  }
  const config = await createAwsClientConfig(
    { region: 'us-east-1', profile: undefined },
    { endpoint: process.argv[2], maxAttempts: 1, proxy: emptyHttpSection },
    async () => ({ accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'fake' }),
  );
  const ecs = new ECSClient(config);
  const out = await ecs.send(new ListClustersCommand({}));
  ecs.destroy();
  process.stdout.write(`${JSON.stringify({ shell, clusterArns: out.clusterArns })}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
