/** Rules of the 'task' area; one rule per file, listed here. */
import type { Rule } from '../types';
import { hostPid } from './hostPid';
import { familyRequired } from './familyRequired';
import { containerDefinitionsRequired } from './containerDefinitionsRequired';
import { maxContainers } from './maxContainers';
import { cpuUnits } from './cpuUnits';
import { ephemeralStorageRange } from './ephemeralStorageRange';
import { runtimePlatformEnum } from './runtimePlatformEnum';
import { runtimePlatformDefault } from './runtimePlatformDefault';
import { compatEnum } from './compatEnum';
import { networkModeEnum } from './networkModeEnum';
import { inferenceAccelerators } from './inferenceAccelerators';
import { proxyAppmeshEol } from './proxyAppmeshEol';
import { tags } from './tags';
import { roleArnFormat } from './roleArnFormat';
import { execRoleSameAsTaskRole } from './execRoleSameAsTaskRole';
import { readonlyFields } from './readonlyFields';

export const rules: Rule[] = [
  familyRequired,
  containerDefinitionsRequired,
  maxContainers,
  cpuUnits,
  ephemeralStorageRange,
  runtimePlatformEnum,
  runtimePlatformDefault,
  compatEnum,
  networkModeEnum,
  inferenceAccelerators,
  proxyAppmeshEol,
  tags,
  roleArnFormat,
  execRoleSameAsTaskRole,
  readonlyFields,
  hostPid,
];
