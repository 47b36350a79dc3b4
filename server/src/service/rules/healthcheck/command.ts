import { child, isArray, str, type AstNode } from '../../documents/ast';
import type { DocumentModel } from '../../shapes/document';
import type { TaskDefRule } from '../types';
import type { Finding, Fix } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { healthChecks } from './range';

const PREFIXES = ['CMD', 'CMD-SHELL', 'NONE'];

/** The health-check command is an array starting with CMD or CMD-SHELL. */
export const hcCommand: TaskDefRule = {
  id: 'hc/command',
  scope: 'taskdef',
  severity: 'warning',
  title: 'Health-check command form',
  docs: {
    what: "`healthCheck.command` is a JSON array whose first item is `CMD` (exec the rest) or `CMD-SHELL` (run the rest with the container's default shell).",
    why: 'The ECS API: "the string array must start with CMD to run the command arguments directly, or CMD-SHELL to run the command with the container\'s default shell." Otherwise Docker runs the first word as a program, so the check fails and the container is marked unhealthy.',
    fix: 'Write `["CMD-SHELL", "curl -f http://localhost/ || exit 1"]`.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const { c, i, hc } of healthChecks(td.containers)) {
      const cmd = child(hc, 'command');
      if (!cmd || cmd.unknown) continue;
      if (cmd.type === 'string') {
        const line = String(cmd.value).replace(/^CMD(-SHELL)?\s+/, '');
        out.push(
          finding(
            this.id,
            cmd,
            `${containerLabel(c, i)}: healthCheck.command is a single string; it must be an array starting with CMD or CMD-SHELL, e.g. ["CMD-SHELL", "${line}"].`,
            { fixes: shellFix(doc, cmd, line) },
          ),
        );
        continue;
      }
      if (!isArray(cmd) || cmd.items.length === 0) continue;
      const first = cmd.items[0];
      const head = str(first);
      if (head === undefined || PREFIXES.includes(head)) continue;
      const label = containerLabel(c, i);
      const m = /^(CMD-SHELL|CMD)\s+(.+)$/s.exec(head);
      if (m && cmd.items.length === 1) {
        out.push(
          finding(
            this.id,
            first,
            `${label}: "${m[1]}" and the command are one string; ECS needs them as separate items: ["${m[1]}", "${m[2]}"]. As written, Docker looks for a program named "${head}" and the check always fails.`,
            {
              fixes: [fix(`Split into ["${m[1]}", ...]`, [doc.edits.replaceValue(cmd, [m[1], m[2]])], true)],
            },
          ),
        );
        continue;
      }
      const line = cmd.items.map((x) => str(x) ?? '').join(' ');
      out.push(
        finding(
          this.id,
          first,
          `${label}: healthCheck.command starts with '${head}' instead of CMD or CMD-SHELL; "the string array must start with CMD ... or CMD-SHELL". Docker would otherwise misread it and the check fails.`,
          {
            fixes: cmd.items.every((x) => str(x) !== undefined) ? shellFix(doc, cmd, line) : [],
          },
        ),
      );
    }
    return out;
  },
};

function shellFix(doc: DocumentModel, cmd: AstNode, line: string): Fix[] {
  return [fix('Use ["CMD-SHELL", ...]', [doc.edits.replaceValue(cmd, ['CMD-SHELL', line])], true)];
}
