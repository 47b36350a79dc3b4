// Types of scripts/build/sharedTsHelpers.mjs, for the tests that import it.
import type { Plugin } from 'esbuild';

export const HELPER_PACKAGES: readonly string[];
export function helperPrologue(
  text: string,
): { names: string[]; head: string; prologue: string; rest: string } | undefined;
export function sharedTsHelpersPlugin(packages?: readonly string[]): Plugin;
