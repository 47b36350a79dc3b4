import { hcRangeRule } from './range';

/** `healthCheck.timeout`: 2-60 s (default 5). */
export const hcTimeout = hcRangeRule({
  id: 'hc/timeout',
  field: 'timeout',
  min: 2,
  max: 60,
  unit: ' s',
  dflt: 5,
  title: 'Health-check timeout out of range',
});
