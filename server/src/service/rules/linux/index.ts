/** Rules of the 'linux' area (linuxParameters, capabilities, sysctls); one rule per file, listed here. */
import type { Rule } from '../types';
import { capValidNames } from './capValidNames';
import { capDrop } from './capDrop';
import { swappiness } from './swappiness';
import { tmpfs } from './tmpfs';
import { linuxOnWindows } from './windows';
import { initProcess } from './initProcess';
import { sysctlNamespaces } from './sysctlNamespaces';

export const rules: Rule[] = [capValidNames, capDrop, swappiness, tmpfs, linuxOnWindows, initProcess, sysctlNamespaces];
