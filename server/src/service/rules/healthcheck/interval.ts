import { hcRangeRule } from './range';

/** `healthCheck.interval`: 5-300 s (default 30). */
export const hcInterval = hcRangeRule({
  id: 'hc/interval',
  field: 'interval',
  min: 5,
  max: 300,
  unit: ' s',
  dflt: 30,
  title: 'Health-check interval out of range',
});
