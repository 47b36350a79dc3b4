/** Rules of the 'port' area; one rule per file, listed here. */
import type { Rule } from '../types';
import { awsvpcHostport } from './awsvpcHostport';
import { noneMode } from './noneMode';
import { portRange } from './range';
import { portProtocol } from './protocol';
import { appProtocol } from './appProtocol';
import { portName } from './name';
import { containerPortRange } from './containerPortRange';
import { duplicate } from './duplicate';
import { windows3150 } from './windows3150';
import { firelens24224 } from './firelens24224';

export const rules: Rule[] = [
  awsvpcHostport,
  noneMode,
  portRange,
  portProtocol,
  appProtocol,
  portName,
  containerPortRange,
  duplicate,
  windows3150,
  firelens24224,
];
