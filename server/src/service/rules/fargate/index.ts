/** Rules of the 'fargate' area; one rule per file, listed here. */
import type { Rule } from '../types';
import { capAdd } from './capAdd';

export const rules: Rule[] = [capAdd];
