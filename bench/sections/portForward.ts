/**
 * Port forwarding (client/src/portForward): a download through a multiplexed forward — the native
 * data channel, smux, the fake agent's port plugin (test/fakes) over a local WebSocket — against the
 * same download straight from the HTTP server, and the time to a small response on a new connection
 * (connect, request, response: the added latency) through the forward against straight. Both ratios are
 * measured in the same run; the fake agent runs in this process, so its work is counted too. Budgets
 * are informational: the real agent paces itself to about 1 MB/s (a 1 ms sleep per 1,024-byte message).
 */
import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startPortForward, type PortForwardApi } from '../../client/src/portForward/start';
import { FakeAgent } from '../../test/fakes/fakeAgent';
import { ratioRow, type BenchContext, type Row, type Section } from '../lib/results';
import { percentile } from '../lib/stats';

const TOKEN = 'bench-port-token';
const SESSION = 'bench-port-session';

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let n = 0;
      res.on('data', (d: Buffer) => (n += d.length));
      res.on('end', () => resolve(n));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export const portForward: Section = {
  name: 'portForward',
  async run(ctx: BenchContext): Promise<Row[]> {
    const section = 'portForward';
    const mb = ctx.ci ? 2 : 50;
    const samples = ctx.ci ? 5 : 30;
    const body = randomBytes(mb * 1024 * 1024);
    const server: Server = createServer((req, res) => {
      const data = req.url === '/big' ? body : Buffer.from('ok');
      res.writeHead(200, { 'content-length': data.length, connection: 'close' }).end(data);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const agent = await FakeAgent.start({ tokenValue: TOKEN, sessionId: SESSION, targetId: '', resendMs: 200 });
    const api: PortForwardApi = {
      region: 'us-east-1',
      describeTask: () => Promise.resolve(undefined),
      startSession: (req) => {
        agent.configure({ port: { portNumber: req.parameters.portNumber[0] } });
        return Promise.resolve({ sessionId: SESSION, streamUrl: agent.url, tokenValue: TOKEN });
      },
      terminateSession: () => Promise.resolve(),
      resumeSession: () => Promise.resolve(undefined),
      generateDataKey: () => Promise.reject(new Error('not encrypted')),
    };
    const forward = await startPortForward(api, {
      clusterArn: 'bench',
      taskArn: 'task',
      runtimeId: 'runtime',
      portNumber: port,
    });
    try {
      ctx.log(`portForward: ${mb} MB through the forward and straight, ${samples} small requests each`);
      await get(forward.localPort, '/small'); // warm both paths
      await get(port, '/small');
      const direct = await timed(() => get(port, '/big'));
      const through = await timed(() => get(forward.localPort, '/big'));
      const small = async (p: number) => {
        const xs: number[] = [];
        for (let i = 0; i < samples; i++) xs.push(await timed(() => get(p, '/small')));
        return percentile(xs, 50);
      };
      const latencyDirect = await small(port);
      const latencyThrough = await small(forward.localPort);
      const mbps = (ms: number) => mb / (ms / 1000);
      return [
        ratioRow({
          section,
          metric: `${mb} MB download through a forward: time (throughput ${mbps(through).toFixed(1)} MB/s)`,
          value: through,
          unit: 'ms',
          baseline: { name: `straight (${mbps(direct).toFixed(0)} MB/s)`, value: direct },
          budget: 'informational (the real agent paces to ~1 MB/s)',
        }),
        ratioRow({
          section,
          metric: `new connection + small response, median of ${samples}`,
          value: latencyThrough,
          unit: 'ms',
          baseline: { name: 'straight', value: latencyDirect },
          budget: 'informational',
        }),
      ];
    } finally {
      await forward.stop();
      await agent.close();
      server.closeAllConnections();
      server.close();
    }
  },
};
