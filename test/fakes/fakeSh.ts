/**
 * The container side of the fake: a small POSIX `sh` (IEEE Std 1003.1, Shell Command Language, §2.9
 * Shell Commands) standing in for the image's /bin/sh, so the fake agent can run what a real container
 * would without touching the host. It knows lists (`;`, newline), AND-OR lists (`&&`, `||`), pipelines
 * (`|`), subshells `( … )`, quoting ('…', "…", `\`), parameter expansion (`$?`, `$1`…, `$NAME`, `${NAME}`)
 * and assignments, and a few utilities: echo, printf, exit, eval, true, false, stty size, pwd, cd, ls,
 * cat, wc -l, whoami, hostname, env. Unknown commands fail with status 127 as dash reports them. Not
 * modelled: field splitting of unquoted expansions, globbing, redirections, background jobs.
 */
export interface ShIo {
  out(text: string): void;
  err(text: string): void;
  /** The terminal size (`stty size`), when the shell runs on a pty. */
  size(): { rows: number; cols: number } | undefined;
}

type Part = { text: string; quote: 'none' | 'single' | 'double' };
type Token = { op: string } | { word: Part[] };
type Node =
  | { kind: 'simple'; words: Part[][] }
  | { kind: 'subshell'; body: Node }
  | { kind: 'pipeline'; stages: Node[] }
  | { kind: 'andor'; first: Node; rest: { op: '&&' | '||'; node: Node }[] }
  | { kind: 'list'; items: Node[] };

export class ShExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const FILES: Record<string, string> = {
  '/etc/hostname': 'ip-10-0-1-23.ec2.internal\n',
  '/etc/os-release': 'NAME="Fake Linux"\nID=fake\n',
  '/app/README': 'A file in the fake container.\n',
};

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let parts: Part[] | undefined;
  const flush = () => {
    if (parts) out.push({ word: parts });
    parts = undefined;
  };
  const add = (text: string, quote: Part['quote']) => (parts ??= []).push({ text, quote });
  for (let i = 0; i < src.length;) {
    const c = src[i];
    const two = src.slice(i, i + 2);
    if (c === ' ' || c === '\t') {
      flush();
      i++;
    } else if (c === '#' && !parts) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (two === '&&' || two === '||') {
      flush();
      out.push({ op: two });
      i += 2;
    } else if (';\n|()'.includes(c)) {
      flush();
      out.push({ op: c });
      i++;
    } else if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new SyntaxError('unterminated quoted string');
      add(src.slice(i + 1, end), 'single');
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && '$`"\\\n'.includes(src[j + 1] ?? '')) j++;
        text += src[j++];
      }
      if (j >= src.length) throw new SyntaxError('unterminated quoted string');
      add(text, 'double');
      i = j + 1;
    } else if (c === '\\') {
      add(src[i + 1] ?? '', 'single');
      i += 2;
    } else {
      let j = i;
      while (j < src.length && !' \t;\n|()\'"\\'.includes(src[j]) && src.slice(j, j + 2) !== '&&') j++;
      add(src.slice(i, j), 'none');
      i = j;
    }
  }
  flush();
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const list = this.list();
    if (this.i < this.tokens.length) throw new SyntaxError(`syntax error near "${this.peekOp() ?? 'word'}"`);
    return list;
  }

  private peekOp(): string | undefined {
    const t = this.tokens[this.i];
    return t && 'op' in t ? t.op : undefined;
  }

  private list(): Node {
    const items: Node[] = [];
    for (;;) {
      while (this.peekOp() === ';' || this.peekOp() === '\n') this.i++;
      if (this.i >= this.tokens.length || this.peekOp() === ')') break;
      items.push(this.andOr());
    }
    return { kind: 'list', items };
  }

  private andOr(): Node {
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; node: Node }[] = [];
    for (let op = this.peekOp(); op === '&&' || op === '||'; op = this.peekOp()) {
      this.i++;
      while (this.peekOp() === '\n') this.i++;
      rest.push({ op, node: this.pipeline() });
    }
    return rest.length ? { kind: 'andor', first, rest } : first;
  }

  private pipeline(): Node {
    const stages = [this.command()];
    while (this.peekOp() === '|') {
      this.i++;
      stages.push(this.command());
    }
    return stages.length > 1 ? { kind: 'pipeline', stages } : stages[0];
  }

  private command(): Node {
    if (this.peekOp() === '(') {
      this.i++;
      const body = this.list();
      if (this.peekOp() !== ')') throw new SyntaxError('syntax error: ")" expected');
      this.i++;
      return { kind: 'subshell', body };
    }
    const words: Part[][] = [];
    for (let t = this.tokens[this.i]; t && 'word' in t; t = this.tokens[++this.i]) words.push(t.word);
    if (!words.length) throw new SyntaxError(`syntax error near "${this.peekOp() ?? 'end of file'}"`);
    return { kind: 'simple', words };
  }
}

