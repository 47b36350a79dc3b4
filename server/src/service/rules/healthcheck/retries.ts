import { hcRangeRule } from './range';

/** `healthCheck.retries`: 1-10 (default 3). */
export const hcRetries = hcRangeRule({
  id: 'hc/retries',
  field: 'retries',
  min: 1,
  max: 10,
  unit: '',
  dflt: 3,
  title: 'Health-check retries out of range',
});
