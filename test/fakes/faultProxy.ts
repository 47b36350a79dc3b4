/**
 * A fault-injecting HTTP proxy between the AWS SDK and moto. Requests pass through unchanged unless a
 * rule matches, by operation (X-Amz-Target for the JSON protocols, Action= for EC2's query protocol, the
 * REST path for EFS) and by region (the SigV4 credential scope in the Authorization header). Every
 * request is recorded, with its attempt header and body, so tests can count retries and compare what
 * retried requests carried.
 *
 * Faults: AWS error bodies in the caller's protocol (ThrottlingException, ExpiredTokenException,
 * AccessDeniedException), plain 5xx, a socket held open without answering (slow, past the client
 * timeout), a reset connection before forwarding, a response lost after moto processed the request, and
 * a signature error that echoes the caller's credential scope and session token (for leak tests).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | 'throttle'
  | '5xx'
  | 'slow'
  | 'reset'
  | 'lost-response'
  | 'expired-token'
  | 'access-denied'
  /** SignatureDoesNotMatch whose message echoes the signed headers, session token included, as AWS's can. */
  | 'signature-mismatch';

export interface FaultRule {
  fault: Fault;
  /** Operation name (`ListClusters`); undefined matches every operation. */
  op?: string | RegExp;
  /** Region from the credential scope; undefined matches every region. */
  region?: string;
  /** How many matching requests to fault (default: all of them). */
  times?: number;
}

export interface RecordedRequest {
  op: string;
  region: string;
  /** From the SDK's `amz-sdk-request: attempt=N; max=M` header (0 when absent). */
  attempt: number;
  at: number;
  body: string;
  /** The access key id from the SigV4 credential scope and the session token header, as sent. */
  accessKeyId: string;
  sessionToken?: string;
  fault?: Fault;
}

type Protocol = 'json' | 'rest-json' | 'query';

const ERRORS: Record<
  'throttle' | 'expired-token' | 'access-denied',
  { code: string; message: (op: string) => string }
> = {
  throttle: { code: 'ThrottlingException', message: () => 'Rate exceeded' },
  'expired-token': {
    code: 'ExpiredTokenException',
    message: () => 'The security token included in the request is expired',
  },
  'access-denied': {
    code: 'AccessDeniedException',
    message: (op) => `User: arn:aws:iam::123456789012:user/fault-test is not authorized to perform: ${op}`,
  },
};

/** EFS is REST-JSON: name the calls the explorer makes from method and path. */
function restOperation(method: string, url: string): string {
  const path = url.split('?')[0];
  if (method === 'GET' && /\/file-systems$/.test(path)) return 'DescribeFileSystems';
  if (method === 'GET' && /\/access-points$/.test(path)) return 'DescribeAccessPoints';
  if (method === 'GET' && /\/mount-targets$/.test(path)) return 'DescribeMountTargets';
  return `${method} ${path}`;
}

export function regionOf(authorization: string | undefined): string {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization ?? '')?.[1] ?? '';
}

export class FaultProxy {
  readonly requests: RecordedRequest[] = [];
  private rules: Array<FaultRule & { used: number }> = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    private readonly upstream: string,
  ) {}

  static async start(upstream: string): Promise<FaultProxy> {
    let proxy: FaultProxy | undefined;
    const server = createServer((req, res) => void proxy!.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new FaultProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, upstream);
    server.on('connection', (s) => {
      proxy.sockets.add(s);
      s.once('close', () => proxy.sockets.delete(s));
    });
    return proxy;
  }

  /** Adds a rule; earlier rules win. */
  inject(rule: FaultRule): this {
    this.rules.push({ ...rule, used: 0 });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** Recorded requests for one operation (and region). */
  calls(op: string, region?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.op === op && (region === undefined || r.region === region));
  }

  faultsInjected(): number {
    return this.requests.filter((r) => r.fault).length;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private match(op: string, region: string): Fault | undefined {
    for (const r of this.rules) {
      const opOk = r.op === undefined || (typeof r.op === 'string' ? r.op === op : r.op.test(op));
      if (!opOk || (r.region !== undefined && r.region !== region) || r.used >= (r.times ?? Infinity)) continue;
      r.used++;
      return r.fault;
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const target = String(req.headers['x-amz-target'] ?? '');
    const action = new URLSearchParams(body).get('Action');
    const protocol: Protocol = target ? 'json' : action ? 'query' : 'rest-json';
    const op = target
      ? target.slice(target.indexOf('.') + 1)
      : (action ?? restOperation(req.method ?? 'GET', req.url ?? '/'));
    const region = regionOf(req.headers.authorization);
    const attempt = Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 0);
    const fault = this.match(op, region);
    const accessKeyId = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const token = req.headers['x-amz-security-token'];
    this.requests.push({
      op,
      region,
      attempt,
      at: Date.now(),
      body,
      accessKeyId,
      ...(typeof token === 'string' ? { sessionToken: token } : {}),
      ...(fault ? { fault } : {}),
    });

    switch (fault) {
      case 'slow':
        return; // hold the socket without answering until the client gives up (or close())
      case 'reset':
        req.socket.destroy();
        return;
      case '5xx':
        return send(res, 503, protocol, 'ServiceUnavailable', 'Service is unavailable (injected)');
      case 'throttle':
      case 'expired-token':
      case 'access-denied': {
        const e = ERRORS[fault];
        return send(res, 400, protocol, e.code, e.message(op)); // the AWS JSON protocols answer client errors with 400
      }
      case 'signature-mismatch': {
        const echoed = `Credential=${/Credential=([^,\s]+)/.exec(req.headers.authorization ?? '')?.[1] ?? ''} x-amz-security-token:${String(req.headers['x-amz-security-token'] ?? '')}`;
        return send(
          res,
          403,
          protocol,
          'SignatureDoesNotMatch',
          `The request signature we calculated does not match the signature you provided. The canonical string for this request should have been 'POST / ${echoed}'`,
        );
      }
      default:
        break;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && k !== 'host' && k !== 'content-length' && k !== 'connection') headers[k] = v;
    const upstream = await fetch(`${this.upstream}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: body || undefined,
    });
    const text = await upstream.text();
    if (fault === 'lost-response') {
      req.socket.destroy(); // moto did the work; the caller never hears about it
      return;
    }
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
      'x-amzn-requestid': 'fault-proxy',
    });
    res.end(text);
  }
}

function send(res: ServerResponse, status: number, protocol: Protocol, code: string, message: string): void {
  const headers: Record<string, string> = { 'x-amzn-requestid': 'fault-proxy-injected' };
  let body: string;
  if (protocol === 'query') {
    headers['content-type'] = 'text/xml';
    body = `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>fault-proxy</RequestID></Response>`;
  } else if (protocol === 'rest-json') {
    headers['content-type'] = 'application/json';
    headers['x-amzn-errortype'] = code;
    body = JSON.stringify({ message });
  } else {
    headers['content-type'] = 'application/x-amz-json-1.1';
    body = JSON.stringify({ __type: code, message });
  }
  res.writeHead(status, headers);
  res.end(body);
}
