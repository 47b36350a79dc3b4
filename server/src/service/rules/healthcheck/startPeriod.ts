import { hcRangeRule } from './range';

/** `healthCheck.startPeriod`: 0-300 s. */
export const hcStartPeriod = hcRangeRule({
  id: 'hc/start-period',
  field: 'startPeriod',
  min: 0,
  max: 300,
  unit: ' s',
  title: 'Health-check start period out of range',
});
