/**
 * `fargate-lens lint`: the language service as a command-line linter for CI. Every file is indexed
 * first so that service / run-task inputs are checked against the task definitions given with them.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, UsageError, USAGE, type LintArgs } from './cli/args';
import { collectTargets, type TargetProblem } from './cli/files';
import { MAX_FILE_SIZE_KB } from './protocol';
import { describeSkip, readRegularFileSync } from './readFile';
import { formatJson, formatSarif, formatText, type OutFile, type OutRange } from './cli/format';
import { afterOutput, stdoutIsTerminal, writeOut, WriteError } from './cli/output';
import {
  ALL_RULES,
  fileFilter,
  getLanguageService,
  RULES_BY_ID,
  type DocumentModel,
  type Span,
} from './service/languageService';

/** Commands of this bundle; any other command is an AWS subcommand of dist/cli-aws.js (client/src/cli). */
const LINT_COMMANDS = new Set(['lint', 'rules', 'help']);

/**
 * The AWS subcommands (logs, diagnose, diff, verify, port-forward) live in dist/cli-aws.js, next to this
 * bundle, loaded only when one runs so `lint` never loads the AWS SDK.
 */
async function runAwsCommand(argv: string[]): Promise<number> {
  let mod: { run(argv: readonly string[]): Promise<number> };
  try {
    // A run-time path: the AWS commands are a separate bundle, not part of this one.
    const file = join(__dirname, 'cli-aws.js');
    mod = require(file) as typeof mod;
  } catch (e) {
    process.stderr.write(
      `fargate-lens: cannot load the AWS commands (${(e as Error).message}); rebuild with npm run build\n`,
    );
    return 2;
  }
  return mod.run(argv);
}

declare const FARGATE_LENS_VERSION: string | undefined;
const VERSION = typeof FARGATE_LENS_VERSION === 'string' ? FARGATE_LENS_VERSION : '0.0.0-dev';

export async function runLint(args: LintArgs): Promise<{ output: string; exitCode: number }> {
  for (const id of Object.keys(args.rules)) {
    if (!RULES_BY_ID.has(id)) throw new UsageError(`unknown rule id '${id}' (run 'fargate-lens rules' for the list)`);
  }
  const problems: TargetProblem[] = [];
  const targets = collectTargets(args.paths, problems);
  const maxBytes = MAX_FILE_SIZE_KB * 1024;
  const filter = fileFilter({ include: args.include, exclude: args.exclude });
  const ls = getLanguageService();
  const docs: { file: string; doc: DocumentModel; explicit: boolean }[] = [];
  const tooLarge: string[] = [];
  const byUri = new Map<string, string>();
  for (const t of targets) {
    const verdict = filter(t.relative);
    if (verdict === 'exclude') continue;
    const read = readRegularFileSync(t.path, maxBytes);
    if (read.kind !== 'text') {
      // Walked files that are not regular are skipped; anything else is reported, never "clean".
      if (read.kind === 'not-regular' && !t.explicit) continue;
      if (read.kind === 'too-large') tooLarge.push(t.path);
      else problems.push({ path: t.path, message: describeSkip(read, maxBytes) });
      if (read.kind !== 'truncated') continue;
    }
    const text = read.text;
    const uri = pathToFileURL(t.path).href;
    const doc = ls.parse(uri, text, { force: verdict === 'force' });
    byUri.set(uri, t.path);
    ls.index.put(doc, { pin: true });
    if (t.explicit || doc.dialect !== 'none') docs.push({ file: t.path, doc, explicit: t.explicit });
  }
  const range = (doc: { text: string }, s: Span): OutRange => {
    const idx = ls.positions(doc);
    return { start: idx.positionAt(s.offset), end: idx.positionAt(s.offset + s.length) };
  };
  let errors = 0;
  const files: OutFile[] = [];
  const at0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const file of tooLarge)
    files.push({
      file,
      diagnostics: [
        {
          ruleId: 'file/too-large',
          severity: 'warning',
          message: `Not checked: the file is larger than the limit of ${maxBytes} bytes.`,
          range: at0,
          related: [],
        },
      ],
    });
  for (const { file, doc } of docs) {
    const diagnostics = await ls.validateAll(doc, { rules: args.rules, fold: false });
    files.push({
      file,
      diagnostics: diagnostics.map((d) => {
        if (d.severity === 'error') errors++;
        return {
          ruleId: d.ruleId,
          severity: d.severity,
          message: d.message,
          range: range(doc, d.span),
          related: (d.related ?? []).map((r) => {
            const other = ls.index.get(r.uri) ?? (r.uri === doc.uri ? doc : undefined);
            return {
              file: byUri.get(r.uri) ?? r.uri,
              range: other
                ? range(other, r.span)
                : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              message: r.message,
            };
          }),
        };
      }),
    });
  }
  const color = args.color ?? (stdoutIsTerminal() && !process.env.NO_COLOR);
  const output =
    args.format === 'json'
      ? formatJson(files)
      : args.format === 'sarif'
        ? formatSarif(files, VERSION)
        : formatText(files, color);
  for (const p of problems) process.stderr.write(`fargate-lens: '${p.path}' ${p.message}\n`);
  // Something could not be examined: the run did not check everything it was asked to (exit 2).
  return { output, exitCode: problems.length ? 2 : errors > 0 ? 1 : 0 };
}

/** Runs the command line; `out` receives standard output (tests pass their own). */
export async function main(argv: string[], out: (text: string) => void = writeOut): Promise<number> {
  if (argv.length > 0 && !argv[0].startsWith('-') && !LINT_COMMANDS.has(argv[0])) return runAwsCommand(argv);
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      out(USAGE + '\n');
      return 0;
    }
    if (args.command === 'version') {
      out(VERSION + '\n');
      return 0;
    }
    if (args.command === 'rules') {
      out(ALL_RULES.map((r) => `${r.id.padEnd(34)} ${r.severity.padEnd(8)} ${r.title}\n`).join(''));
      return 0;
    }
    const { output, exitCode } = await runLint(args);
    out(output);
    return exitCode;
  } catch (e) {
    if (e instanceof WriteError) {
      process.stderr.write(`fargate-lens: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(
        `fargate-lens: ${e.message}\n${argv.length ? "Run 'fargate-lens --help' for usage.\n" : ''}`,
      );
      return 2;
    }
    process.stderr.write(`fargate-lens: internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => afterOutput(() => process.exit(code)));
}
