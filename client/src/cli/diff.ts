/**
 * `fargate-lens diff PATH [--revision FAMILY[:N]] [--region R] [--profile P] [--format text|json]`:
 * compares a task-definition file (register input, describe output, or a CloudFormation
 * AWS::ECS::TaskDefinition resource, JSON or YAML) with the latest ACTIVE revision of its family, or
 * the revision given, both normalised (client/src/deploy). Exit 0 no differences, 1 differences,
 * 2 bad usage, unreadable file, unknown revision or AWS unreachable.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareWithRegistered, NotRegisteredError, parseRevisionRef } from '../deploy/compare';
import { readFileTaskDefs, type FileTaskDef } from '../deploy/fileTaskDefs';
import { toDiffJson, toDiffText } from '../deploy/report';
import { cliAws } from './connect';
import { formatOption, parseOptions } from './options';
import { CliUsageError, type CliIo } from './types';

export const DIFF_USAGE = `Usage: fargate-lens diff PATH [--revision FAMILY[:N]] [--region R] [--profile P] [--format text|json]

Compares the task definition in PATH (JSON or YAML: register input, describe output, or a
CloudFormation AWS::ECS::TaskDefinition) with the latest ACTIVE revision of its family, or with
--revision. Both sides are normalised: read-only fields and AWS defaults removed, unordered lists
sorted, CloudFormation names mapped to API names; template placeholders are listed, not compared.

Exit status: 0 no differences, 1 differences, 2 bad usage or error.
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const opts = parseOptions(argv, { revision: 'string', format: 'string' });
  if (opts.flags.has('help')) {
    io.out(DIFF_USAGE);
    return 0;
  }
  const format = formatOption(opts, ['text', 'json'] as const);
  if (opts.positionals.length !== 1) throw new CliUsageError('give exactly one PATH');
  const revision = opts.strings.revision;
  const ref = revision === undefined ? undefined : parseRevisionRef(revision);
  if (revision !== undefined && !ref)
    throw new CliUsageError(`--revision must be FAMILY, FAMILY:N or a task definition ARN, not '${revision}'`);

  const path = resolve(io.cwd, opts.positionals[0]);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliUsageError(`cannot read ${opts.positionals[0]}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const { taskDefs, syntaxError } = readFileTaskDefs(pathToFileURL(path).href, text);
  const td = pick(taskDefs, ref?.family, opts.positionals[0], syntaxError);

  const aws = await cliAws(opts, io);
  try {
    const comparison = await compareWithRegistered(aws.apis.ecs, td, revision);
    if (format === 'json') io.out(JSON.stringify(toDiffJson(comparison), null, 2) + '\n');
    else io.out(toDiffText(comparison, `${opts.positionals[0]} (${aws.connection.region})`));
    return comparison.diff.differences.length === 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof NotRegisteredError) throw new CliUsageError(`${e.message} (${aws.connection.region})`);
    throw e;
  } finally {
    aws.dispose();
  }
}

/** The file's task definition to compare: the only one, or the one of the family --revision names. */
function pick(all: FileTaskDef[], family: string | undefined, shown: string, syntaxError?: string): FileTaskDef {
  if (all.length === 0)
    throw new CliUsageError(
      syntaxError ? `${shown} cannot be read: ${syntaxError}` : `${shown} holds no task definition`,
    );
  if (all.length === 1) return all[0];
  const named = family ? all.filter((t) => t.family === family || t.logicalId === family) : [];
  if (named.length === 1) return named[0];
  throw new CliUsageError(
    `${shown} holds ${all.length} task definitions (${all.map((t) => t.label).join(', ')}): pick one with --revision FAMILY[:N]`,
  );
}
