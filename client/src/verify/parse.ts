/**
 * What the identifiers of a task definition say about where they live: an ECR image URI, a secret's
 * valueFrom (Secrets Manager ARN with its optional JSON-key / version suffixes, SSM parameter ARN or
 * name), a role ARN or name. Pure; formats from the ECR, ECS and IAM documentation cited inline.
 */

export interface EcrImage {
  registryId: string;
  region: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * A private ECR image: `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repo>[:tag|@digest]`
 * (ECR User Guide, "Private registry concepts"). Anything else (public.ecr.aws, Docker Hub, other
 * registries) is undefined: not checked.
 */
export function parseEcrImage(image: string): EcrImage | undefined {
  const m =
    /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/.exec(
      image.trim(),
    );
  if (!m) return undefined;
  return { registryId: m[1], region: m[2], repository: m[3], tag: m[4] ?? (m[5] ? undefined : 'latest'), digest: m[5] };
}

export type SecretSource =
  | {
      kind: 'secretsmanager';
      /** The ARN without the JSON-key/version suffixes: what DescribeSecret takes. */
      secretId: string;
      region: string;
      account: string;
      jsonKey?: string;
      versionStage?: string;
      versionId?: string;
    }
  | { kind: 'ssm'; name: string; region?: string; account?: string; arn?: string };

/**
 * ECS `secrets[].valueFrom`: a Secrets Manager ARN `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>`
 * optionally followed by `:<json-key>:<version-stage>:<version-id>` (each may be empty), or an SSM
 * parameter ARN `arn:<partition>:ssm:<region>:<account>:parameter/<name>`, or a parameter name in the
 * task's region (ECS Developer Guide, "Pass sensitive data to an Amazon ECS container").
 */
export function parseSecretSource(valueFrom: string): SecretSource | undefined {
  const v = valueFrom.trim();
  const parts = v.split(':');
  if (parts[0] === 'arn' && parts[2] === 'secretsmanager' && parts[5] === 'secret' && parts[6]) {
    const [, , , region, account] = parts;
    const empty = (s: string | undefined) => (s ? s : undefined);
    return {
      kind: 'secretsmanager',
      secretId: parts.slice(0, 7).join(':'),
      region,
      account,
      jsonKey: empty(parts[7]),
      versionStage: empty(parts[8]),
      versionId: empty(parts[9]),
    };
  }
  if (parts[0] === 'arn' && parts[2] === 'ssm') {
    const m = /^arn:[^:]+:ssm:([^:]+):(\d{12}):parameter(\/.+)$/.exec(v);
    if (!m) return undefined;
    // A hierarchical name (/app/db) appears in the ARN with its leading slash dropped once: parameter/app/db.
    const rest = m[3].slice(1);
    return { kind: 'ssm', name: rest.includes('/') ? `/${rest}` : rest, region: m[1], account: m[2], arn: v };
  }
  if (parts[0] === 'arn') return undefined;
  return /^[A-Za-z0-9_.\-/]+$/.test(v) ? { kind: 'ssm', name: v } : undefined;
}

/** `arn:<partition>:iam::<account>:role/<path/>name` or a bare role name. */
export function parseRole(value: string): { name: string; account?: string } | undefined {
  const v = value.trim();
  const m = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(v);
  if (m) return { name: m[2], account: m[1] };
  return /^[\w+=,.@-]{1,64}$/.test(v) ? { name: v } : undefined;
}

/** Whether a trust policy lets `ecs-tasks.amazonaws.com` call sts:AssumeRole (IAM JSON policy grammar). */
export function trustsEcsTasks(policyJson: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(policyJson);
  } catch {
    return false;
  }
  const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);
  const stmts = list((doc as { Statement?: unknown })?.Statement);
  return stmts.some((s) => {
    const st = s as { Effect?: string; Action?: unknown; Principal?: unknown; Condition?: unknown };
    if (st.Effect !== 'Allow') return false;
    const actions = list(st.Action).map(String);
    if (!actions.some((a) => a === '*' || a === 'sts:*' || a.toLowerCase() === 'sts:assumerole')) return false;
    const p = st.Principal;
    if (p === '*') return true;
    const services = list((p as { Service?: unknown })?.Service).map(String);
    return services.includes('ecs-tasks.amazonaws.com') || services.includes('*');
  });
}

/** ECS cpuArchitecture / operatingSystemFamily in OCI platform terms (image index `platform` fields). */
export function ociPlatform(p: { cpuArchitecture: string; os: string }): { architecture: string; os: string } {
  return {
    architecture: p.cpuArchitecture === 'ARM64' ? 'arm64' : 'amd64',
    os: p.os.startsWith('WINDOWS') ? 'windows' : 'linux',
  };
}

/** Manifest media types accepted from BatchGetImage, lists first (Docker and OCI). */
export const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
];

/**
 * The platforms of a manifest: those of a list / index (`manifests[].platform`, leaving out
 * attestation entries whose platform is unknown/unknown), or undefined for a single-platform manifest
 * (its platform is in the config blob, not in the manifest).
 */
export function manifestPlatforms(
  manifest: string,
): { architecture: string; os: string; variant?: string }[] | undefined {
  let doc: { manifests?: { platform?: { architecture?: string; os?: string; variant?: string } }[] };
  try {
    doc = JSON.parse(manifest) as typeof doc;
  } catch {
    return undefined;
  }
  if (!Array.isArray(doc.manifests)) return undefined;
  return doc.manifests.flatMap((m) =>
    m.platform?.architecture && m.platform.os && m.platform.architecture !== 'unknown'
      ? [{ architecture: m.platform.architecture, os: m.platform.os, variant: m.platform.variant }]
      : [],
  );
}

/** The existing tags nearest to a missing one, in natural order: the neighbours where it would sort. */
export function nearbyTags(missing: string, tags: readonly string[], max = 3): string[] {
  const cmp = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  const sorted = [...new Set(tags)].sort(cmp);
  let i = sorted.findIndex((t) => cmp(t, missing) > 0);
  if (i < 0) i = sorted.length;
  const out: string[] = [];
  for (let lo = i - 1, hi = i; out.length < max && (lo >= 0 || hi < sorted.length); lo--, hi++) {
    if (lo >= 0) out.push(sorted[lo]);
    if (hi < sorted.length && out.length < max) out.push(sorted[hi]);
  }
  return out.sort(cmp);
}
