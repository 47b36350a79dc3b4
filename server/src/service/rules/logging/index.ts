/** Rules of the 'logging' area: log drivers, awslogs options, FireLens. One rule per file, listed here. */
import type { Rule } from '../types';
import { awslogsExclusive } from './awslogsExclusive';
import { awslogsOptionNames } from './awslogsOptionNames';
import { awslogsRequiredOpts } from './awslogsRequiredOpts';
import { createGroupPerm } from './createGroupPerm';
import { logDriverEnum } from './driverEnum';
import { logFargateDriver } from './fargateDriver';
import { firelensFargateFileOnly } from './firelensFargateFileOnly';
import { firelensRouterPresent } from './firelensRouter';
import { firelensWindows } from './firelensWindows';
import { logMissing } from './missing';

export const rules: Rule[] = [
  logFargateDriver,
  logDriverEnum,
  awslogsRequiredOpts,
  awslogsOptionNames,
  awslogsExclusive,
  createGroupPerm,
  firelensRouterPresent,
  firelensFargateFileOnly,
  firelensWindows,
  logMissing,
];
