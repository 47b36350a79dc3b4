/**
 * Secret checks: the secret exists (secretsmanager:DescribeSecret) or the parameter exists
 * (ssm:DescribeParameters, by exact name, 50 per call), the version stage / version id suffix names a
 * version the secret has, and the execution role may read it (iam:SimulatePrincipalPolicy; when the
 * caller may not simulate: "permission not checked"). Values are never read: neither DescribeSecret
 * nor DescribeParameters returns one.
 */
import type { LiveFinding } from '../../../server/src/protocol';
import type { SecretRef } from '../../../server/src/service/verify/references';
import { chunk } from '../aws/batch';
import { errorName, finding, notChecked, where, type VerifyContext } from './context';
import { parseRole, parseSecretSource, type SecretSource } from './parse';

type Ssm = Extract<SecretSource, { kind: 'ssm' }>;

export async function checkSecrets(refs: readonly SecretRef[], ctx: VerifyContext): Promise<LiveFinding[]> {
  const out: LiveFinding[] = [];
  const ssm: { ref: SecretRef; src: Ssm; region: string }[] = [];
  for (const ref of refs) {
    const src = parseSecretSource(ref.value);
    if (!src) {
      out.push(
        notChecked(ref, `secret ${ref.value}`, 'not a Secrets Manager ARN, an SSM parameter ARN or a parameter name'),
      );
      continue;
    }
    if (src.kind === 'ssm') ssm.push({ ref, src, region: src.region ?? ctx.region });
    else out.push(...(await checkSecretsManager(ref, src, ctx)));
  }
  out.push(...(await checkParameters(ssm, ctx)));
  return out;
}

async function checkSecretsManager(
  ref: SecretRef,
  src: Extract<SecretSource, { kind: 'secretsmanager' }>,
  ctx: VerifyContext,
): Promise<LiveFinding[]> {
  let meta;
  try {
    const apis = await ctx.apis(src.region);
    meta = await ctx.cache.get(`${src.account}|${src.region}|secret|${src.secretId}`, () =>
      apis.secretsManager.describeSecret(src.secretId),
    );
  } catch (e) {
    return [notChecked(ref, `secret ${src.secretId} ${where(src.account, src.region)}`, e)];
  }
  if (!meta || meta.DeletedDate)
    return [
      finding(
        ref,
        'live/secret-not-found',
        `Secret ${src.secretId} ${meta ? 'is scheduled for deletion' : 'does not exist'} ${where(src.account, src.region)}: the task stops with "ResourceInitializationError: unable to pull secrets".`,
      ),
    ];
  const versions = meta.VersionIdsToStages;
  if (versions && src.versionId && !(src.versionId in versions))
    return [
      finding(ref, 'live/secret-not-found', `Secret ${meta.Name ?? src.secretId} has no version id ${src.versionId}.`),
    ];
  if (versions && src.versionStage && !Object.values(versions).some((s) => s.includes(src.versionStage!)))
    return [
      finding(
        ref,
        'live/secret-not-found',
        `Secret ${meta.Name ?? src.secretId} has no version with the staging label ${src.versionStage} (it has ${[...new Set(Object.values(versions).flat())].join(', ') || 'none'}).`,
      ),
    ];
  return checkAccess(ref, meta.ARN ?? src.secretId, 'secretsmanager:GetSecretValue', ctx);
}

async function checkParameters(
  list: { ref: SecretRef; src: Ssm; region: string }[],
  ctx: VerifyContext,
): Promise<LiveFinding[]> {
  const out: LiveFinding[] = [];
  const byRegion = new Map<string, typeof list>();
  for (const x of list) byRegion.set(x.region, [...(byRegion.get(x.region) ?? []), x]);
  for (const [region, items] of byRegion) {
    const account = items[0].src.account ?? ctx.account;
    let existing: Set<string>;
    try {
      const apis = await ctx.apis(region);
      const names = [...new Set(items.map((i) => i.src.name))];
      const found: string[] = [];
      for (const batch of chunk(names, 50))
        found.push(
          ...(await ctx.cache.get(`${account}|${region}|parameters|${batch.join('\u0000')}`, () =>
            apis.ssm.existingParameters(batch),
          )),
        );
      existing = new Set(found);
    } catch (e) {
      for (const i of items) out.push(notChecked(i.ref, `parameter ${i.src.name} ${where(account, region)}`, e));
      continue;
    }
    for (const i of items) {
      if (!existing.has(i.src.name)) {
        out.push(
          finding(
            i.ref,
            'live/secret-not-found',
            `Parameter ${i.src.name} does not exist ${where(account, region)}: the task stops with "ResourceInitializationError: unable to pull secrets".`,
          ),
        );
        continue;
      }
      const arn =
        i.src.arn ?? `arn:aws:ssm:${region}:${account}:parameter${i.src.name.startsWith('/') ? '' : '/'}${i.src.name}`;
      out.push(...(await checkAccess(i.ref, arn, 'ssm:GetParameters', ctx)));
    }
  }
  return out;
}

/** Whether the execution role may read `resourceArn` (SimulatePrincipalPolicy; IAM API Reference). */
async function checkAccess(
  ref: SecretRef,
  resourceArn: string,
  action: string,
  ctx: VerifyContext,
): Promise<LiveFinding[]> {
  const role = ref.executionRole ? parseRole(ref.executionRole) : undefined;
  if (!role) return []; // no execution role: the static rules report that
  const account = role.account ?? ctx.account;
  if (account !== ctx.account) return [];
  const roleArn = ref.executionRole!.startsWith('arn:')
    ? ref.executionRole!
    : `arn:aws:iam::${account}:role/${role.name}`;
  let result;
  try {
    const apis = await ctx.apis(ctx.region);
    result = await ctx.cache.get(`${account}|iam|simulate|${roleArn}|${action}|${resourceArn}`, () =>
      apis.iam.simulatePrincipalPolicy(roleArn, [action], [resourceArn]),
    );
  } catch (e) {
    if (errorName(e) === 'NoSuchEntity' || errorName(e) === 'NoSuchEntityException') return []; // live/role-not-found says it
    return [notChecked(ref, `permission of ${role.name} to read it`, e)];
  }
  if (!result)
    return [
      notChecked(
        ref,
        `permission of ${role.name} to read it`,
        'permission not checked: the caller may not call iam:SimulatePrincipalPolicy',
      ),
    ];
  const denied = result.filter((r) => r.decision !== 'allowed');
  if (denied.length === 0) return [];
  return [
    finding(
      ref,
      'live/secret-access',
      `The execution role ${role.name} may not ${action} on ${resourceArn} (${denied[0].decision === 'explicitDeny' ? 'explicitly denied' : 'no policy allows it'}; IAM policy simulation): the task stops with "ResourceInitializationError: unable to pull secrets".`,
    ),
  ];
}
