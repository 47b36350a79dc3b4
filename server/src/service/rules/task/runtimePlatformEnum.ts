import { at } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { checkEnum } from './common';

export const CPU_ARCHITECTURES = ['X86_64', 'ARM64'] as const;
export const OS_FAMILIES = [
  'LINUX',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2025_FULL',
  'WINDOWS_SERVER_2025_CORE',
  'WINDOWS_SERVER_2016_FULL',
  'WINDOWS_SERVER_2004_CORE',
  'WINDOWS_SERVER_20H2_CORE',
] as const;

function suggestArchitecture(v: string): string | undefined {
  return /^(amd64|x64|x86[-_]?64)$/i.test(v) ? 'X86_64' : /^(aarch64|arm)$/i.test(v) ? 'ARM64' : undefined;
}

/** `runtimePlatform.cpuArchitecture` and `operatingSystemFamily` take the API's enumerations. */
export const runtimePlatformEnum: TaskDefRule = {
  id: 'task/runtime-platform-enum',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid runtimePlatform value',
  docs: {
    what: `\`runtimePlatform.cpuArchitecture\` is one of ${CPU_ARCHITECTURES.join(', ')}; \`operatingSystemFamily\` one of ${OS_FAMILIES.join(', ')}.`,
    why: 'RegisterTaskDefinition rejects other values (they are case-sensitive).',
    fix: 'Use one of the listed values, in upper case.',
  },
  check({ td, doc }) {
    if (!td.root) return [];
    const arch = at(td.root, 'runtimePlatform', 'cpuArchitecture');
    const os = at(td.root, 'runtimePlatform', 'operatingSystemFamily');
    const a = checkEnum({
      ruleId: this.id,
      doc,
      node: arch,
      allowed: CPU_ARCHITECTURES,
      what: 'cpuArchitecture',
      why: 'ECS rejects it at registration.',
      suggest: suggestArchitecture,
    });
    const o = checkEnum({
      ruleId: this.id,
      doc,
      node: os,
      allowed: OS_FAMILIES,
      what: 'operatingSystemFamily',
      why: 'ECS rejects it at registration.',
    });
    return o.length === 0 ? a : a.concat(o);
  },
};
