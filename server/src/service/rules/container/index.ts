/** Rules of the 'container' area; one rule per file, listed here. */
import type { Rule } from '../types';
import { privileged } from './privileged';
import { ctrName } from './name';
import { nameUnique } from './nameUnique';
import { image } from './image';
import { essential } from './essential';
import { memoryVsReservation } from './memoryVsReservation';
import { memoryMin } from './memoryMin';
import { memorySum } from './memorySum';
import { cpuSum } from './cpuSum';
import { ec2MemoryRequired } from './ec2MemoryRequired';
import { awsvpcHostname } from './awsvpcHostname';
import { awsvpcLinks } from './awsvpcLinks';
import { credentialSpecs } from './credentialSpecs';
import { versionConsistency } from './versionConsistency';
import { restartPolicy } from './restartPolicy';
import { stopTimeout } from './stopTimeout';
import { startTimeout } from './startTimeout';
import { ulimits } from './ulimits';
import { dockerLabels } from './dockerLabels';
import { envDup } from './envDup';
import { envLooksSecret } from './envLooksSecret';
import { userRoot } from './userRoot';
import { readonlyRoot } from './readonlyRoot';

export const rules: Rule[] = [
  ctrName,
  nameUnique,
  image,
  essential,
  memoryVsReservation,
  memoryMin,
  memorySum,
  cpuSum,
  ec2MemoryRequired,
  awsvpcHostname,
  awsvpcLinks,
  credentialSpecs,
  versionConsistency,
  restartPolicy,
  stopTimeout,
  startTimeout,
  ulimits,
  dockerLabels,
  envDup,
  envLooksSecret,
  userRoot,
  readonlyRoot,
  privileged,
];