export class MiniSh {
  status = 0;
  private cwd = '/';
  private readonly vars = new Map<string, string>([
    ['HOME', '/root'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['TERM', 'xterm-256color'],
  ]);

  constructor(
    private readonly io: ShIo,
    private readonly args: string[] = [],
  ) {}

  /** Runs a script; throws ShExit when it runs `exit`. Syntax errors fail with status 2, as in dash. */
  run(script: string, stdin = ''): number {
    let tree: Node;
    try {
      tree = new Parser(tokenize(script)).parse();
    } catch (e) {
      this.io.err(`sh: 1: ${(e as Error).message}\n`);
      return (this.status = 2);
    }
    return this.exec(tree, stdin, this.io);
  }

  private exec(n: Node, stdin: string, io: ShIo): number {
    switch (n.kind) {
      case 'list':
        for (const item of n.items) this.status = this.exec(item, stdin, io);
        return this.status;
      case 'andor': {
        let s = (this.status = this.exec(n.first, stdin, io));
        for (const r of n.rest) if ((r.op === '&&') === (s === 0)) s = this.status = this.exec(r.node, stdin, io);
        return s;
      }
      case 'pipeline': {
        let input = stdin;
        n.stages.forEach((stage, k) => {
          let captured = '';
          const last = k === n.stages.length - 1;
          const stageIo = last ? io : { ...io, out: (t: string) => void (captured += t) };
          this.status = this.sub(() => this.exec(stage, input, stageIo));
          input = captured;
        });
        return this.status;
      }
      case 'subshell':
        return this.sub(() => this.exec(n.body, stdin, io));
      case 'simple':
        return this.simple(
          n.words.map((w) => this.expand(w)),
          stdin,
          io,
        );
    }
  }

  /** A subshell: `exit` ends only it, and its variables and directory do not leak. */
  private sub(body: () => number): number {
    const saved = { vars: new Map(this.vars), cwd: this.cwd };
    try {
      return body();
    } catch (e) {
      if (e instanceof ShExit) return e.code;
      throw e;
    } finally {
      this.vars.clear();
      for (const [k, v] of saved.vars) this.vars.set(k, v);
      this.cwd = saved.cwd;
    }
  }

  private expand(word: Part[]): string {
    return word
      .map((p) =>
        p.quote === 'single'
          ? p.text
          : p.text.replace(/\$(\?|\d|\{\w+\}|[A-Za-z_]\w*)/g, (_m, name: string) => {
              const key = name.replace(/^\{|\}$/g, '');
              if (key === '?') return String(this.status);
              if (/^\d$/.test(key)) return key === '0' ? 'sh' : (this.args[Number(key) - 1] ?? '');
              return this.vars.get(key) ?? '';
            }),
      )
      .join('');
  }

  private simple(argv: string[], stdin: string, io: ShIo): number {
    while (argv.length && /^[A-Za-z_]\w*=/.test(argv[0])) {
      const a = argv.shift()!;
      this.vars.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    }
    if (!argv.length) return 0;
    const [cmd, ...args] = argv;
    switch (cmd) {
      case 'exit':
        throw new ShExit(args[0] === undefined ? this.status : Number(args[0]) & 255);
      case 'eval':
        return this.run(args.join(' '), stdin);
      case 'true':
      case ':':
        return 0;
      case 'false':
        return 1;
      case 'echo': {
        const noNewline = args[0] === '-n';
        io.out(`${(noNewline ? args.slice(1) : args).join(' ')}${noNewline ? '' : '\n'}`);
        return 0;
      }
      case 'printf':
        io.out(printf(args[0] ?? '', args.slice(1)));
        return 0;
      case 'stty': {
        const size = io.size();
        if (args[0] !== 'size' || !size) {
          io.err('stty: standard input: Inappropriate ioctl for device\n');
          return 1;
        }
        io.out(`${size.rows} ${size.cols}\n`);
        return 0;
      }
      case 'pwd':
        io.out(`${this.cwd}\n`);
        return 0;
      case 'cd':
        this.cwd = args[0] ?? '/root';
        return 0;
      case 'ls':
        io.out(this.cwd === '/app' ? 'README\n' : 'app  bin  etc  root  usr\n');
        return 0;
      case 'cat': {
        if (!args.length) io.out(stdin);
        for (const f of args) {
          if (FILES[f] === undefined) {
            io.err(`cat: ${f}: No such file or directory\n`);
            return 1;
          }
          io.out(FILES[f]);
        }
        return 0;
      }
      case 'wc':
        io.out(`${stdin.split('\n').length - 1}\n`);
        return 0;
      case 'whoami':
        io.out('root\n');
        return 0;
      case 'hostname':
        io.out(FILES['/etc/hostname']);
        return 0;
      case 'env':
        io.out([...this.vars].map(([k, v]) => `${k}=${v}\n`).join(''));
        return 0;
      default:
        io.err(`sh: 1: ${cmd}: not found\n`);
        return 127;
    }
  }
}

/** printf(1) with %s, %d, %% and the escapes \n, \r, \t, \\ in the format. */
function printf(format: string, args: string[]): string {
  let k = 0;
  return format
    .replace(/\\([nrt\\])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c] ?? c)
    .replace(/%([sd%])/g, (_m, c: string) => {
      if (c === '%') return '%';
      const a = args[k++] ?? '';
      return c === 'd' ? String(Number.parseInt(a, 10) || 0) : a;
    });
}
