/** Rules that only exist for CloudFormation templates (cross-resource checks); listed here. */
import type { Rule } from '../types';

export const rules: Rule[] = [];
