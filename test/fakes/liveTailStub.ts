/**
 * A CloudWatch Logs endpoint with Live Tail, for the one operation moto lacks: StartLiveTail is answered
 * here with a real event stream; every other call is passed through to `upstream` (moto).
 *
 * Wire format, as AWS documents it:
 * - StartLiveTail (CloudWatch Logs API Reference; AWS JSON 1.1, X-Amz-Target Logs_20140328.StartLiveTail)
 *   answers HTTP 200 with content-type application/vnd.amazon.eventstream and a stream of events:
 *   `sessionStart` once, then `sessionUpdate` ({ sessionMetadata: { sampled }, sessionResults: [...] })
 *   every second, with an empty sessionResults when nothing was ingested in that second, or the
 *   exceptions SessionTimeoutException / SessionStreamingException
 *   (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartLiveTail.html,
 *   API_StartLiveTailResponseStream.html). Here the test writes the updates with lines
 *   (`session.update`), and the stub sends the empty ones every `heartbeatMs` (1 s) in between.
 * - Event stream framing ("Event stream encoding", AWS Transcribe / S3 SelectObjectContent docs):
 *   prelude = total length (uint32 BE) + headers length (uint32 BE) + CRC32 of those 8 bytes; then the
 *   headers, the payload, and a CRC32 of everything before it. A header is name length (1 byte), name,
 *   value type (7 = string), value length (uint16 BE), value. Events carry `:message-type: event`,
 *   `:event-type: <member>`, `:content-type: application/json`; exceptions `:message-type: exception`
 *   and `:exception-type: <name>`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';

export function encodeEventStreamMessage(headers: Record<string, string>, payload: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const n = Buffer.from(name, 'utf8');
    const v = Buffer.from(value, 'utf8');
    const h = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
    h.writeUInt8(n.length, 0);
    n.copy(h, 1);
    h.writeUInt8(7, 1 + n.length);
    h.writeUInt16BE(v.length, 2 + n.length);
    v.copy(h, 4 + n.length);
    parts.push(h);
  }
  const headerBytes = Buffer.concat(parts);
  const total = 12 + headerBytes.length + payload.length + 4;
  const prelude = Buffer.alloc(12);
  prelude.writeUInt32BE(total, 0);
  prelude.writeUInt32BE(headerBytes.length, 4);
  prelude.writeUInt32BE(crc32(prelude.subarray(0, 8)), 8);
  const body = Buffer.concat([prelude, headerBytes, payload]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([body, crc]);
}

export const liveTailEvent = (type: 'sessionStart' | 'sessionUpdate', body: unknown): Buffer =>
  encodeEventStreamMessage(
    { ':message-type': 'event', ':event-type': type, ':content-type': 'application/json' },
    Buffer.from(JSON.stringify(body)),
  );

export const liveTailException = (name: string, message: string): Buffer =>
  encodeEventStreamMessage(
    { ':message-type': 'exception', ':exception-type': name, ':content-type': 'application/json' },
    Buffer.from(JSON.stringify({ message })),
  );

/** One open Live Tail session: the test writes updates to it. */
export interface LiveTailSession {
  request: Record<string, unknown>;
  update(results: Array<{ logStreamName: string; timestamp: number; message: string }>, sampled?: boolean): void;
  fail(name: string, message: string): void;
  closed: Promise<void>;
}

export class LiveTailStub {
  readonly sessions: LiveTailSession[] = [];
  private readonly waiters: Array<(s: LiveTailSession) => void> = [];

  private constructor(
    readonly server: Server,
    readonly endpoint: string,
  ) {}

  private heartbeatMs = 1000;

  static async start(upstream: string, opts: { heartbeatMs?: number } = {}): Promise<LiveTailStub> {
    let stub: LiveTailStub | undefined;
    const server = createServer((req, res) => void stub!.handle(upstream, req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    stub = new LiveTailStub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    stub.heartbeatMs = opts.heartbeatMs ?? stub.heartbeatMs;
    return stub;
  }

  /** The next session opened (or the latest, if one is already open and unclaimed). */
  nextSession(): Promise<LiveTailSession> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(upstream: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (req.headers['x-amz-target'] !== 'Logs_20140328.StartLiveTail') {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host') headers[k] = v;
      const r = await fetch(`${upstream}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: body.length ? body : undefined,
      });
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
      return;
    }
    const request = JSON.parse(body.toString() || '{}') as Record<string, unknown>;
    res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': 'stub' });
    const group = (request.logGroupIdentifiers as string[] | undefined)?.[0] ?? '';
    res.write(
      liveTailEvent('sessionStart', {
        requestId: 'stub',
        sessionId: `session-${this.sessions.length + 1}`,
        logGroupIdentifiers: request.logGroupIdentifiers,
        logStreamNames: request.logStreamNames,
        logEventFilterPattern: request.logEventFilterPattern,
      }),
    );
    const heartbeat = setInterval(
      () => void res.write(liveTailEvent('sessionUpdate', { sessionMetadata: { sampled: false }, sessionResults: [] })),
      this.heartbeatMs,
    );
    const closed = new Promise<void>((r) =>
      res.on('close', () => {
        clearInterval(heartbeat);
        r();
      }),
    );
    const session: LiveTailSession = {
      request,
      update: (results, sampled = false) =>
        void res.write(
          liveTailEvent('sessionUpdate', {
            sessionMetadata: { sampled },
            sessionResults: results.map((e) => ({ ...e, logGroupIdentifier: group, ingestionTime: e.timestamp })),
          }),
        ),
      fail: (name, message) => {
        clearInterval(heartbeat);
        res.write(liveTailException(name, message));
        res.end();
      },
      closed,
    };
    this.sessions.push(session);
    this.waiters.shift()?.(session);
  }
}
