/** Rules of the 'volume' area; one rule per file, listed here. */
import type { Rule } from '../types';

export const rules: Rule[] = [];
