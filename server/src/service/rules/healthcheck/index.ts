/** Rules of the 'healthcheck' area; one rule per file, listed here. */
import type { Rule } from '../types';

export const rules: Rule[] = [];
