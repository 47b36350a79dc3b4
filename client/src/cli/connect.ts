/**
 * AWS access for the CLI: the standard credential chain (environment, shared files, SSO,
 * credential_process, container and instance roles) through the extension's one client factory, and
 * AWS_ENDPOINT_URL as every SDK honours it. Region: --region, AWS_REGION, AWS_DEFAULT_REGION, the
 * profile's region, then us-east-1 (the AWS CLI's order).
 */
import { createAwsClientFactory } from '../aws/factory';
import { readProfiles, resolveConnections } from '../aws/profiles';
import type { ApiFactory, AwsApis, Connection } from '../aws/types';
import type { ExecApi } from '../exec/ports';
import type { ParsedOptions } from './options';
import type { CliIo } from './types';

export async function cliConnection(opts: ParsedOptions, io: CliIo): Promise<Connection> {
  const profiles = await readProfiles(io.env).catch(() => []);
  const regions = opts.strings.region ? [opts.strings.region] : undefined;
  return resolveConnections({ profile: opts.strings.profile, regions }, io.env, profiles)[0];
}

export interface CliAws {
  readonly connection: Connection;
  readonly apis: AwsApis;
  /** The same client factory, for another region of the same profile (a log group elsewhere). */
  readonly apisFor: ApiFactory;
  /** The ECS Exec / SSM session view of the same connection (port forwarding). */
  readonly exec: ExecApi;
  /** Closes the SDK clients' sockets so the process can exit. */
  dispose(): void;
}

export async function cliAws(opts: ParsedOptions, io: CliIo): Promise<CliAws> {
  const connection = await cliConnection(opts, io);
  const factory = createAwsClientFactory(() => ({}));
  const apis = await factory.get(connection);
  const exec = factory.exec({ region: connection.region, profile: connection.profile });
  return { connection, apis, apisFor: factory.get, exec, dispose: () => factory.dispose() };
}
