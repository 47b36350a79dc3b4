/** Test helpers: lint texts through the real language service and apply quick fixes. */
import { applyEdits } from '../../server/src/service/documents/edits';
import { getLanguageService } from '../../server/src/service/languageService';
import type { Diagnostic } from '../../server/src/service/types';
import type { ValidationSettings } from '../../server/src/service/validate';

export interface LintFile {
  uri: string;
  text: string;
}

/** Lints `main` with the other files in the workspace index; returns the diagnostics of `main`. */
export function lintWith(main: LintFile, others: LintFile[] = [], settings?: ValidationSettings): Diagnostic[] {
  const ls = getLanguageService();
  for (const f of [...others, main]) ls.index.set(ls.parse(f.uri, f.text));
  return ls.validate(ls.parse(main.uri, main.text), settings);
}

/** Lints a single JSON text (uri defaults to a task-definition file name). */
export function lint(
  text: string | object,
  uri = 'file:///ws/task-def.json',
  settings?: ValidationSettings,
): Diagnostic[] {
  return lintWith({ uri, text: typeof text === 'string' ? text : JSON.stringify(text, null, 2) }, [], settings);
}

export function ids(diags: Diagnostic[]): string[] {
  return diags.map((d) => d.ruleId);
}

export function only(diags: Diagnostic[], ruleId: string): Diagnostic[] {
  return diags.filter((d) => d.ruleId === ruleId);
}

/** The text a diagnostic points at. */
export function textAt(text: string, d: Diagnostic): string {
  return text.slice(d.span.offset, d.span.offset + d.span.length);
}

/**
 * Applies the fix titled `title` (or the first fix) of the first diagnostic of `ruleId`, and returns the
 * new text. Throws when there is no such fix.
 */
export function applyFix(
  text: string,
  ruleId: string,
  title?: string,
  uri = 'file:///ws/task-def.json',
  others: LintFile[] = [],
): string {
  const d = lintWith({ uri, text }, others).find((x) => x.ruleId === ruleId);
  if (!d) throw new Error(`no ${ruleId} finding`);
  const f = title ? d.fixes?.find((x) => x.title === title) : d.fixes?.[0];
  if (!f) throw new Error(`no fix ${title ?? ''} on ${ruleId}: ${(d.fixes ?? []).map((x) => x.title).join(', ')}`);
  return applyEdits(text, f.edits);
}

/** A minimal valid Fargate task definition; override fields with `patch`. */
export function fargateTaskDef(
  patch: Record<string, unknown> = {},
  container: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'app',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' },
        },
        ...container,
      },
    ],
    ...patch,
  };
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
