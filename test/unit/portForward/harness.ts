/**
 * A port forward against the fake agent: a target HTTP server on 127.0.0.1, the fake agent whose port
 * plugin dials it, and an in-memory PortForwardApi whose StartSession hands the agent the session's
 * parameters (as the service does) and returns its token and stream URL. HTTP requests go through the
 * forward's 127.0.0.1 listener with no connection reuse.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeAgent } from '../../fakes/fakeAgent';
import { startPortForward, type ActiveForward, type PortForwardApi } from '../../../client/src/portForward/start';
import type { StartSessionRequest } from '../../../client/src/exec/ports';

export const SESSION_ID = 'port-session-1';
export const TOKEN = 'port-token-secret-value';
export const CLUSTER = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo';
export const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/demo/0123456789abcdef0123456789abcdef';
export const RUNTIME = '0123456789abcdef0123456789abcdef-1111111111';

/** 50 MB of random bytes served at /big; a POST answers the SHA-256 of its body; any other path a short text. */
export const BIG = randomBytes(50 * 1024 * 1024);
export const BIG_SHA = createHash('sha256').update(BIG).digest('hex');
/** The first 8 MB of BIG, at /medium. */
export const MEDIUM = BIG.subarray(0, 8 * 1024 * 1024);

export async function targetServer(): Promise<{ server: Server; port: number; uploads: string[] }> {
  const uploads: string[] = [];
  const server = createServer((req, res) => {
    if (req.url === '/big' || req.url === '/medium') {
      const data = req.url === '/big' ? BIG : MEDIUM;
      res.writeHead(200, { 'content-length': data.length, connection: 'close' });
      res.end(data);
      return;
    }
    if (req.method === 'POST') {
      const h = createHash('sha256');
      req.on('data', (d: Buffer) => h.update(d));
      req.on('end', () => {
        const digest = h.digest('hex');
        uploads.push(digest);
        res.writeHead(200, { connection: 'close' }).end(digest);
      });
      return;
    }
    const body = `hello from ${req.url}`;
    res.writeHead(200, { 'content-length': Buffer.byteLength(body), connection: 'close' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, uploads };
}

export interface PortHarness {
  agent: FakeAgent;
  forward: ActiveForward;
  target: Awaited<ReturnType<typeof targetServer>>;
  started: StartSessionRequest[];
  terminated: string[];
  logs: string[];
  close(): Promise<void>;
}

export async function portHarness(
  opts: { agentVersion?: string; portNumber?: number; host?: string; resume?: boolean } = {},
): Promise<PortHarness> {
  const target = await targetServer();
  const agent = await FakeAgent.start({
    tokenValue: TOKEN,
    sessionId: SESSION_ID,
    targetId: '',
    agentVersion: opts.agentVersion,
    resendMs: 200,
  });
  const started: StartSessionRequest[] = [];
  const terminated: string[] = [];
  const logs: string[] = [];
  const api: PortForwardApi = {
    region: 'us-east-1',
    describeTask: async (clusterArn, taskArn) => ({
      taskArn,
      clusterArn,
      lastStatus: 'RUNNING',
      containers: [{ name: 'web', runtimeId: RUNTIME, lastStatus: 'RUNNING' }],
    }),
    startSession: async (req) => {
      started.push(req);
      agent.configure({
        targetId: req.target,
        port: {
          portNumber: req.parameters.portNumber?.[0] ?? '',
          localPortNumber: req.parameters.localPortNumber?.[0],
          host: req.parameters.host?.[0],
        },
      });
      return { sessionId: SESSION_ID, streamUrl: agent.url, tokenValue: TOKEN };
    },
    terminateSession: async (id) => void terminated.push(id),
    resumeSession: async (id) => (opts.resume === false ? undefined : agent.resumeSession(id).tokenValue),
    generateDataKey: () => Promise.reject(new Error('port sessions are not KMS-encrypted')),
  };
  let forward: ActiveForward;
  try {
    forward = await startPortForward(
      api,
      { clusterArn: CLUSTER, taskArn: TASK, portNumber: opts.portNumber ?? target.port, host: opts.host },
      { log: (l) => logs.push(l) },
    );
  } catch (e) {
    await agent.close();
    target.server.close();
    throw e;
  }
  return {
    agent,
    forward,
    target,
    started,
    terminated,
    logs,
    close: async () => {
      await forward.stop();
      await agent.close();
      target.server.closeAllConnections();
      await new Promise((r) => target.server.close(r));
    },
  };
}

export interface Fetched {
  status: number;
  body: Buffer;
}

/** One HTTP request through the forward, on its own connection. */
export function fetchThrough(
  port: number,
  path: string,
  opts: { method?: string; body?: Buffer; onResponse?: (res: IncomingMessage) => void } = {},
): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', agent: false }, (res) => {
      opts.onResponse?.(res);
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
