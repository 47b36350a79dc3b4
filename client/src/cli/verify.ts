/**
 * `fargate-lens verify PATH... [--region R] [--profile P] [--format text|json|sarif] [--rule ID=SEVERITY]`:
 * pre-deploy verification from a terminal or CI. The references of each file (images, secrets, roles,
 * log groups, subnets, security groups, target groups; server/src/service/verify/references.ts) are
 * checked against the account exactly as the editor checks them (client/src/verify), and reported in
 * lint's formats and JSON shape. Only identifiers are sent to AWS; no secret value is ever read.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectTargets, type TargetProblem } from '../../../server/src/cli/files';
import { formatJson, formatSarif, formatText, type OutFile } from '../../../server/src/cli/format';
import { lineIndexOf } from '../../../server/src/service/documents/lineIndex';
import { getLanguageService } from '../../../server/src/service/languageService';
import { anchoredFindings } from '../../../server/src/service/liveFindings';
import { RULES_BY_ID } from '../../../server/src/service/rules';
import { applySuppressions } from '../../../server/src/service/suppress';
import type { SeveritySetting } from '../../../server/src/service/types';
import { resolveSeverities } from '../../../server/src/service/validate';
import { extractReferences } from '../../../server/src/service/verify/references';
import { VerifyCache } from '../verify/context';
import { verifyReferences } from '../verify/run';
import { cliAws } from './connect';
import { formatOption, parseOptions } from './options';
import { CliUsageError, type CliIo } from './types';

export const VERIFY_USAGE = `Usage: fargate-lens verify PATH... [--region R] [--profile P] [--format text|json|sarif]
                           [--rule ID=SEVERITY]

Verifies task definitions and service / run-task inputs against the AWS account before deploying:
images exist in their ECR repository (and are built for the task's runtimePlatform), secrets and SSM
parameters exist and the execution role may read them, roles exist and trust ecs-tasks.amazonaws.com,
awslogs groups exist (or awslogs-create-group is set), subnets / security groups exist in one VPC and
target groups exist with target type ip. Findings use the live/ rule ids; a check that cannot run is
reported as live/not-checked (info) with the reason. Directories are searched like 'fargate-lens lint'.

Output: text, json ([{"file", "diagnostics": [{"ruleId", "severity", "message", "range", "related"}]}])
or sarif, as 'fargate-lens lint'.

Exit status: 0 everything verified (or not checked), 1 a reference failed verification (a warning or an
error), 2 bad usage or AWS could not be reached.
`;

declare const FARGATE_LENS_VERSION: string | undefined;
const VERSION = typeof FARGATE_LENS_VERSION === 'string' ? FARGATE_LENS_VERSION : '0.0.0-dev';

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

function ruleOverrides(list: readonly string[] | undefined): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const r of list ?? []) {
    const eq = r.lastIndexOf('=');
    const id = r.slice(0, eq);
    const sev = r.slice(eq + 1);
    if (eq < 1 || !SEVERITIES.has(sev)) throw new CliUsageError(`--rule needs ID=SEVERITY, not '${r}'`);
    if (!RULES_BY_ID.has(id)) throw new CliUsageError(`unknown rule id '${id}'`);
    out[id] = sev as SeveritySetting;
  }
  return out;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const opts = parseOptions(argv, { format: 'string', rule: 'list' });
  if (opts.flags.has('help')) {
    io.out(VERIFY_USAGE);
    return 0;
  }
  const format = formatOption(opts, ['text', 'json', 'sarif'] as const);
  const rules = ruleOverrides(opts.lists.rule);
  if (opts.positionals.length === 0) throw new CliUsageError('give at least one PATH');
  const problems: TargetProblem[] = [];
  const paths = opts.positionals.map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p)));
  const ls = getLanguageService();
  const docs = [];
  for (const t of collectTargets(paths, problems)) {
    let text: string;
    try {
      text = readFileSync(t.path, 'utf8');
    } catch (e) {
      problems.push({ path: t.path, message: `cannot be read: ${(e as Error).message}` });
      continue;
    }
    const doc = ls.parse(pathToFileURL(t.path).href, text);
    if (t.explicit || doc.dialect !== 'none') docs.push({ file: t.path, doc });
  }
  const aws = await cliAws(opts, io);
  try {
    const region = aws.connection.region;
    const { account } = await aws.apis.sts.getCallerIdentity();
    if (!account) throw new Error('sts:GetCallerIdentity returned no account');
    const ctx = {
      apis: (r: string) => aws.apisFor({ profile: aws.connection.profile, region: r }),
      region,
      account,
      cache: new VerifyCache(),
    };
    const files: OutFile[] = [];
    let failed = 0;
    for (const { file, doc } of docs) {
      const findings = await verifyReferences(extractReferences(doc), ctx);
      const idx = lineIndexOf(doc);
      const diags = resolveSeverities(doc.uri, applySuppressions(doc.text, anchoredFindings(doc, findings)), { rules });
      files.push({
        file,
        diagnostics: diags.map((d) => {
          if (d.severity === 'error' || d.severity === 'warning') failed++;
          return {
            ruleId: d.ruleId,
            severity: d.severity,
            message: d.message,
            range: { start: idx.positionAt(d.span.offset), end: idx.positionAt(d.span.offset + d.span.length) },
            related: [],
          };
        }),
      });
    }
    io.out(
      format === 'json'
        ? formatJson(files)
        : format === 'sarif'
          ? formatSarif(files, VERSION)
          : formatText(files, false),
    );
    for (const p of problems) io.err(`fargate-lens verify: '${p.path}' ${p.message}\n`);
    return problems.length ? 2 : failed > 0 ? 1 : 0;
  } finally {
    aws.dispose();
  }
}
