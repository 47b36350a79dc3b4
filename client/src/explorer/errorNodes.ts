/**
 * Error nodes of the explorer. A failure that concerns the whole connection (no or expired
 * credentials, an unreachable endpoint) is shown once, in place of the connection's folders, saying
 * where the calls went (profile, region, endpoint) with Retry / Open Settings / Show Logs; any other
 * failure is shown under the node whose children failed to load.
 */
import { describeAwsError, type AwsErrorInfo } from '../aws/errors';
import { connectionLabel } from '../aws/profiles';
import { nodes, type ExplorerNode } from './nodes';

/** Kinds that no call on this connection can get past (unlike access denied, which is per API). */
const CONNECTION_LEVEL: ReadonlySet<AwsErrorInfo['kind']> = new Set([
  'network',
  'no-credentials',
  'sso-expired',
  'expired-token',
]);

export function isConnectionLevel(info: AwsErrorInfo): boolean {
  return CONNECTION_LEVEL.has(info.kind);
}

const isCredentials = (info: AwsErrorInfo): boolean =>
  info.kind === 'sso-expired' || info.kind === 'no-credentials' || info.kind === 'expired-token';

/** The error under `parent`; its click action retries (or, for credentials, selects a profile). */
export function errorNode(parent: ExplorerNode, err: unknown): ExplorerNode {
  const info = describeAwsError(err, parent.conn.profile);
  const action = isCredentials(info)
    ? { command: 'fargateLens.selectProfile', title: 'Select profile' }
    : { command: 'fargateLens.refreshNode', title: 'Retry', args: [parent] };
  return nodes.message(parent, 'error', info.message, { detail: info.fix, action });
}

/** Where the calls went, for messages and tooltips: "profile dev, eu-west-1, endpoint http://localhost:5000". */
export function whereText(conn: ExplorerNode['conn'], endpoint: string | undefined): string {
  return `profile ${conn.profile ?? 'default'}, ${conn.region}, ${endpoint ? `endpoint ${endpoint}` : 'AWS endpoints'}`;
}

/** The one error shown in place of a connection's folders; click retries, the menu adds Open Settings and Show Logs. */
export function connectionErrorNode(
  connection: ExplorerNode,
  err: unknown,
  endpoint: string | undefined,
): ExplorerNode {
  const info = describeAwsError(err, connection.conn.profile);
  return nodes.message(connection, 'error', info.message, {
    detail: [info.fix, `(${whereText(connection.conn, endpoint)})`].filter(Boolean).join(' '),
    action: { command: 'fargateLens.refreshNode', title: 'Retry', args: [connection] },
    scope: 'connection',
  });
}

/** One log line for a failed load: which connection and node, and the redacted message. */
export function errorLogLine(node: ExplorerNode, err: unknown, endpoint: string | undefined): string {
  const info = describeAwsError(err, node.conn.profile);
  return `${connectionLabel(node.conn)} › ${node.kind}: ${info.message}${info.fix ? ` ${info.fix}` : ''} (${whereText(node.conn, endpoint)})`;
}
