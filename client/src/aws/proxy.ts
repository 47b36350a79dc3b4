/** The CONNECT agents for proxySettings.ts's decisions (https-proxy-agent). */
import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import {
  fromHttpConfiguration,
  proxyFor,
  proxySettingsFrom,
  type HttpConfiguration,
  type ProxySettings,
} from './proxySettings';

export * from './proxySettings';

/** TLS options for the target connection: the extra CAs, and strictSSL. */
export function tlsOptions(s: ProxySettings): { ca?: string[]; rejectUnauthorized?: boolean } {
  return {
    ...(s.ca?.length ? { ca: s.ca } : {}),
    ...(s.strictSSL === false ? { rejectUnauthorized: false } : {}),
  };
}

/** An agent that tunnels to `target` through the proxy with CONNECT, or undefined to go direct. */
export function proxyAgent(target: string, given: ProxySettings, env = process.env): Agent | undefined {
  // VS Code's values as given; the environment fills in what they leave open (HTTPS_PROXY, NO_PROXY).
  const s = {
    ...proxySettingsFrom(given.proxy, given.strictSSL, env, given.ca),
    noProxy: given.noProxy ?? env.NO_PROXY ?? env.no_proxy,
  };
  const proxy = proxyFor(target, s);
  if (!proxy) return undefined;
  return new HttpsProxyAgent(proxy, { keepAlive: true, ...tlsOptions(s) });
}

/**
 * The proxy agents for SDK calls. NO_PROXY is decided once per client, on the endpoint override when
 * there is one, else on the regional AWS host (`ecs.<region>.amazonaws.com` stands for all of them).
 */
export function sdkAgents(
  region: string,
  endpoint: string | undefined,
  options: { proxy?: ProxySettings | HttpConfiguration },
): { httpsAgent?: Agent; httpAgent?: Agent } {
  const given = options.proxy;
  if (!given) return {};
  const proxy =
    'get' in given && typeof given.get === 'function' ? fromHttpConfiguration(given) : (given as ProxySettings);
  const target = endpoint ?? `https://ecs.${region}.amazonaws.com`;
  const agent = proxyAgent(target, proxy);
  if (!agent) return {};
  return target.startsWith('http:') ? { httpAgent: agent } : { httpsAgent: agent };
}
