/** Rules of the 'port' area; one rule per file, listed here. */
import type { Rule } from '../types';

export const rules: Rule[] = [];
