/** Rules that only exist for CloudFormation templates (cross-resource checks); listed here. */
import type { Rule } from '../types';
import { dynamicPortHealthCheck } from './dynamicPortHealthCheck';
import { launchPropertySpelling, propertySpelling } from './propertySpelling';

export const rules: Rule[] = [dynamicPortHealthCheck, propertySpelling, launchPropertySpelling];
