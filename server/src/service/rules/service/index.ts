/**
 * Rules of the 'service' area: checks on launch inputs (create/update-service,
 * run-task, CloudFormation launching resources) against the task definitions they run. One rule per
 * file, listed here. (The launch side of `vol/configured-at-launch` is checked by that rule in
 * rules/volume, which sees the linked launches: rule ids are unique.)
 */
import type { Rule } from '../types';
import { publicIp } from './publicIp';
import { networkConfigRequired } from './networkConfigRequired';
import { requiresCompat } from './requiresCompat';
import { schedulingStrategy } from './schedulingStrategy';
import { launchTypeAndCapacityProvider } from './launchTypeAndCapacityProvider';
import { fargateSpotUnsupported } from './fargateSpotUnsupported';
import { lbContainer } from './lbContainer';
import { publicIpLaunchType } from './publicIpLaunchType';
import { overrideContainer } from './overrideContainer';

export const rules: Rule[] = [
  networkConfigRequired,
  requiresCompat,
  schedulingStrategy,
  launchTypeAndCapacityProvider,
  fargateSpotUnsupported,
  lbContainer,
  publicIpLaunchType,
  overrideContainer,
  publicIp,
];
