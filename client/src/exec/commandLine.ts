/**
 * What "Run Command in Container" sends as the ExecuteCommand command, and how its exit code comes back.
 *
 * The agent runs that command without a shell: in container mode it splits it into words with shlex
 * and execs the first one (amazon-ssm-agent `agent/session/shell/shell_unix.go` `StartCommandExecutor`),
 * so pipes, `&&`, `;`, `$VAR`, redirections and globs mean nothing. And ECS Exec sessions are interactive
 * (a pty), which the agent ends without any exit code (`shell.go` `executeCommandsWithPty`). So the user's
 * command runs as `/bin/sh -c '(eval "$1"); printf "\n%s:%d\n" <marker> "$?"' sh '<command>'`: the
 * container's shell gives it the usual meaning, a subshell keeps `exit` and syntax errors from skipping
 * the marker, and the marker line carries the status; the client strips it (ExitMarkerFilter). Quoting
 * follows shlex's rules ('…' literal; a quote inside is closed, given as "'", and reopened), which are
 * also the shell's. A container without /bin/sh fails to start with "fork/exec /bin/sh: no such file
 * or directory" (missingShell); the command then runs as it is, with no exit code to report.
 */
import { randomBytes } from 'node:crypto';

export const SHELL = '/bin/sh';

/** Quotes one word for the agent's shlex split (and for sh): single quotes, `'` as `'"'"'`. */
export function quoteWord(word: string): string {
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}

export function newMarker(): string {
  return `__FARGATE_LENS_EXIT_${randomBytes(6).toString('hex')}__`;
}

export function wrapInShell(command: string, marker: string): string {
  const script = `(eval "$1"); printf "\\n%s:%d\\n" ${marker} "$?"`;
  return `${SHELL} -c ${quoteWord(script)} sh ${quoteWord(command)}`;
}

/** Whether a channel_closed error says the container has no /bin/sh to run the wrapper with. */
export function missingShell(agentError: string | undefined): boolean {
  return (
    !!agentError &&
    /Unable to start command/.test(agentError) &&
    new RegExp(`(fork/exec ${SHELL}: no such file or directory|exec: "${SHELL}": executable file not found)`).test(
      agentError,
    )
  );
}

/** Shell syntax that only means something to a shell, for the warning when none is used. */
export function shellSyntaxIn(command: string): string[] {
  const found: [RegExp, string][] = [
    [/\|/, 'pipes (|)'],
    [/&&|\|\|/, '&& / ||'],
    [/;/, 'command lists (;)'],
    [/\$\{?\w/, 'variables ($VAR)'],
    [/[<>]/, 'redirections (< >)'],
    [/[*?]/, 'globs (* ?)'],
  ];
  return found.filter(([re]) => re.test(command)).map(([, what]) => what);
}

/**
 * Takes the command's output as it streams and removes the marker line, keeping back only the few
 * characters at the end that could be its beginning. `code` is set once the marker has gone by.
 */
export class ExitMarkerFilter {
  code?: number;
  private pending = '';
  private readonly full: RegExp;

  constructor(private readonly marker: string) {
    this.full = new RegExp(`(?:\\r?\\n)?${marker}:(-?\\d+)\\r?\\n`);
  }

  push(text: string): string {
    this.pending += text;
    if (this.code === undefined) {
      const m = this.full.exec(this.pending);
      if (m) {
        this.code = Number(m[1]);
        this.pending = this.pending.slice(0, m.index) + this.pending.slice(m.index + m[0].length);
      }
    }
    const hold = this.code === undefined ? this.partialTail() : 0;
    const out = this.pending.slice(0, this.pending.length - hold);
    this.pending = this.pending.slice(out.length);
    return out;
  }

  /** What was held back, once the stream has ended. */
  end(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }

  private partialTail(): number {
    const p = this.pending;
    for (let i = Math.max(0, p.length - this.marker.length - 16); i < p.length; i++)
      if (this.couldStart(p.slice(i))) return p.length - i;
    return 0;
  }

  private couldStart(tail: string): boolean {
    let s = tail;
    if (s === '\r' || s === '\n' || s === '\r\n') return true;
    if (s.startsWith('\r\n')) s = s.slice(2);
    else if (s.startsWith('\n')) s = s.slice(1);
    if (s.length <= this.marker.length) return this.marker.startsWith(s);
    return s.startsWith(this.marker) && /^:-?\d*\r?$/.test(s.slice(this.marker.length));
  }
}
