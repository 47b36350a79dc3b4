/**
 * Image checks: the tag or digest exists in its private ECR repository (ecr:DescribeImages in the
 * image's own account and region), and the image's platforms include the task's runtimePlatform
 * (ecr:BatchGetImage: a Docker manifest list or OCI image index lists them). Public ECR and other
 * registries are not checked.
 */
import type { LiveFinding } from '../../../server/src/protocol';
import type { ImageRef } from '../../../server/src/service/verify/references';
import { errorName, finding, notChecked, where, type VerifyContext } from './context';
import { manifestPlatforms, MANIFEST_TYPES, nearbyTags, ociPlatform, parseEcrImage, type EcrImage } from './parse';

/** At most this many tags are read to suggest nearby ones. */
const MAX_TAGS = 1000;

export async function checkImage(ref: ImageRef, ctx: VerifyContext): Promise<LiveFinding[]> {
  const img = parseEcrImage(ref.value);
  if (!img) {
    const registry = ref.value.startsWith('public.ecr.aws/') ? 'public ECR' : 'a registry other than private ECR';
    return [notChecked(ref, `image ${ref.value} is in ${registry}`, 'only private ECR images are looked up')];
  }
  const id = img.digest ? { imageDigest: img.digest } : { imageTag: img.tag };
  const label = img.digest ?? `tag ${img.tag}`;
  const key = `${img.registryId}|${img.region}|image|${img.repository}|${img.digest ?? img.tag}`;
  try {
    const apis = await ctx.apis(img.region);
    const found = await ctx.cache.get(key, async () => {
      try {
        return (await apis.ecr.describeImage(img.repository, img.registryId, id)) ? 'found' : 'no-image';
      } catch (e) {
        if (errorName(e) === 'RepositoryNotFoundException') return 'no-repository';
        throw e;
      }
    });
    if (found === 'no-repository')
      return [
        finding(
          ref,
          'live/image-not-found',
          `Image ${ref.value}: repository ${img.repository} does not exist ${where(img.registryId, img.region)}.`,
        ),
      ];
    if (found === 'no-image') return [await missingImage(ref, img, label, ctx)];
    return await checkPlatform(ref, img, id, ctx, key);
  } catch (e) {
    return [notChecked(ref, `image ${ref.value} ${where(img.registryId, img.region)}`, e)];
  }
}

async function missingImage(ref: ImageRef, img: EcrImage, label: string, ctx: VerifyContext): Promise<LiveFinding> {
  let near: string[] = [];
  if (img.tag && !img.digest) {
    const apis = await ctx.apis(img.region);
    const tags = await ctx.cache
      .get(`${img.registryId}|${img.region}|tags|${img.repository}`, () =>
        apis.ecr.listImageTags(img.repository, img.registryId, MAX_TAGS),
      )
      .catch(() => [] as string[]);
    near = nearbyTags(img.tag, tags);
  }
  const hasTag = !img.digest && !!img.tag && ref.value.trim().endsWith(`:${img.tag}`);
  const base = hasTag ? ref.value.trim().slice(0, -(img.tag!.length + 1)) : '';
  const fixes = hasTag
    ? near.map((t, i) => ({
        title: `Use existing tag ${t}`,
        setValue: `${base}:${t}`,
        isPreferred: near.length === 1 && i === 0,
      }))
    : [];
  return finding(
    ref,
    'live/image-not-found',
    `Image ${ref.value} not found in ${img.region}: repository ${img.repository} (account ${img.registryId}) has no ${label}` +
      (near.length ? `; tags nearby: ${near.join(', ')}.` : '.'),
    { fixes },
  );
}

async function checkPlatform(
  ref: ImageRef,
  img: EcrImage,
  id: { imageTag?: string; imageDigest?: string },
  ctx: VerifyContext,
  key: string,
): Promise<LiveFinding[]> {
  const apis = await ctx.apis(img.region);
  const manifest = await ctx.cache.get(`${key}|manifest`, () =>
    apis.ecr.getImageManifest(img.repository, img.registryId, id, MANIFEST_TYPES),
  );
  const platforms = manifest ? manifestPlatforms(manifest.manifest) : undefined;
  const want = ociPlatform(ref.platform);
  const task = `${ref.platform.os}/${ref.platform.cpuArchitecture}${ref.platform.stated ? '' : ' (the Fargate default: no runtimePlatform)'}`;
  if (!platforms) {
    // A single-platform manifest names its architecture only in its config blob (not read). Worth
    // saying only where a mismatch is likely: a task that is not the default linux/amd64.
    return ref.platform.stated && (want.architecture !== 'amd64' || want.os !== 'linux')
      ? [
          notChecked(
            ref,
            `architecture of ${ref.value} against ${task}`,
            'a single-platform image: its platform is in the image config, which is not read',
          ),
        ]
      : [];
  }
  if (platforms.some((p) => p.architecture === want.architecture && p.os === want.os)) return [];
  const has = platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`).join(', ') || 'none';
  return [
    finding(
      ref,
      'live/image-arch',
      `Image ${ref.value} is built for ${has}, not for the task's platform ${task}: the container fails with "exec format error" or the pull finds no matching manifest.`,
    ),
  ];
}
