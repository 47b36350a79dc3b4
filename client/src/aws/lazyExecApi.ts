/**
 * ExecApi instances that load the AWS SDK (client/src/aws/execApi.ts) on their first call, so that
 * registering the ECS Exec commands at activation costs nothing. One instance per profile/region.
 */
import type { ApiTarget, ExecApi, ExecApiFactory } from '../exec/ports';
import {
  createAwsClientConfig,
  createCredentialsProvider,
  sanitizeEndpoint,
  type AwsClientOptions,
} from './clientConfig';

type Method = Exclude<keyof ExecApi, 'region' | 'profile' | 'ssmEndpointUrl'>;
// A Record, so that a method added to ExecApi and not listed here is a compile error.
const METHOD_SET: Record<Method, true> = {
  listClusters: true,
  listRunningTasks: true,
  describeTask: true,
  describeTaskDefinition: true,
  describeCluster: true,
  executeCommand: true,
  generateDataKey: true,
  terminateSession: true,
  resumeSession: true,
  simulatePrincipalPolicy: true,
  callerArn: true,
  enableExecOnService: true,
};
const METHODS = Object.keys(METHOD_SET) as Method[];

export function createLazyExecApiFactory(options: () => AwsClientOptions): ExecApiFactory {
  const cache = new Map<string, ExecApi>();
  return (t: ApiTarget) => {
    const opts = options();
    const endpoint = sanitizeEndpoint(opts.endpoint);
    const key = `${t.profile ?? ''}|${t.region}|${endpoint ?? ''}`;
    let api = cache.get(key);
    if (!api) {
      api = lazy(t, endpoint, opts);
      cache.set(key, api);
    }
    return api;
  };
}

function lazy(t: ApiTarget, endpoint: string | undefined, opts: AwsClientOptions): ExecApi {
  let real: Promise<ExecApi> | undefined;
  const load = (): Promise<ExecApi> =>
    (real ??= (async () => {
      const [{ SdkExecApi }, credentials] = await Promise.all([
        import('./execApi'),
        createCredentialsProvider(t.profile),
      ]);
      // The same retry, attempt and timeout settings as the explorer's clients.
      const base = await createAwsClientConfig({ region: t.region, profile: t.profile }, opts, credentials);
      return new SdkExecApi({ region: t.region, profile: t.profile, credentials, endpoint, base });
    })());
  const api: Record<string, unknown> = {
    region: t.region,
    profile: t.profile,
    ssmEndpointUrl:
      endpoint ?? sanitizeEndpoint(process.env.AWS_ENDPOINT_URL) ?? `https://ssm.${t.region}.amazonaws.com`,
  };
  for (const m of METHODS) {
    api[m] = async (...args: unknown[]) => {
      const target = (await load()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return target[m](...args);
    };
  }
  return api as unknown as ExecApi;
}
