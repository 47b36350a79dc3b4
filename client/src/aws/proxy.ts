/** The CONNECT agents for proxySettings.ts's decisions (https-proxy-agent). */
import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { proxyFor, type ProxySettings } from './proxySettings';

export * from './proxySettings';

/** TLS options for the target connection: the extra CAs, and strictSSL. */
export function tlsOptions(s: ProxySettings): { ca?: string[]; rejectUnauthorized?: boolean } {
  return {
    ...(s.ca?.length ? { ca: s.ca } : {}),
    ...(s.strictSSL === false ? { rejectUnauthorized: false } : {}),
  };
}

/** An agent that tunnels to `target` through the proxy with CONNECT, or undefined to go direct. */
export function proxyAgent(target: string, s: ProxySettings): Agent | undefined {
  const proxy = proxyFor(target, s);
  if (!proxy) return undefined;
  return new HttpsProxyAgent(proxy, { keepAlive: true, ...tlsOptions(s) });
}
