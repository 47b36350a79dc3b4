/**
 * The agent's session plugin for the fake endpoint, following amazon-ssm-agent (3.3.x):
 * - Handshake or not: `agent/session/plugins/sessionplugin/sessionplugin.go` `Execute` performs it when
 *   the plugin requires one (NonInteractiveCommands, Port) or the session is KMS-encrypted, and skips it
 *   otherwise (ECS Exec's InteractiveCommands without KMS). While it runs, stream data other than its
 *   own answers is acknowledged and dropped (`datachannel.go` `processStreamDataMessage`).
 * - The command: in container mode `agent/session/shell/shell_unix.go` `StartCommandExecutor` runs `sh`
 *   for an empty command, else splits it with shlex and execs it without a shell (shlex.ts); a missing
 *   program fails the session with "Unable to start command: …" (`shell.go` `execute`).
 * - Interactive sessions (InteractiveCommands, Standard_Stream) run on a pty (`executeCommandsWithPty`):
 *   keystrokes are echoed and lines handed to the program, Size messages set the window
 *   (`shell_unix.go` `InputStreamMessageHandler`, `SetSize`), output is sent as it comes with LF turned
 *   into CRLF by the pty. When the program exits the agent flushes and ends the session (`writePump`
 *   returns, `PrepareToCloseChannel`, Terminating): channel_closed with no Output and NO exit code.
 * - NonInteractiveCommands with separateOutputStream (`processCommandsWithOutputStreamSeparate`) has no
 *   pty and ignores Size: stdout goes as Output, stderr as StdErr, then `sendExitCode` sends
 *   "EXIT_CODE: <n>" as payload type 12, then the channel closes. Without separate streams
 *   (`processCommandsWithExec`) the combined output is sent and there is no exit code either.
 * - Output, StdErr and ExitCode are sealed once KMS is on; only client Output is opened
 *   (`datachannel.go` `SendStreamDataMessage`, `processStreamDataMessage`). Empty payloads are not sent.
 * The program itself is the fake container's `sh` (fakeSh.ts) or one of its utilities.
 */
import { AgentHandshake, type HandshakeOptions } from './fakeHandshake';
import { agentOpen, agentSeal } from './fakeKms';
import { MiniSh, ShExit, type ShIo } from './fakeSh';
import { shlexSplit } from './shlex';

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

export type SessionType = 'InteractiveCommands' | 'NonInteractiveCommands' | 'Standard_Stream';

export interface ShellOptions extends HandshakeOptions {
  /** The ExecuteCommand command (ECS passes it to the agent); `/bin/sh` when absent. */
  command?: string;
  /** ECS Exec is InteractiveCommands; the others are what SSM documents can ask for. */
  sessionType?: SessionType;
  /** NonInteractiveCommands only: stdout and stderr apart, and the exit code at the end (default true). */
  separateOutputStream?: boolean;
  /** Force the handshake on a session type that does not require one. */
  handshake?: boolean;
  /** Programs the container image has (default: /bin/sh, sh and the fake sh's utilities). */
  programs?: string[];
  prompt?: string;
}

export interface ShellIo {
  sendStream(payloadType: number, payload: Buffer): void;
  /** Sends channel_closed once everything before it is acknowledged. */
  closeChannel(output: string): void;
  emit(event: string, data?: unknown): void;
}

const SHELLS = ['/bin/sh', 'sh', '/bin/bash', 'bash'];
const UTILITIES = ['echo', 'printf', 'true', 'false', 'stty', 'pwd', 'ls', 'cat', 'wc', 'whoami', 'hostname', 'env'];

type Phase = 'handshake' | 'challenge' | 'running' | 'done';

export class FakeShell {
  private phase: Phase = 'handshake';
  private readonly handshake: AgentHandshake;
  private line = '';
  private size?: { cols: number; rows: number };
  private sh?: MiniSh;
  private readonly sessionType: SessionType;

  constructor(
    private readonly opts: ShellOptions,
    private readonly io: ShellIo,
  ) {
    this.handshake = new AgentHandshake(opts);
    this.sessionType = opts.sessionType ?? 'InteractiveCommands';
  }

  private get pty(): boolean {
    return this.sessionType !== 'NonInteractiveCommands';
  }

  start(): void {
    const requires = this.sessionType === 'NonInteractiveCommands' || this.opts.handshake;
    if (!requires && !this.opts.kms) return this.execute();
    // The SessionType action carries the plugin's GetPluginParameters, which is nil for every shell
    // plugin (`plugins/singlecommand/singlecommand.go`, `plugins/standardstream/standardstream.go`).
    this.sendJson(PT.handshakeRequest, this.handshake.request(this.sessionType, null));
  }

