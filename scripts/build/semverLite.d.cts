// Types of scripts/build/semverLite.cjs, for its test.
export interface Version {
  raw: string;
  major: number;
  minor: number;
  patch: number;
  prerelease: Array<string | number>;
  build: string[];
  version: string;
}
export function parse(version: unknown): Version | null;
export function satisfies(version: unknown, range: string): boolean;
