/**
 * Round trips over the whole real-world corpus in test/fixtures against moto_server: every task
 * definition a fixture holds (JSON register input, describe output, CodeDeploy taskdef, CloudFormation
 * AWS::ECS::TaskDefinition) whose values are all known (no template token, no unresolved intrinsic;
 * token-like text in command lines is a shell's and is sent as written) is
 * registered, described back and diffed with the file: the normalised diff must be empty. Each is
 * registered twice: as a pipeline sends it (`aws ecs register-task-definition --cli-input-json`, or
 * CloudFormation, which sends the API's types) and as "Deploy Task Definition File…" sends it (the
 * normalised file). Then one field changed in the file must be exactly one difference.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { asWritten, placeholders, templatePlaceholders } from '../../client/src/deploy/commands/fileContext';
import { diffTaskDefinitions } from '../../client/src/deploy/diff';
import { readFileTaskDefs, type FileTaskDef } from '../../client/src/deploy/fileTaskDefs';
import { normaliseTaskDefinition, READ_ONLY_MEMBERS } from '../../client/src/deploy/normalise';
import { cliAccount } from './cliRun';

const ROOT = join(__dirname, '..', 'fixtures');

/**
 * Fixtures ECS rejects, with the reason moto gives (the same as the real API's). Fargate Lens reports
 * errors on them, and deploy refuses a file with errors.
 */
const REJECTED: Record<string, RegExp> = {
  // "memory": "" and no container memory: deliberately broken input of the editing tests.
  'editing/fargate-taskdef.json': /At least one of 'memory' or 'memoryReservation' must be specified/,
};

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return fixtureFiles(p);
      return /\.(json|ya?ml|template)$/.test(name) ? [p] : [];
    });
}

const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'task-definition.schema.json'), 'utf8'));

/**
 * The register input a file stands for, in the API's types (the generated schema of
 * RegisterTaskDefinitionRequest: integer, boolean and string members): CloudFormation converts
 * `ContainerPort: "80"` and `Value: 8080` this way before it calls the API. Independent of the
 * normaliser's own type lists, so a member they miss shows up as a difference.
 */
