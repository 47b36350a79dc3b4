/**
 * How a port session carries TCP, decided as session-manager-plugin decides it
 * (`portsession/portsession.go` `Initialize`): a `LocalPortForwarding` session multiplexes over smux when
 * the agent version from the HandshakeRequest is above 3.0.196.0 (`config.go`
 * TCPMultiplexingSupportedAfterThisAgentVersion, `version/versionvalidator.go`
 * `DoesAgentSupportTCPMultiplexing`), else it is the basic mode: one TCP connection at a time. The
 * agent makes the same choice from our client version (`plugins/port/port.go` `GetSession`: at least
 * 1.1.70), which ours satisfies. The client keeps an smux keepalive only for agents up to 3.1.1511.0
 * (TCPMultiplexingWithSmuxKeepAliveDisabledAfterThisAgentVersion); the agent drops its own for clients
 * above 1.2.331.0 (`port.go` muxKeepAliveDisabledAfterThisClientVersion). TerminateSession as a flag
 * needs an agent above 2.3.722.0 (`basicportforwarding.go` `handleControlSignals`).
 */
export type ForwardMode = 'multiplexed' | 'basic';

export const MUX_AFTER_AGENT = '3.0.196.0';
export const KEEPALIVE_DISABLED_AFTER_AGENT = '3.1.1511.0';
export const TERMINATE_FLAG_AFTER_AGENT = '2.3.722.0';
/** smux DefaultConfig KeepAliveInterval (xtaci/smux v1.5.x `mux.go` `DefaultConfig`). */
export const SMUX_KEEPALIVE_MS = 10_000;
/**
 * smux DefaultConfig KeepAliveTimeout. smux `session.go` `keepalive` checks on a ticker of this period
 * whether any frame arrived since the last check (`dataReady`) and closes the session when none did,
 * unless its receive loop is blocked on a full buffer (`bucket` <= 0): silence caused by our own
 * back-pressure is not the peer's fault.
 */
export const SMUX_KEEPALIVE_TIMEOUT_MS = 30_000;

/** Compares dotted numeric versions; missing parts count as 0, a non-number part as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

const above = (version: string | undefined, floor: string) =>
  version !== undefined && compareVersions(version, floor) > 0;

export function chooseMode(properties: unknown, agentVersion: string | undefined): ForwardMode {
  const type =
    typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>).type : undefined;
  return type === 'LocalPortForwarding' && above(agentVersion, MUX_AFTER_AGENT) ? 'multiplexed' : 'basic';
}

export function clientKeepalive(agentVersion: string | undefined): boolean {
  return !above(agentVersion, KEEPALIVE_DISABLED_AFTER_AGENT);
}

export function agentTakesTerminateFlag(agentVersion: string | undefined): boolean {
  return above(agentVersion, TERMINATE_FLAG_AFTER_AGENT);
}
