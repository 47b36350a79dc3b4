/**
 * Rules of the 'service' area (reference section 2): checks on launch inputs (create/update-service,
 * run-task, CloudFormation launching resources) against the task definitions they run. One rule per
 * file, listed here.
 */
import type { Rule } from '../types';
import { networkConfigRequired } from './networkConfigRequired';
import { requiresCompat } from './requiresCompat';
import { schedulingStrategy } from './schedulingStrategy';
import { volumeConfigurationsSupplied } from './volumeConfigurations';

export const rules: Rule[] = [networkConfigRequired, requiresCompat, schedulingStrategy, volumeConfigurationsSupplied];
