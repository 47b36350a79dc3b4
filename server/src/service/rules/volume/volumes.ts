/**
 * Shared views for the volume rules: the kind(s) a volume declares and every mount point of every
 * container, with the nodes rules point at.
 */
import { child, objects, prop, str, type AstNode, type ObjectNode, type Property } from '../../documents/ast';
import type { TaskDefModel } from '../../shapes/model';
import { perTaskDef } from '../util';

/** The volume-kind keys of a Volume (API names); at most one may be set. */
export const VOLUME_KINDS = [
  'host',
  'dockerVolumeConfiguration',
  'efsVolumeConfiguration',
  'fsxWindowsFileServerVolumeConfiguration',
  's3filesVolumeConfiguration',
] as const;

export const KIND_LABEL: Record<(typeof VOLUME_KINDS)[number], string> = {
  host: 'bind mount (host)',
  dockerVolumeConfiguration: 'Docker volume',
  efsVolumeConfiguration: 'EFS',
  fsxWindowsFileServerVolumeConfiguration: 'FSx for Windows File Server',
  s3filesVolumeConfiguration: 'S3 Files',
};

/** The kind properties a volume sets (a `null` value counts as unset, as in console copies). */
export function volumeKinds(v: ObjectNode): Property[] {
  const out: Property[] = [];
  for (const k of VOLUME_KINDS) {
    const p = prop(v, k);
    if (p && p.value.type !== 'null') out.push(p);
  }
  return out;
}

export function volumeName(v: ObjectNode): string | undefined {
  return str(child(v, 'name'));
}

/** "volume 'data'" or "volume #2" for messages. */
export function volumeLabel(v: ObjectNode, index: number): string {
  const name = volumeName(v);
  return name !== undefined ? `volume '${name}'` : `volume #${index + 1}`;
}

export interface MountRef {
  container: ObjectNode;
  containerIndex: number;
  mount: ObjectNode;
  /** The `sourceVolume` value node, when present. */
  source?: AstNode;
  containerPath?: AstNode;
}

/** Every mount point of every container (shared by the volume rules, read only). */
export const mountPoints: (td: TaskDefModel) => MountRef[] = perTaskDef((td) => {
  const out: MountRef[] = [];
  td.containers.forEach((container, containerIndex) => {
    for (const mount of objects(child(container, 'mountPoints'))) {
      out.push({
        container,
        containerIndex,
        mount,
        source: child(mount, 'sourceVolume'),
        containerPath: child(mount, 'containerPath'),
      });
    }
  });
  return out;
});

/**
 * The names of the declared volumes, or undefined when the set is not fully known (the volumes array
 * or one of its names is computed by a template/intrinsic, or the file is a bare container array).
 */
export function declaredVolumeNames(td: TaskDefModel): string[] | undefined {
  if (!td.root) return undefined;
  const vols = child(td.root, 'volumes');
  if (vols && (vols.unknown || vols.type !== 'array')) return undefined;
  const names: string[] = [];
  for (const item of vols?.type === 'array' ? vols.items : []) {
    if (item.unknown || item.type !== 'object') return undefined;
    const n = child(item, 'name');
    if (n && n.unknown) return undefined;
    const s = str(n);
    if (s !== undefined) names.push(s);
  }
  return names;
}
