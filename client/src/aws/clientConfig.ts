/**
 * The one place that decides how SDK clients are configured: credentials from the standard chain
 * (environment, shared files incl. SSO and credential_process, container and instance roles) via
 * @aws-sdk/credential-providers, adaptive retry, timeouts, and an optional endpoint override.
 * Other features (ECS Exec) build their own SDK clients from `createAwsClientConfig`.
 *
 * The credential-providers package is loaded with a dynamic import, so nothing from the SDK is
 * evaluated until the first AWS call.
 */
import type { Agent } from 'node:http';
import type { HttpConfiguration, ProxySettings } from './proxySettings';
import type { Connection } from './types';

/** Structurally what the SDK expects for `credentials`. */
export type CredentialsProvider = () => Promise<{
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}>;

export interface AwsClientOptions {
  /** From the machine-scoped `fargateLens.aws.endpoint` setting; undefined lets the SDK use AWS_ENDPOINT_URL or the real endpoint. */
  endpoint?: string;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  /** VS Code's http.proxy / http.proxyStrictSSL (or its whole `http` section); HTTPS_PROXY, NO_PROXY fill in (aws/proxy.ts). */
  proxy?: ProxySettings | HttpConfiguration;
}

export interface AwsClientConfig {
  region: string;
  credentials: CredentialsProvider;
  endpoint?: string;
  retryMode: 'adaptive';
  maxAttempts: number;
  /** throwOnRequestTimeout: without it @smithy/node-http-handler only logs a warning and keeps waiting. */
  requestHandler: {
    requestTimeout: number;
    connectionTimeout: number;
    throwOnRequestTimeout: true;
    httpsAgent?: Agent;
    httpAgent?: Agent;
  };
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/** Accepts only http(s) URLs without credentials in them; anything else is ignored (undefined). */
export function sanitizeEndpoint(endpoint: string | undefined): string | undefined {
  if (!endpoint?.trim()) return undefined;
  try {
    const url = new URL(endpoint.trim());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined;
    return url.toString().replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/** host:port of an endpoint URL, for short labels. */
export function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

export async function createCredentialsProvider(profile: string | undefined): Promise<CredentialsProvider> {
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  return fromNodeProviderChain(profile ? { profile } : {});
}

/**
 * `{ region, credentials, endpoint, retryMode, maxAttempts, requestHandler }` ready to spread into any
 * SDK v3 client constructor: `new ECSClient(await createAwsClientConfig(conn, opts))`.
 */
export async function createAwsClientConfig(
  connection: Connection,
  options: AwsClientOptions = {},
  credentials?: CredentialsProvider,
): Promise<AwsClientConfig> {
  const endpoint = sanitizeEndpoint(options.endpoint);
  return {
    region: connection.region,
    credentials: credentials ?? (await createCredentialsProvider(connection.profile)),
    ...(endpoint ? { endpoint } : {}),
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      connectionTimeout: 10_000,
      throwOnRequestTimeout: true,
      // Proxy agents come with the SDK chunk (aws/proxy.ts), never at activation.
      ...(await import('./proxy')).sdkAgents(options),
    },
  };
}
