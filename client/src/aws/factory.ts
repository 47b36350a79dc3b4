/**
 * THE AWS client factory: every AWS call of the extension and the CLI (explorer, commands, ECS Exec,
 * live data) goes through one instance. Per connection (profile, region, endpoint) it keeps one
 * credentials provider and one set of SDK clients, each client constructed on its first call;
 * `clear()` (profile, region or endpoint changed, SSO login retried) forgets them all at once,
 * the ECS Exec views included.
 *
 * `./sdk` (which statically imports @aws-sdk/client-*) is reached only through the dynamic import
 * below, so the SDK stays out of activation and is split into its own chunk (dist/aws.js).
 */
import type { ApiTarget, ExecApi, ExecApiFactory } from '../exec/ports';
import {
  createAwsClientConfig,
  createCredentialsProvider,
  sanitizeEndpoint,
  type AwsClientOptions,
  type CredentialsProvider,
} from './clientConfig';
import { connectionKey } from './profiles';
import type { SdkConnection } from './sdk';
import type { ApiFactory, AwsApis, Connection } from './types';

export interface AwsClientFactory {
  /** The APIs of a connection (ECS, EFS, EC2, Logs, ECR, Secrets Manager, IAM, ELBv2, SSM, KMS, STS). */
  readonly get: ApiFactory;
  /** The ECS Exec view of a connection's clients; returned at once, the SDK loads on its first call. */
  readonly exec: ExecApiFactory;
  /** Forgets clients and credentials (after a profile or endpoint change, or to retry an SSO login). */
  clear(): void;
  /** Called after every clear() (e.g. to drop state derived from the old connection). */
  onDidClear(listener: () => void): { dispose(): void };
  dispose(): void;
}

/** @deprecated name kept for callers of the first explorer version; same object. */
export type CachingApiFactory = AwsClientFactory;

export function createAwsClientFactory(options: () => AwsClientOptions): AwsClientFactory {
  const connections = new Map<string, Promise<SdkConnection>>();
  const credentials = new Map<string, Promise<CredentialsProvider>>();
  const execViews = new Map<string, ExecApi>();
  const built: SdkConnection[] = [];
  const clearListeners = new Set<() => void>();

  const credentialsFor = (profile: string | undefined): Promise<CredentialsProvider> => {
    const key = profile ?? '';
    let p = credentials.get(key);
    if (!p) {
      p = createCredentialsProvider(profile);
      p.catch(() => credentials.delete(key));
      credentials.set(key, p);
    }
    return p;
  };

  const keyOf = (connection: Connection): string =>
    `${connectionKey(connection)}|${sanitizeEndpoint(options().endpoint) ?? ''}`;

  const build = async (connection: Connection): Promise<SdkConnection> => {
    const opts = options();
    const config = await createAwsClientConfig(connection, opts, await credentialsFor(connection.profile));
    const sdk = await import('./sdk');
    const made = sdk.createSdkApis(connection, config, ssmEndpointUrl(connection.region, opts));
    built.push(made);
    return made;
  };

  const sdkFor = (connection: Connection): Promise<SdkConnection> => {
    const key = keyOf(connection);
    let p = connections.get(key);
    if (!p) {
      p = build({ profile: connection.profile, region: connection.region });
      p.catch(() => connections.delete(key));
      connections.set(key, p);
    }
    return p;
  };

  const get: ApiFactory = async (connection): Promise<AwsApis> => (await sdkFor(connection)).apis;

  const exec: ExecApiFactory = (target: ApiTarget): ExecApi => {
    const connection: Connection = { profile: target.profile, region: target.region };
    const key = keyOf(connection);
    let view = execViews.get(key);
    if (!view) {
      view = lazyExecView(connection, ssmEndpointUrl(target.region, options()), () => sdkFor(connection));
      execViews.set(key, view);
    }
    return view;
  };

  const clear = (): void => {
    connections.clear();
    credentials.clear();
    execViews.clear();
    for (const c of built.splice(0)) c.destroy();
    for (const l of [...clearListeners]) l();
  };
  return {
    get,
    exec,
    clear,
    onDidClear: (listener) => {
      clearListeners.add(listener);
      return { dispose: () => clearListeners.delete(listener) };
    },
    dispose: () => {
      clear();
      clearListeners.clear();
    },
  };
}

/** @deprecated use createAwsClientFactory (same function). */
export const createApiFactory = createAwsClientFactory;

/** The SSM endpoint session-manager-plugin is given: the override, AWS_ENDPOINT_URL, else the region's. */
export function ssmEndpointUrl(region: string, opts: AwsClientOptions): string {
  return (
    sanitizeEndpoint(opts.endpoint) ??
    sanitizeEndpoint(process.env.AWS_ENDPOINT_URL) ??
    `https://ssm.${region}.amazonaws.com`
  );
}

/**
 * The ExecApi of a connection before the SDK is loaded: region, profile and endpoint now; every other
 * property is a method of the connection's real ExecApi (./execApi.ts), loaded with the SDK on first
 * call. A Proxy, so every ExecApi method is forwarded without a list to keep (the entry bundle is at its
 * size budget). Not a thenable: `then` and symbols read as undefined.
 */
function lazyExecView(connection: Connection, ssmUrl: string, load: () => Promise<SdkConnection>): ExecApi {
  const fixed: Record<string, unknown> = {
    region: connection.region,
    profile: connection.profile,
    ssmEndpointUrl: ssmUrl,
  };
  return new Proxy(fixed, {
    get: (t, m) =>
      typeof m !== 'string' || m === 'then' || m in t
        ? t[m as string]
        : async (...args: unknown[]) =>
            ((await load()).exec as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[m](...args),
  }) as unknown as ExecApi;
}
