/**
 * The API factory the extension uses: one set of SDK-backed APIs per connection, created on first use.
 * `./sdk` (which statically imports @aws-sdk/client-*) is reached only through the dynamic import
 * below, so the SDK stays out of activation and can be split into its own chunk.
 */
import {
  createAwsClientConfig,
  createCredentialsProvider,
  type AwsClientOptions,
  type CredentialsProvider,
} from './clientConfig';
import { connectionKey } from './profiles';
import type { ApiFactory, AwsApis, Connection } from './types';

export interface CachingApiFactory {
  readonly get: ApiFactory;
  /** Forgets clients and credentials (after a profile or endpoint change, or to retry an SSO login). */
  clear(): void;
  dispose(): void;
}

export function createApiFactory(options: () => AwsClientOptions): CachingApiFactory {
  const apis = new Map<string, Promise<AwsApis>>();
  const credentials = new Map<string, Promise<CredentialsProvider>>();
  const destroyers: Array<() => void> = [];

  const credentialsFor = (profile: string | undefined): Promise<CredentialsProvider> => {
    const key = profile ?? '';
    let p = credentials.get(key);
    if (!p) {
      p = createCredentialsProvider(profile);
      credentials.set(key, p);
    }
    return p;
  };

  const build = async (connection: Connection): Promise<AwsApis> => {
    const opts = options();
    const config = await createAwsClientConfig(connection, opts, await credentialsFor(connection.profile));
    const sdk = await import('./sdk');
    const built = sdk.createSdkApis(connection, config);
    destroyers.push(built.destroy);
    return built.apis;
  };

  const get: ApiFactory = (connection) => {
    const key = `${connectionKey(connection)}|${options().endpoint ?? ''}`;
    let p = apis.get(key);
    if (!p) {
      p = build(connection);
      p.catch(() => apis.delete(key));
      apis.set(key, p);
    }
    return p;
  };

  const clear = (): void => {
    apis.clear();
    credentials.clear();
    for (const d of destroyers.splice(0)) d();
  };
  return { get, clear, dispose: clear };
}