function apiTyped(value: unknown, shape: Record<string, unknown> | undefined): unknown {
  let s = shape;
  if (s && typeof s.$ref === 'string') s = schema.definitions[s.$ref.split('/').pop() as string];
  if (!s) return value;
  if (Array.isArray(value)) return value.map((v) => apiTyped(v, s.items as Record<string, unknown>));
  if (value && typeof value === 'object') {
    const props = (s.properties ?? {}) as Record<string, Record<string, unknown>>;
    const extra =
      typeof s.additionalProperties === 'object' ? (s.additionalProperties as Record<string, unknown>) : undefined;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, apiTyped(v, props[k] ?? extra)]));
  }
  if (s.type === 'integer' && typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (s.type === 'boolean' && typeof value === 'string') return value.toLowerCase() === 'true';
  if (s.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}

interface Case {
  file: string;
  td: FileTaskDef;
  family: string;
}

function corpus(): { cases: Case[]; skipped: string[] } {
  const cases: Case[] = [];
  const skipped: string[] = [];
  for (const path of fixtureFiles(ROOT)) {
    const file = relative(ROOT, path);
    const { taskDefs } = readFileTaskDefs(pathToFileURL(path).href, readFileSync(path, 'utf8'));
    for (const td of taskDefs) {
      // Token-like text only in command lines (a shell's `$i`, HTML in an echo) is registered as written.
      if (templatePlaceholders(placeholders(normaliseTaskDefinition(td.value))).length) {
        skipped.push(`${file} ${td.label}`);
        continue;
      }
      // CloudFormation names a resource without Family itself: a name of our own stands for it.
      const family = td.family ?? `cfn-${td.logicalId ?? 'td'}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 255);
      cases.push({ file, td, family });
    }
  }
  return { cases, skipped };
}

/**
 * moto 5.2.1 (moto/ecs/models.py TaskDefinition.__init__) sets networkMode to "awsvpc" whenever
 * requiresCompatibilities is anything but [] or ["EC2"] (["EXTERNAL"] included), overriding what was
 * sent. Real ECS keeps what was sent and defaults to bridge (API reference, RegisterTaskDefinition
 * networkMode: "If no network mode is specified, the default is bridge."; the AWS CLI example
 * `describe-task-definition --task-definition hello_world:8`, compatibilities EXTERNAL and EC2, returns
 * no networkMode). The described value is put back as sent; only this member is touched. (Real ECS
 * rejects FARGATE without awsvpc; Fargate Lens reports that as an error and never deploys it.)
 */
function undoMotoNetworkMode(sent: Record<string, unknown>, described: Record<string, unknown>): boolean {
  if (described.networkMode !== 'awsvpc' || sent.networkMode === 'awsvpc') return false;
  if (sent.networkMode === undefined) delete described.networkMode;
  else described.networkMode = sent.networkMode;
  return true;
}

/** One field changed in the file: the first container's image, else the execution role (copies keep placeholders). */
function changeOneField(file: Record<string, unknown>): { changed: Record<string, unknown>; path: string } {
  const containers = file.containerDefinitions as Array<Record<string, unknown>> | undefined;
  const first = containers?.find((c) => typeof c.name === 'string' && typeof c.image === 'string');
  if (first) {
    const changedContainers = containers!.map((c) =>
      c === first ? { ...c, image: `${c.image as string}-changed` } : c,
    );
    return {
      changed: { ...file, containerDefinitions: changedContainers },
      path: `containerDefinitions[name=${first.name as string}].image`,
    };
  }
  return { changed: { ...file, executionRoleArn: 'arn:aws:iam::123456789012:role/changed' }, path: 'executionRoleArn' };
}

describe('round trips over every task definition in test/fixtures against moto_server (integration)', () => {
  const account = cliAccount('fl-diff-corpus-');
  const { cases, skipped } = corpus();

  it(`the corpus holds task definitions to compare (${cases.length}; ${skipped.length} more hold template placeholders)`, () => {
    // A discovery that silently found nothing would make every round trip below pass.
    assert.ok(cases.length >= 70, `only ${cases.length} task definitions without placeholders`);
    assert.ok(
      cases.some((c) => c.td.logicalId),
      'CloudFormation resources are among them',
    );
    assert.ok(
      cases.some((c) => c.td.shape === 'describe'),
      'describe outputs are among them',
    );
  });

  it('register as a pipeline does and as Deploy does → describe → the normalised diff is empty; one field changed → exactly that field', async () => {
    const failures: string[] = [];
    let deviations = 0;
    let compared = 0;
    for (const c of cases) {
      const file = { ...c.td.value, family: c.family };
      const written = asWritten(file) as Record<string, unknown>;
      const asPipeline = apiTyped(
        Object.fromEntries(Object.entries(written).filter(([k]) => !READ_ONLY_MEMBERS.has(k))),
        schema,
      ) as Record<string, unknown>;
      const asDeploy = asWritten(normaliseTaskDefinition(file)) as Record<string, unknown>;
      for (const [how, input] of [
        ['pipeline', asPipeline],
        ['deploy', asDeploy],
      ] as const) {
        const where = `${c.file} ${c.td.label} (${how})`;
        let described: { taskDefinition: Record<string, unknown>; tags?: Array<{ key?: string; value?: string }> };
        try {
          const reg = await account.ecs.send(new RegisterTaskDefinitionCommand(input as never));
          const out = await account.ecs.send(
            new DescribeTaskDefinitionCommand({
              taskDefinition: reg.taskDefinition!.taskDefinitionArn,
              include: ['TAGS'],
            }),
          );
          described = { taskDefinition: out.taskDefinition as Record<string, unknown>, tags: out.tags };
        } catch (e) {
          const expected = REJECTED[c.file];
          if (!expected?.test((e as Error).message))
            failures.push(`${where}: register failed: ${(e as Error).message}`);
          continue;
        }
        if (REJECTED[c.file]) failures.push(`${where}: registered although listed as rejected`);
        if (undoMotoNetworkMode(input, described.taskDefinition)) deviations++;
        const registered = normaliseTaskDefinition(described.taskDefinition, { tags: described.tags ?? [] });
        const d = diffTaskDefinitions(registered, normaliseTaskDefinition(file));
        if (d.differences.length || d.notCompared.length) failures.push(`${where}: ${JSON.stringify(d).slice(0, 800)}`);
        const { changed, path } = changeOneField(file);
        const one = diffTaskDefinitions(registered, normaliseTaskDefinition(changed)).differences.map((x) => x.path);
        if (one.length !== 1 || one[0] !== path) failures.push(`${where}: one change gave ${JSON.stringify(one)}`);
        compared++;
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(compared >= 140, `${compared} round trips`);
    // Only the ECS Anywhere (EXTERNAL) files and the Fargate file without networkMode meet the deviation.
    assert.ok(deviations <= 10, `${deviations} round trips needed the networkMode deviation`);
  });
});
