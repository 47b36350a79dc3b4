/** Rules that need live data from the connected AWS account (silent when not connected). */
import type { Rule } from '../types';
import { efsApNotFound } from './efsApNotFound';
import { efsFsNotFound } from './efsNotFound';
import { verifyRules } from './verify';

export const rules: Rule[] = [efsFsNotFound, efsApNotFound, ...verifyRules];
