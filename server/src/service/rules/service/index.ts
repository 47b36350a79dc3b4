/** Rules of the 'service' area; one rule per file, listed here. */
import type { Rule } from '../types';

export const rules: Rule[] = [];
