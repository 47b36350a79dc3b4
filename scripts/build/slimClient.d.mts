// Types of scripts/build/slimClient.mjs, for the tests that import it.
import type { Plugin } from 'esbuild';

export const INACTIVE_FEATURES: string;
export const SEMVER_LITE: string;
export const CLIENT_LIB: string;
export const REPLACED_FEATURES: Readonly<Record<string, readonly string[]>>;
export function exportedNames(file: string): string[];
export function checkStandIns(): void;
export const slimClientPlugin: Plugin;