  onInput(payloadType: number, payload: Buffer): void {
    if (this.phase === 'handshake' && payloadType === PT.handshakeResponse)
      return this.advance(this.handshake.response(payload));
    if (this.phase === 'challenge' && payloadType === PT.challengeResponse)
      return this.advance(this.handshake.challengeResponse(payload));
    if (payloadType === PT.size && this.phase === 'done' && this.pty) {
      // The program has exited before the size came: the agent's SetSize fails on the closed pty.
      this.io.emit('size', JSON.parse(payload.toString('utf8')));
      return;
    }
    if (this.phase !== 'running') {
      this.io.emit('ignored-input', payload.length);
      return;
    }
    if (payloadType === PT.size) {
      if (!this.pty) return; // "Terminal resize message is ignored in NonInteractiveCommands plugin"
      this.size = JSON.parse(payload.toString('utf8'));
      this.io.emit('size', this.size);
      return;
    }
    if (payloadType !== PT.output) return;
    const keys = this.handshake.keys;
    const text = (keys ? agentOpen(keys.open, payload) : payload).toString('utf8');
    if (this.pty && this.sh) for (const ch of text) this.key(ch);
  }

  private advance(o: ReturnType<AgentHandshake['response']>): void {
    if ('error' in o) return this.fail(`Encountered error while initiating handshake. ${o.error}`);
    if (o.next === 'challenge') {
      this.phase = 'challenge';
      this.sendJson(PT.challengeRequest, o.payload);
      return;
    }
    if (this.handshake.keys) this.io.emit('challenge-ok');
    this.sendJson(PT.handshakeComplete, o.payload);
    this.io.emit('handshake-complete', {
      kms: !!this.opts.kms,
      challengeAcknowledged: this.handshake.challengeAcknowledged,
    });
    this.execute();
  }

  /** StartCommandExecutor, then the pty or exec path. */
  private execute(): void {
    this.phase = 'running';
    let argv: string[];
    try {
      argv = this.opts.command?.trim() ? shlexSplit(this.opts.command) : ['sh'];
    } catch (e) {
      return this.fail(`Unable to start command: Failed to parse commands input: ${(e as Error).message}\n`);
    }
    this.io.emit('command', argv);
    const programs = this.opts.programs ?? [...SHELLS, ...UTILITIES];
    if (!programs.includes(argv[0])) {
      const why = argv[0].includes('/')
        ? `fork/exec ${argv[0]}: no such file or directory`
        : `exec: "${argv[0]}": executable file not found in $PATH`;
      return this.fail(`Unable to start command: ${this.pty ? 'Failed to start pty: ' : ''}${why}\n`);
    }
    const [program, ...args] = argv;
    const shellIo = this.containerIo();
    if (SHELLS.includes(program) && args[0] === '-c') {
      this.sh = new MiniSh(shellIo, args.slice(3)); // sh -c script $0 $1 …
      return this.finish(this.runScript(args[1] ?? ''));
    }
    this.sh = new MiniSh(shellIo);
    if (SHELLS.includes(program) && !args.length && this.pty) return this.out(this.prompt);
    // A utility run directly: the argument vector as it is, no shell in between.
    return this.finish(this.runScript(argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')));
  }

  private get prompt(): string {
    return this.opts.prompt ?? '$ ';
  }

  private containerIo(): ShIo {
    return {
      out: (t) => this.out(t),
      err: (t) => (this.pty ? this.out(t) : this.send(PT.stdErr, Buffer.from(t))),
      size: () => (this.pty ? this.size : undefined),
    };
  }

  private runScript(script: string): number {
    try {
      return this.sh!.run(script);
    } catch (e) {
      if (e instanceof ShExit) return e.code;
      throw e;
    }
  }

  /** The program has exited: the exit code only where the agent sends one, then channel_closed. */
  private finish(code: number): void {
    this.phase = 'done';
    this.io.emit('exited', code);
    if (this.sessionType === 'NonInteractiveCommands' && (this.opts.separateOutputStream ?? true))
      this.send(PT.exitCode, Buffer.from(`EXIT_CODE: ${code}`));
    this.io.closeChannel('');
  }

  /** The session plugin failed: the service closes the channel with the plugin's error as Output. */
  private fail(reason: string): void {
    this.phase = 'done';
    this.io.emit('protocol-error', reason.trim());
    this.io.closeChannel(`----------ERROR-------\n${reason}`);
  }

  /** The pty line discipline (echo, ^C, backspace) in front of an interactive sh. */
  private key(ch: string): void {
    if (this.phase !== 'running') return;
    if (ch === '\r') {
      this.out('\n');
      const line = this.line;
      this.line = '';
      this.io.emit('line', line);
      try {
        this.sh!.run(line);
      } catch (e) {
        if (e instanceof ShExit) return this.finish(e.code);
        throw e;
      }
      this.out(this.prompt);
    } else if (ch === '\x03') {
      this.line = '';
      this.out(`^C\n${this.prompt}`);
    } else if (ch === '\x7f') {
      if (this.line) this.out('\b \b');
      this.line = this.line.slice(0, -1);
    } else {
      this.line += ch;
      this.out(ch);
    }
  }

  private out(text: string): void {
    if (!text) return;
    this.send(PT.output, Buffer.from(this.pty ? text.replace(/\r?\n/g, '\r\n') : text, 'utf8'));
  }

  /** Output, StdErr and ExitCode are sealed once KMS is on; handshake payloads never are. */
  private send(payloadType: number, data: Buffer): void {
    if (!data.length) return;
    const keys = this.handshake.keys;
    this.io.sendStream(payloadType, keys ? agentSeal(keys.seal, data) : data);
  }

  private sendJson(payloadType: number, value: unknown): void {
    this.io.sendStream(payloadType, Buffer.from(JSON.stringify(value)));
  }
}
