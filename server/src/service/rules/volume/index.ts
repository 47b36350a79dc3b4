/**
 * Rules of the 'volume' area: volumes, mount points, volumesFrom, and the Fargate
 * volume-kind restrictions (`fargate/docker-volume`, `fargate/host-source-path`, `fargate/fsx-windows`).
 * One rule per file, listed here.
 */
import type { Rule } from '../types';
import { volConfiguredAtLaunch } from './configuredAtLaunch';
import { mountContainerPath } from './containerPath';
import { mountDuplicatePath } from './duplicatePath';
import { fargateDockerVolume } from './fargateDockerVolume';
import { fargateFsxWindows } from './fargateFsxWindows';
import { fargateHostSourcePath } from './fargateHostSourcePath';
import { volName } from './name';
import { volOneKind } from './oneKind';
import { mountSourceExists } from './sourceExists';
import { mountUnusedVolume } from './unusedVolume';
import { volfromSource } from './volumesFromSource';

export const rules: Rule[] = [
  volName,
  volOneKind,
  fargateDockerVolume,
  fargateHostSourcePath,
  fargateFsxWindows,
  volConfiguredAtLaunch,
  mountSourceExists,
  mountContainerPath,
  mountDuplicatePath,
  mountUnusedVolume,
  volfromSource,
];
