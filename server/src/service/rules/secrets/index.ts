/** Rules of the 'secrets' area; one rule per file, listed here. */
import type { Rule } from '../types';

export const rules: Rule[] = [];
