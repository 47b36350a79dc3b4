/**
 * Shared view for the EFS rules: every volume with a known `efsVolumeConfiguration` object, and the
 * effective transit-encryption setting (the API default is DISABLED).
 */
import {
  alternatives,
  at,
  child,
  isObject,
  prop,
  type AstNode,
  type ObjectNode,
  type Property,
} from '../../documents/ast';
import type { TaskDefModel } from '../../shapes/model';
import type { EditBuilder } from '../../documents/edits';
import type { OffsetEdit } from '../../types';
import { fix, perTaskDef } from '../util';
import { volumeLabel } from '../volume/volumes';

export interface EfsVolume {
  volume: ObjectNode;
  label: string;
  /** The `efsVolumeConfiguration` property (key span for findings about the volume as a whole). */
  key: Property;
  efs: ObjectNode;
}

export const efsVolumes: (td: TaskDefModel) => EfsVolume[] = perTaskDef((td) => {
  const out: EfsVolume[] = [];
  td.volumes.forEach((volume, i) => {
    const key = prop(volume, 'efsVolumeConfiguration');
    if (key && isObject(key.value)) out.push({ volume, label: volumeLabel(volume, i), key, efs: key.value });
  });
  return out;
});

/**
 * Transit encryption as written: 'ENABLED' / 'DISABLED' (omitted = DISABLED), 'unknown' when computed,
 * 'mixed' when a CloudFormation parameter or condition can take both values.
 */
export function transitEncryption(e: EfsVolume): {
  state: 'ENABLED' | 'DISABLED' | 'unknown' | 'mixed';
  node?: AstNode;
  via?: string;
} {
  const node = child(e.efs, 'transitEncryption');
  if (!node || node.type === 'null') return { state: 'DISABLED' };
  const alts = alternatives(node);
  if (alts.length === 0) return { state: 'unknown', node };
  const values = alts.map((a) => String(a.value.value));
  const via = alts.find((a) => a.via)?.via;
  if (values.every((v) => v === 'ENABLED')) return { state: 'ENABLED', node, via };
  if (values.some((v) => v === 'ENABLED')) return { state: 'mixed', node, via };
  return { state: 'DISABLED', node, via };
}

/** `authorizationConfig.iam` alternatives that are literally ENABLED. */
export function iamEnabled(e: EfsVolume): AstNode | undefined {
  const node = at(e.efs, 'authorizationConfig', 'iam');
  return alternatives(node).some((a) => a.value.value === 'ENABLED') ? node : undefined;
}

/** The access point id node when set to something (known or computed). */
export function accessPoint(e: EfsVolume): AstNode | undefined {
  const node = at(e.efs, 'authorizationConfig', 'accessPointId');
  if (!node || node.type === 'null' || (node.type === 'string' && node.value === '')) return undefined;
  return node;
}

/** The edit that makes transit encryption ENABLED (replace the literal, or add the member). */
export function enableTlsEdit(e: EfsVolume, edits: EditBuilder): OffsetEdit | undefined {
  const p = prop(e.efs, 'transitEncryption');
  if (!p || p.value.type === 'null')
    return p ? edits.replaceValue(p.value, 'ENABLED') : edits.addProperty(e.efs, 'transitEncryption', 'ENABLED');
  if (p.value.unknown || p.value.candidates || p.value.branches) return undefined; // computed: edit the parameter instead
  return edits.replaceValue(p.value, 'ENABLED');
}

export function enableTlsFixes(e: EfsVolume, edits: EditBuilder) {
  const edit = enableTlsEdit(e, edits);
  return edit ? [fix('Set transitEncryption to ENABLED', [edit], true)] : [];
}
