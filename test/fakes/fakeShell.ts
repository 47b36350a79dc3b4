/**
 * The agent-side session behaviour of the fake endpoint: it demands the handshake (session type, and
 * KMS with an encryption challenge when configured), ignores input sent before the handshake
 * completes, then behaves like a tiny shell with terminal echo: `echo X` prints X, `stty size`
 * prints the last window size, `exit N` sends ExitCode N and closes the channel.
 */
import { randomBytes } from 'node:crypto';
import { agentOpen, agentSeal, type FakeKms } from './fakeKms';

export const PT = {
  output: 1,
  error: 2,
  size: 3,
  handshakeRequest: 5,
  handshakeResponse: 6,
  handshakeComplete: 7,
  challengeRequest: 8,
  challengeResponse: 9,
  stdErr: 11,
  exitCode: 12,
};

export interface ShellOptions {
  sessionId: string;
  targetId: string;
  kms?: FakeKms;
  handshake?: boolean;
  sessionType?: string;
  /** Non-interactive mode: run this line once ready, then exit with its status. */
  runOnReady?: string;
  prompt?: string;
}

export interface ShellIo {
  sendStream(payloadType: number, payload: Buffer): void;
  /** Sends channel_closed once everything before it is acknowledged. */
  closeChannel(output: string): void;
  emit(event: string, data?: unknown): void;
}

type Phase = 'handshake' | 'challenge' | 'shell' | 'done';

export class FakeShell {
  private phase: Phase = 'shell';
  private agentEncrypt?: Buffer;
  private agentDecrypt?: Buffer;
  private challenge?: Buffer;
  private line = '';
  private size?: { cols: number; rows: number };
  private readonly prompt: string;

  constructor(
    private readonly opts: ShellOptions,
    private readonly io: ShellIo,
  ) {
    this.prompt = opts.prompt ?? '$ ';
  }

  start(): void {
    if (this.opts.handshake || this.opts.kms) {
      this.phase = 'handshake';
      const actions: unknown[] = [
        {
          ActionType: 'SessionType',
          ActionParameters: { SessionType: this.opts.sessionType ?? 'InteractiveCommands', Properties: null },
        },
      ];
      if (this.opts.kms)
        actions.push({ ActionType: 'KMSEncryption', ActionParameters: { KMSKeyId: this.opts.kms.keyId } });
      this.sendJson(PT.handshakeRequest, { AgentVersion: '3.3.0.0', RequestedClientActions: actions });
    } else {
      this.ready();
    }
  }

  onInput(payloadType: number, payload: Buffer): void {
    if (payloadType === PT.size) {
      this.size = JSON.parse(payload.toString('utf8'));
      this.io.emit('size', this.size);
      return;
    }
    if (this.phase === 'handshake' && payloadType === PT.handshakeResponse) return this.onHandshakeResponse(payload);
    if (this.phase === 'challenge' && payloadType === PT.challengeResponse) return this.onChallengeResponse(payload);
    if (payloadType !== PT.output) return;
    if (this.phase !== 'shell') {
      this.io.emit('ignored-input', payload.length);
      return;
    }
    const text = (this.agentDecrypt ? agentOpen(this.agentDecrypt, payload) : payload).toString('utf8');
    for (const ch of text) this.key(ch);
  }

