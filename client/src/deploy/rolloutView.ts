/** How a watched rollout shows on its service node (pure; client/src/explorer/treeItems.ts calls these). */
import { PHASE_TEXT, rolloutLine, type RolloutSnapshot } from './rollout';

/** "rolling out web:8: 1/2 running · 1 failed" while watched; the final phase once the watch ended. */
export function rolloutDescription(s: RolloutSnapshot | undefined): string | undefined {
  if (!s) return undefined;
  const rev = s.taskDefinition?.split('/').pop();
  return `${PHASE_TEXT[s.phase]}${rev ? ` ${rev}` : ''}: ${rolloutLine(s)}`;
}

/** Markdown appended to the service tooltip: the phase, the reason, the latest events. */
export function rolloutTooltip(s: RolloutSnapshot | undefined, md: (t: string) => string): string {
  if (!s) return '';
  const lines = [`\n\n**Rollout** ${md(PHASE_TEXT[s.phase])}: ${md(rolloutLine(s))}`];
  if (s.reason) lines.push(md(s.reason));
  if (s.circuitBreaker)
    lines.push(
      `Circuit breaker: ${s.circuitBreaker.enable ? `on${s.circuitBreaker.rollback ? ', rollback' : ''}` : 'off'}`,
    );
  for (const e of s.events.slice(0, 5)) lines.push(`- ${md(e.message ?? '')}`);
  return lines.join('\n\n');
}
