/**
 * Option parsing shared by the AWS subcommands: `--name value`, `--name=value`, repeatable options,
 * flags, positionals; unknown options and missing values are usage errors (exit 2).
 */
import { CliUsageError } from './types';

export type OptionKind = 'string' | 'list' | 'flag';

export type OptionSpec = Readonly<Record<string, OptionKind>>;

export interface ParsedOptions {
  readonly strings: Readonly<Record<string, string>>;
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly flags: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

/** The options every AWS subcommand takes. */
export const COMMON_OPTIONS: OptionSpec = { region: 'string', profile: 'string', help: 'flag' };

export function parseOptions(argv: readonly string[], spec: OptionSpec): ParsedOptions {
  const all: OptionSpec = { ...COMMON_OPTIONS, ...spec };
  const strings: Record<string, string> = Object.create(null) as Record<string, string>;
  const lists: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') {
      flags.add('help');
      continue;
    }
    if (!a.startsWith('--') || a === '--') {
      if (a.startsWith('-') && a !== '-') throw new CliUsageError(`unknown option '${a}'`);
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const kind = Object.hasOwn(all, name) ? all[name] : undefined;
    if (!kind) throw new CliUsageError(`unknown option '--${name}'`);
    if (kind === 'flag') {
      if (eq > 0) throw new CliUsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new CliUsageError(`--${name} needs a value`);
    if (kind === 'list') (lists[name] ??= []).push(value);
    else strings[name] = value;
  }
  return { strings, lists, flags, positionals };
}

/** A `--format` value among the allowed ones (default first). */
export function formatOption<T extends string>(opts: ParsedOptions, allowed: readonly T[]): T {
  const f = opts.strings.format ?? allowed[0];
  if (!(allowed as readonly string[]).includes(f))
    throw new CliUsageError(`--format must be ${allowed.join(' or ')}, not '${f}'`);
  return f as T;
}

export function requireString(opts: ParsedOptions, name: string): string {
  const v = opts.strings[name];
  if (v === undefined) throw new CliUsageError(`--${name} is required`);
  return v;
}
