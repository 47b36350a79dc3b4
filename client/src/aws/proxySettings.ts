/**
 * HTTPS proxies for everything Fargate Lens sends to AWS: the SSM data-channel WebSocket and the SDK
 * calls. The proxy is VS Code's `http.proxy` when set, else HTTPS_PROXY / HTTP_PROXY from the
 * environment; hosts in VS Code's `http.noProxy` or in NO_PROXY (comma- or space-separated hosts,
 * `.suffix` or `suffix` domain matches, `host:port`, `*`) go direct, decided per connection. Connections
 * go through the proxy with HTTP CONNECT (https-proxy-agent), so TLS to AWS stays end to end. A proxy
 * reached over https may present a certificate from its own CA: Node trusts it once it is in
 * NODE_EXTRA_CA_CERTS (`ca` adds PEMs in code), and `http.proxyStrictSSL: false` accepts any
 * certificate on proxied connections (VS Code's meaning of that setting). Proxy credentials (in the URL,
 * or VS Code's `http.proxyAuthorization` header value) never reach a log.
 * This file decides; proxy.ts builds the agents (and loads https-proxy-agent only when a call needs it).
 */

export interface ProxySettings {
  /** http://host:port or https://host:port (user:password@ allowed). */
  proxy?: string;
  noProxy?: string;
  /** VS Code `http.proxyStrictSSL` (default true). */
  strictSSL?: boolean;
  /** CA certificates (PEM) to trust for the proxy and for TLS it intercepts, besides Node's own. */
  ca?: string[];
  /** VS Code `http.proxyAuthorization`: the Proxy-Authorization header sent with each CONNECT. */
  authorization?: string;
}

/** VS Code's `http` configuration section, as clientOptions passes it (read only when an agent is made). */
export interface HttpConfiguration {
  get<T>(key: string): T | undefined;
}

/** VS Code's `http.proxy`, `http.proxyStrictSSL`, `http.noProxy` (a list of hosts) and `http.proxyAuthorization`. */
export function fromHttpConfiguration(http: HttpConfiguration): ProxySettings {
  const noProxy = http.get<string[]>('noProxy');
  const authorization = http.get<string | null>('proxyAuthorization');
  return {
    proxy: http.get<string>('proxy') || undefined,
    strictSSL: http.get<boolean>('proxyStrictSSL') ?? true,
    ...(Array.isArray(noProxy) && noProxy.length ? { noProxy: noProxy.join(',') } : {}),
    ...(authorization ? { authorization } : {}),
  };
}

/** VS Code's `http.noProxy` and the environment's NO_PROXY together: a host either names goes direct. */
export function mergedNoProxy(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return [given, env.NO_PROXY ?? env.no_proxy].filter((v) => !!v?.trim()).join(',') || undefined;
}

/** VS Code's setting first, then the usual environment variables. */
export function proxySettingsFrom(
  vscodeProxy: string | undefined,
  strictSSL: boolean | undefined,
  env: NodeJS.ProcessEnv = process.env,
  ca?: string[],
): ProxySettings {
  const proxy = vscodeProxy?.trim() || env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  return { proxy: proxy || undefined, noProxy: env.NO_PROXY ?? env.no_proxy, strictSSL: strictSSL ?? true, ca };
}

/** Whether NO_PROXY sends this host (and port) direct. */
export function bypassesProxy(host: string, port: string, noProxy: string | undefined): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of (noProxy ?? '').split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry)!;
    const name = m[1].replace(/^\*?\./, '.');
    if (m[2] && m[2] !== port) continue;
    if (name.startsWith('.') ? h.endsWith(name) || h === name.slice(1) : h === name || h.endsWith(`.${name}`))
      return true;
  }
  return false;
}

/** The proxy URL for a target URL, or undefined to go direct. */
export function proxyFor(target: string, s: ProxySettings): string | undefined {
  if (!s.proxy) return undefined;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  const port = url.port || (secure ? '443' : '80');
  return bypassesProxy(url.hostname, port, s.noProxy) ? undefined : s.proxy;
}

/** A proxy URL for messages: host and port only, never the credentials. */
export function describeProxy(proxy: string): string {
  try {
    const u = new URL(proxy);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'the configured proxy';
  }
}
