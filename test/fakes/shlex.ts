/**
 * How the agent turns the ECS Exec command into an argument vector. In container mode the agent does
 * not use a shell: amazon-ssm-agent `agent/session/shell/shell_unix.go` `StartCommandExecutor` splits
 * the command with github.com/google/shlex (`shlex.Split`) and execs `argv[0]` with the rest. This is
 * our own implementation of that tokenizer's rules (vendor/github.com/google/shlex/shlex.go,
 * `Tokenizer.scanStream`): words split on space, tab, CR and LF; '…' is literal; "…" takes `\` as an
 * escape of the next character; outside quotes `\` escapes the next character; quoted parts join the
 * word they touch; a `#` at the start of a word begins a comment that runs to the end of the line.
 * Pipes, `&&`, `;`, `$VAR` and globs have no meaning here: they reach the program as literal words.
 */
export class ShlexError extends Error {}

export function shlexSplit(input: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const space = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  while (i < input.length) {
    const c = input[i];
    if (word === undefined) {
      if (space(c)) {
        i++;
        continue;
      }
      if (c === '#') {
        while (i < input.length && input[i] !== '\n') i++;
        continue;
      }
      word = '';
    }
    if (space(c)) {
      words.push(word);
      word = undefined;
      i++;
    } else if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) throw new ShlexError('EOF found when expecting closing quote');
      word += input.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      for (;;) {
        if (i >= input.length) throw new ShlexError('EOF found when expecting closing quote');
        const d = input[i];
        if (d === '"') break;
        if (d === '\\') {
          if (i + 1 >= input.length) throw new ShlexError('EOF found after escape character');
          word += input[i + 1];
          i += 2;
        } else {
          word += d;
          i++;
        }
      }
      i++;
    } else if (c === '\\') {
      if (i + 1 >= input.length) throw new ShlexError('EOF found after escape character');
      word += input[i + 1];
      i += 2;
    } else {
      word += c;
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
