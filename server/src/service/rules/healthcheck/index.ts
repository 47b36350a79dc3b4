/** Rules of the 'healthcheck' area: healthCheck bounds and form, dependsOn. One rule per file, listed here. */
import type { Rule } from '../types';
import { hcCommand } from './command';
import { depCompleteNonessential } from './completeNonessential';
import { depCondition } from './condition';
import { depHealthyNeedsHc } from './healthyNeedsHc';
import { hcInterval } from './interval';
import { hcRetries } from './retries';
import { hcStartPeriod } from './startPeriod';
import { depStartTimeoutHint } from './startTimeoutHint';
import { depTargetExists } from './targetExists';
import { hcTimeout } from './timeout';
import { hcTimeoutLtInterval } from './timeoutLtInterval';

export const rules: Rule[] = [
  hcCommand,
  hcInterval,
  hcTimeout,
  hcRetries,
  hcStartPeriod,
  hcTimeoutLtInterval,
  depTargetExists,
  depCondition,
  depCompleteNonessential,
  depHealthyNeedsHc,
  depStartTimeoutHint,
];
