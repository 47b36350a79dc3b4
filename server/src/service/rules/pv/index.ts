/** Rules of the 'pv' (Fargate platform version) area; one rule per file, listed here. */
import type { Rule } from '../types';
import { notLatest } from './notLatest';
import { featureRequires14 } from './featureRequires14';
import { retired } from './retired';
import { taskNeeds14 } from './taskNeeds14';
import { unknownPv } from './unknown';
import { windowsLinuxMismatch } from './windowsLinuxMismatch';

export const rules: Rule[] = [featureRequires14, retired, unknownPv, windowsLinuxMismatch, taskNeeds14, notLatest];