  private onHandshakeResponse(payload: Buffer): void {
    const res = JSON.parse(payload.toString('utf8')) as {
      ProcessedClientActions?: {
        ActionType: string;
        ActionStatus: number;
        ActionResult?: { KMSCipherTextKey?: string };
      }[];
    };
    const actions = res.ProcessedClientActions ?? [];
    const sessionType = actions.find((a) => a.ActionType === 'SessionType');
    if (sessionType?.ActionStatus !== 1) return this.fail('client did not accept the session type');
    if (!this.opts.kms) return this.complete();
    const kmsAction = actions.find((a) => a.ActionType === 'KMSEncryption');
    const blob = kmsAction?.ActionResult?.KMSCipherTextKey;
    if (kmsAction?.ActionStatus !== 1 || !blob) return this.fail('client did not complete KMS encryption');
    let key: Buffer;
    try {
      key = this.opts.kms.decrypt(Buffer.from(blob, 'base64'), {
        'aws:ssm:SessionId': this.opts.sessionId,
        'aws:ssm:TargetId': this.opts.targetId,
      });
    } catch {
      return this.fail('KMS data key could not be decrypted with this session context');
    }
    if (key.length !== 64) return this.fail('data key is not 64 bytes');
    this.agentEncrypt = key.subarray(0, 32); // the client decrypts with bytes 0–31
    this.agentDecrypt = key.subarray(32, 64);
    this.challenge = randomBytes(64);
    this.phase = 'challenge';
    this.sendJson(PT.challengeRequest, { Challenge: agentSeal(this.agentEncrypt, this.challenge).toString('base64') });
  }

  private onChallengeResponse(payload: Buffer): void {
    const res = JSON.parse(payload.toString('utf8')) as { Challenge?: string };
    let answer: Buffer | undefined;
    try {
      answer = agentOpen(this.agentDecrypt!, Buffer.from(res.Challenge ?? '', 'base64'));
    } catch {
      answer = undefined;
    }
    if (!answer || !this.challenge!.equals(answer)) return this.fail('encryption challenge failed');
    this.io.emit('challenge-ok');
    this.complete();
  }

  private complete(): void {
    this.sendJson(PT.handshakeComplete, { HandshakeTimeToComplete: 1_000_000, CustomerMessage: '' });
    this.io.emit('handshake-complete', { kms: !!this.opts.kms });
    this.ready();
  }

  private ready(): void {
    this.phase = 'shell';
    if (this.opts.runOnReady !== undefined) return this.run(this.opts.runOnReady);
    this.out(this.prompt);
  }

  private fail(reason: string): void {
    this.phase = 'done';
    this.io.emit('protocol-error', reason);
    this.io.closeChannel(`Session failed: ${reason}`);
  }

  private key(ch: string): void {
    if (this.phase !== 'shell') return;
    if (ch === '\r') {
      this.out('\r\n');
      const line = this.line;
      this.line = '';
      this.io.emit('line', line);
      this.run(line);
    } else if (ch === '\x03') {
      this.line = '';
      this.out(`^C\r\n${this.prompt}`);
    } else if (ch === '\x7f') {
      if (this.line) this.out('\b \b');
      this.line = this.line.slice(0, -1);
    } else {
      this.line += ch;
      this.out(ch);
    }
  }

  private run(line: string): void {
    const [cmd, ...args] = line.trim().split(/\s+/);
    if (cmd === 'exit') {
      this.phase = 'done';
      this.send(PT.exitCode, Buffer.from(String(Number(args[0] ?? 0))));
      this.io.closeChannel(`\r\n\r\nExiting session with sessionId: ${this.opts.sessionId}.\r\n\r\n`);
      return;
    }
    let status = 0;
    if (cmd === 'echo') this.out(`${args.join(' ')}\r\n`);
    else if (cmd === 'stty' && args[0] === 'size') this.out(`${this.size?.rows ?? 0} ${this.size?.cols ?? 0}\r\n`);
    else if (cmd) {
      this.send(PT.stdErr, Buffer.from(`sh: ${cmd}: not found\r\n`));
      status = 127;
    }
    if (this.opts.runOnReady !== undefined) return this.run(`exit ${status}`);
    this.out(this.prompt);
  }

  private out(text: string): void {
    this.send(PT.output, Buffer.from(text, 'utf8'));
  }

  /** Output, StdErr and ExitCode are encrypted once KMS is on; handshake payloads never are. */
  private send(payloadType: number, data: Buffer): void {
    this.io.sendStream(payloadType, this.agentEncrypt ? agentSeal(this.agentEncrypt, data) : data);
  }

  private sendJson(payloadType: number, value: unknown): void {
    this.io.sendStream(payloadType, Buffer.from(JSON.stringify(value)));
  }
}
