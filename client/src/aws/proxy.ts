/** The CONNECT agents for proxySettings.ts's decisions (https-proxy-agent). */
import type { Agent, ClientRequest } from 'node:http';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, rootCertificates } from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import {
  bypassesProxy,
  fromHttpConfiguration,
  mergedNoProxy,
  proxyFor,
  proxySettingsFrom,
  type HttpConfiguration,
  type ProxySettings,
} from './proxySettings';

export * from './proxySettings';

/**
 * TLS options for connections through the proxy: extra CAs on top of Node's (a `ca` option alone would
 * replace them, and AWS's own certificates would then fail), and strictSSL.
 */
export function tlsOptions(s: ProxySettings): { ca?: string[]; rejectUnauthorized?: boolean } {
  return {
    ...(s.ca?.length ? { ca: [...rootCertificates, ...s.ca] } : {}),
    ...(s.strictSSL === false ? { rejectUnauthorized: false } : {}),
  };
}

/** VS Code's values as given; the environment fills in what they leave open (HTTPS_PROXY, NO_PROXY). */
export function effectiveSettings(given: ProxySettings, env = process.env): ProxySettings {
  return {
    ...proxySettingsFrom(given.proxy, given.strictSSL, env, given.ca),
    noProxy: mergedNoProxy(given.noProxy, env),
    ...(given.authorization ? { authorization: given.authorization } : {}),
  };
}

/** The CONNECT agent's options: keep-alive, the proxy's TLS options, Proxy-Authorization when set. */
function agentOptions(s: ProxySettings) {
  return {
    keepAlive: true,
    ...tlsOptions(s),
    ...(s.authorization ? { headers: { 'Proxy-Authorization': s.authorization } } : {}),
  };
}

/** An agent that tunnels to `target` through the proxy with CONNECT, or undefined to go direct. */
export function proxyAgent(target: string, given: ProxySettings, env = process.env): Agent | undefined {
  const s = effectiveSettings(given, env);
  const proxy = proxyFor(target, s);
  if (!proxy) return undefined;
  return new HttpsProxyAgent(proxy, agentOptions(s));
}

type ConnectOptions = Parameters<HttpsProxyAgent<string>['connect']>[1];

/**
 * One agent for every SDK client: NO_PROXY is decided per connection on the host being called (ECS,
 * CloudWatch Logs, STS… each have their own), the rest tunnels through the proxy.
 */
class RoutingProxyAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: string,
    private readonly settings: ProxySettings,
  ) {
    super(proxy, agentOptions(settings));
  }

  override async connect(req: ClientRequest, opts: ConnectOptions): Promise<Socket> {
    const host = opts.host ?? '';
    if (!bypassesProxy(host, String(opts.port), this.settings.noProxy)) return super.connect(req, opts);
    // Direct, with Node's own TLS checks (the proxy's CA and strictSSL are the proxy's business).
    const port = Number(opts.port);
    return opts.secureEndpoint
      ? tlsConnect({ host, port, ...(isIP(host) ? {} : { servername: host }) })
      : netConnect({ host, port });
  }
}

/** The proxy agents for SDK calls (https and, for a local endpoint, http). */
export function sdkAgents(options: { proxy?: ProxySettings | HttpConfiguration }): {
  httpsAgent?: Agent;
  httpAgent?: Agent;
} {
  const given = options.proxy;
  if (!given) return {};
  const s = effectiveSettings(
    'get' in given && typeof given.get === 'function' ? fromHttpConfiguration(given) : (given as ProxySettings),
  );
  if (!s.proxy) return {};
  const agent = new RoutingProxyAgent(s.proxy, s);
  return { httpsAgent: agent, httpAgent: agent };
}
