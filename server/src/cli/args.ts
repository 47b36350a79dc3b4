/** Command-line parsing for `fargate-lens lint`. Bad usage throws UsageError (exit 2, no stack trace). */
import type { SeveritySetting } from '../service/languageService';

export class UsageError extends Error {}

export type Format = 'text' | 'json' | 'sarif';

export interface LintArgs {
  command: 'lint';
  format: Format;
  rules: Record<string, SeveritySetting>;
  paths: string[];
  include: string[];
  exclude: string[];
  color: boolean | undefined;
}

export type Args = LintArgs | { command: 'help' } | { command: 'version' } | { command: 'rules' };

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

export const USAGE = `Usage: fargate-lens lint [options] PATH...

Lints ECS task definitions, service / run-task inputs and CloudFormation templates.
Directories are searched for files of those shapes.

Options:
  --format text|json|sarif   output format (default: text)
  --rule ID=SEVERITY         override a rule's severity (error, warning, info, hint, off); repeatable
  --include GLOB             treat matching files as ECS files even if detection says otherwise; repeatable
  --exclude GLOB             skip matching files; repeatable
  --no-color                 plain text output even on a terminal
  -h, --help                 show this help
  --version                  print the version

Other commands:
  fargate-lens rules         list the rules with their default severity

AWS commands (standard AWS credential chain; AWS_ENDPOINT_URL, --region and --profile honoured;
'fargate-lens COMMAND --help' for each):
  fargate-lens diagnose --cluster NAME [--service NAME | --task ID...] [--workspace DIR] [--format text|json]
                             why did the tasks stop? (exit 1 when a failure is found)
  fargate-lens diff PATH [--revision FAMILY[:N]] [--format text|json]
                             compare a task-definition file with its registered revision
  fargate-lens logs --cluster NAME (--task ID | --service NAME [--previous]) [--container NAME]
                    [--since 5m|1h|ISO-8601] [--filter PATTERN] [--follow] [--format text|json]
                             print or follow container logs (exit 2 when they cannot be read)
  fargate-lens port-forward --cluster NAME --task ID [--container NAME] --port N [--local-port M]
                            [--host HOST]
                             forward 127.0.0.1:M to port N of the task (or of HOST through it) until
                             interrupted (exit 2 when the session cannot start)
  fargate-lens verify PATH... [--format text|json|sarif] [--rule ID=SEVERITY]
                             verify images, secrets, roles, log groups and network against the
                             account before deploying (exit 1 when a reference fails)

Exit status: 0 no errors, 1 errors found, 2 bad usage or internal failure.`;

export function parseArgs(argv: string[]): Args {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  if (argv[0] === 'rules') return { command: 'rules' };
  if (argv[0] !== 'lint') throw new UsageError(`unknown command '${argv[0]}' (expected 'lint')`);
  const out: LintArgs = {
    command: 'lint',
    format: 'text',
    rules: {},
    paths: [],
    include: [],
    exclude: [],
    color: undefined,
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const name = a.startsWith('--') ? a.split('=')[0] : a;
    if (name === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif')
        throw new UsageError(`--format must be text, json or sarif, not '${f}'`);
      out.format = f;
    } else if (name === '--rule') {
      const spec = value();
      const m = /^([^=\s]+)=([a-z]+)$/.exec(spec);
      if (!m || !SEVERITIES.includes(m[2]))
        throw new UsageError(`--rule expects ID=SEVERITY with SEVERITY one of ${SEVERITIES.join(', ')}; got '${spec}'`);
      out.rules[m[1]] = m[2] as SeveritySetting;
    } else if (name === '--include') out.include.push(value());
    else if (name === '--exclude') out.exclude.push(value());
    else if (name === '--no-color') out.color = false;
    else if (name === '--color') out.color = true;
    else if (name === '-h' || name === '--help') return { command: 'help' };
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else out.paths.push(a);
  }
  if (out.paths.length === 0) throw new UsageError('no PATH given');
  return out;
}
