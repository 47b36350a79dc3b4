/** Rules of the 'fargate' area; one rule per file, listed here. */
import type { Rule } from '../types';
import { capAdd } from './capAdd';
import { networkModeAwsvpc } from './networkModeAwsvpc';
import { taskCpuMemoryRequired } from './taskCpuMemoryRequired';
import { cpuMemoryCombo } from './cpuMemoryCombo';
import { windowsMinCpu } from './windowsMinCpu';
import { ipcMode } from './ipcMode';
import { pidMode } from './pidMode';
import { placementConstraints } from './placementConstraints';
import { requiresAttributes } from './requiresAttributes';
import { osFamily } from './osFamily';
import { windowsX86 } from './windowsX86';
import { unsupportedFields } from './unsupportedFields';
import { linuxParamsUnsupported } from './linuxParamsUnsupported';

export const rules: Rule[] = [
  capAdd,
  networkModeAwsvpc,
  taskCpuMemoryRequired,
  cpuMemoryCombo,
  windowsMinCpu,
  ipcMode,
  pidMode,
  placementConstraints,
  requiresAttributes,
  osFamily,
  windowsX86,
  unsupportedFields,
  linuxParamsUnsupported,
];
