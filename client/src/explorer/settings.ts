/**
 * Reads the explorer's settings from VS Code. Settings that choose credentials or redirect signed
 * requests (profile, regions, endpoint) are read from user/machine level only: a workspace value is
 * ignored even if present, on top of their application/machine scope in package.json.
 */
import * as vscode from 'vscode';
import { sanitizeEndpoint, type AwsClientOptions } from '../aws/clientConfig';
import type { ConnectionSettings } from '../commands/types';
import type { ExplorerSettings } from './model';

const SECTION = 'fargateLens';

/** A setting's user (or remote-machine) value or its default; a workspace or folder value is never read. */
export function userLevel<T>(key: string, fallback: T): T {
  const i = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue ?? fallback;
}

export function connectionSettings(): ConnectionSettings {
  const target = vscode.ConfigurationTarget.Global;
  return {
    profile: () => userLevel<string>('aws.profile', '') || undefined,
    regions: () => userLevel<string[]>('aws.regions', []),
    setProfile: (profile) =>
      Promise.resolve(vscode.workspace.getConfiguration(SECTION).update('aws.profile', profile ?? '', target)),
    setRegions: (regions) =>
      Promise.resolve(vscode.workspace.getConfiguration(SECTION).update('aws.regions', [...regions], target)),
  };
}

export function clientOptions(): AwsClientOptions {
  return {
    endpoint: userLevel<string>('aws.endpoint', '') || undefined,
    maxAttempts: userLevel<number>('aws.maxAttempts', 5),
    proxy: vscode.workspace.getConfiguration('http'), // read by aws/proxy.ts, with the SDK chunk
  };
}

export function explorerSettings(): ExplorerSettings & { refreshIntervalSeconds: number } {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    pageSize: Math.max(10, Math.min(1000, c.get<number>('explorer.pageSize', 100))),
    concurrency: Math.max(1, Math.min(16, c.get<number>('explorer.concurrency', 4))),
    showStoppedTasks: c.get<boolean>('explorer.showStoppedTasks', true),
    refreshIntervalSeconds: Math.max(0, c.get<number>('explorer.refreshInterval', 10)),
    endpoint: endpointInUse(),
  };
}

/** The endpoint calls go to when not AWS's own: the setting, else AWS_ENDPOINT_URL (as the SDK reads it). */
export function endpointInUse(): string | undefined {
  return sanitizeEndpoint(clientOptions().endpoint) ?? sanitizeEndpoint(process.env.AWS_ENDPOINT_URL);
}

export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return ['aws.profile', 'aws.regions', 'aws.endpoint', 'aws.maxAttempts'].some((k) =>
    e.affectsConfiguration(`${SECTION}.${k}`),
  );
}
