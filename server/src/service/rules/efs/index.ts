/** Rules of the 'efs' area (EFS volumes); one rule per file, listed here. */
import type { Rule } from '../types';
import { efsApId } from './apId';
import { efsApNeedsTls } from './apNeedsTls';
import { efsApRootDir } from './apRootDir';
import { efsEnum } from './enum';
import { efsFsId } from './fsId';
import { efsIamNeedsTaskRole } from './iamNeedsTaskRole';
import { efsIamNeedsTls } from './iamNeedsTls';
import { efsPortRange } from './portRange';
import { efsPortWithoutTls } from './portWithoutTls';
import { efsSupervisorMemory } from './supervisorMemory';
import { efsTlsRecommended } from './tlsRecommended';
import { efsWindows } from './windows';

export const rules: Rule[] = [
  efsFsId,
  efsApId,
  efsApNeedsTls,
  efsIamNeedsTls,
  efsIamNeedsTaskRole,
  efsApRootDir,
  efsPortWithoutTls,
  efsPortRange,
  efsEnum,
  efsTlsRecommended,
  efsWindows,
  efsSupervisorMemory,
];
