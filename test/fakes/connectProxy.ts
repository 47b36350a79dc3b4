/**
 * A real forward proxy for tests: it accepts HTTP CONNECT (RFC 9110 §9.3.6), opens a TCP connection to
 * the requested host:port, answers "200 Connection Established" and relays bytes both ways, as corporate
 * proxies do. Over TLS (`tls` with a key and certificate, e.g. from a test CA) clients reach the proxy
 * itself over https. Anything but CONNECT gets 405. With `auth` (the expected Proxy-Authorization value)
 * a CONNECT without it gets 407 Proxy Authentication Required with a Proxy-Authenticate challenge
 * (RFC 9110 §15.5.8, §11.7.1), as an authenticating proxy answers. Records each tunnel's target.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';

export class ConnectProxy {
  readonly tunnels: string[] = [];
  /** CONNECTs refused for want of the right Proxy-Authorization. */
  readonly refused: string[] = [];
  /** The Proxy-Authorization value a CONNECT must carry (undefined: none needed). */
  auth?: string;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(tls?: { key: string; cert: string }): Promise<ConnectProxy> {
    const server: Server = tls ? createHttpsServer(tls) : createHttpServer();
    server.on('request', (_req, res) => {
      res.writeHead(405, { allow: 'CONNECT' });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const proxy = new ConnectProxy(server, `${tls ? 'https' : 'http'}://127.0.0.1:${port}`);
    server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => proxy.tunnel(req, client, head));
    return proxy;
  }

  private tunnel(req: IncomingMessage, client: Socket, head: Buffer): void {
    if (this.auth && req.headers['proxy-authorization'] !== this.auth) {
      this.refused.push(String(req.url));
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n');
      return;
    }
    const [host, port] = String(req.url).split(':');
    this.tunnels.push(String(req.url));
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.server.closeAllConnections(); // keep-alive clients (e.g. an SDK's agent) would hold close() open
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
