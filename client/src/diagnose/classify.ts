/**
 * Classifies a stopped task against the failure catalogue (catalogue.ts) from the evidence ECS keeps:
 * the task's stopCode and whole stoppedReason, each container's exit code and reason, the service events
 * that name the task, and (when readable) the failed container's last log lines. Pure: no AWS, no VS Code.
 *
 * Matching uses the stable parts of ECS's texts only. A task stopped on purpose (by a user, a deployment or
 * scale-in) is not a failure. A failure that matches nothing is returned unclassified (no rule id) with
 * all of its evidence: never a guess presented as fact.
 */
import { FAILURES, type FailureKind } from './catalogue';

export interface ContainerEvidence {
  readonly name: string;
  readonly exitCode?: number;
  readonly reason?: string;
  readonly healthStatus?: string;
  /** From the task definition when known; containers are essential by default. */
  readonly essential?: boolean;
}

export interface StoppedTaskEvidence {
  readonly taskArn: string;
  readonly stopCode?: string;
  readonly stoppedReason?: string;
  readonly containers: readonly ContainerEvidence[];
  /** Service event messages that mention this task (newest first). */
  readonly events?: readonly string[];
  /** The failed container's last log lines (oldest first), when they could be read. */
  readonly logLines?: readonly string[];
}

export interface EvidenceItem {
  readonly source: 'stop code' | 'stopped reason' | 'container' | 'service event' | 'log';
  readonly text: string;
  readonly container?: string;
}

export interface Diagnosis {
  /** False for a task stopped on purpose (user, deployment, scale-in): nothing to fix. */
  readonly failed: boolean;
  /** Undefined: unclassified (the evidence is still there). */
  readonly kind?: FailureKind;
  readonly ruleId: string | null;
  /** One line: what failed. */
  readonly summary: string;
  /** The container the cause lives in, when one can be named. */
  readonly container?: string;
  readonly exitCode?: number;
  /** What the exit code means, when there is one worth explaining. */
  readonly exitCodeMeaning?: string;
  /** An ARN or name quoted by ECS (a secret, a log group) that locates the member among several. */
  readonly quoted?: string;
  readonly evidence: readonly EvidenceItem[];
}

const PULL = /CannotPullContainerError/;
const NETWORK =
  /i\/o timeout|dial tcp|context deadline exceeded|connection timed out|TLS handshake timeout|no such host/i;
const SECRET = /retrieve secret(?:s)? from (?:asm|ssm)|secrets?manager|unable to retrieve secret|ssm parameter/i;
const DENIED_OR_MISSING =
  /AccessDenied|not authorized|ResourceNotFound|ParameterNotFound|InvalidParameters|does not exist|not found|KMS|Decrypt/i;
const EXEC_FORMAT = /exec format error/i;

/** What an exit code of a stopped container usually means (Linux conventions, as ECS passes them on). */
export function exitCodeMeaning(code: number | undefined, stoppedOnPurpose: boolean): string | undefined {
  switch (code) {
    case undefined:
    case 0:
      return undefined;
    case 137:
      return stoppedOnPurpose
        ? 'exit code 137: killed with SIGKILL because it did not stop within stopTimeout after SIGTERM'
        : 'exit code 137: killed with SIGKILL (out of memory, or it ignored SIGTERM until stopTimeout)';
    case 139:
      return 'exit code 139: segmentation fault (SIGSEGV) in the application or a native library';
    case 143:
      return 'exit code 143: stopped with SIGTERM (ECS asks containers to stop this way)';
    case 126:
      return 'exit code 126: the command was found but could not be executed (permissions, or not a program)';
    case 127:
      return 'exit code 127: the command was not found in the image (command, entryPoint or the PATH)';
    case 255:
      return 'exit code 255: the program failed before it could report (often "exec format error": another CPU architecture)';
    default:
      return `exit code ${code}: the application ended with an error; its last log lines usually say why`;
  }
}

function stoppedOnPurpose(e: StoppedTaskEvidence): boolean {
  if (e.stopCode === 'UserInitiated') return true;
  if (e.stopCode === 'ServiceSchedulerInitiated') return /^Scaling activity initiated by/i.test(e.stoppedReason ?? '');
  return false;
}

/** The failing container: essential with a non-zero code, then any non-zero code, then any with a reason. */
function failedContainer(e: StoppedTaskEvidence): ContainerEvidence | undefined {
  const nonZero = e.containers.filter((c) => c.exitCode !== undefined && c.exitCode !== 0);
  return (
    nonZero.find((c) => c.essential !== false && c.exitCode !== 143) ??
    nonZero.find((c) => c.essential !== false) ??
    nonZero[0] ??
    e.containers.find((c) => c.reason)
  );
}

/** An ARN quoted in a reason (secret, parameter, log group, target group). */
function quotedArn(text: string): string | undefined {
  return /arn:aws[\w-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:[^\s"',)]+/.exec(text)?.[0];
}

interface Match {
  kind: FailureKind;
  container?: ContainerEvidence;
  quoted?: string;
}

/** The catalogue rows, most specific first, over one text (a stopped reason or a container reason). */
function matchText(text: string): Omit<Match, 'container'> | undefined {
  if (PULL.test(text)) {
    if (/toomanyrequests|pull rate limit/i.test(text)) return { kind: FAILURES.pullRateLimit };
    if (/pull access denied|repository does not exist|not found|manifest unknown|unauthorized|denied/i.test(text))
      return { kind: FAILURES.imagePull };
    if (NETWORK.test(text)) return { kind: FAILURES.registryUnreachable };
    return { kind: FAILURES.imagePull };
  }
  if (/ResourceInitializationError/.test(text) || /unable to pull secrets or registry auth/.test(text)) {
    if (/failed to validate logger args|log group does not exist|Cloudwatch log stream/i.test(text))
      return { kind: FAILURES.logger, quoted: quotedArn(text) };
    if (/EFS utils|mount\.nfs|efs/i.test(text)) return { kind: FAILURES.efsMount };
    if (SECRET.test(text)) {
      if (NETWORK.test(text) && !DENIED_OR_MISSING.test(text)) return { kind: FAILURES.initNetwork };
      return { kind: FAILURES.secretFetch, quoted: quotedArn(text) };
    }
    if (/ecr registry auth/i.test(text) && !NETWORK.test(text)) return { kind: FAILURES.imagePull };
    if (NETWORK.test(text) || /unable to pull secrets or registry auth/.test(text))
      return { kind: FAILURES.initNetwork };
  }
  if (/OutOfMemoryError|killed due to memory usage/i.test(text)) return { kind: FAILURES.oom };
  if (EXEC_FORMAT.test(text)) return { kind: FAILURES.archMismatch };
  if (/CannotStartContainerError|executable file not found|OCI runtime create failed/i.test(text))
    return { kind: FAILURES.cannotStart };
  if (/failed ELB health checks|is unhealthy in \(target-group/i.test(text))
    return { kind: FAILURES.elbHealth, quoted: quotedArn(text) };
  if (/failed container health checks/i.test(text)) return { kind: FAILURES.containerHealth };
  if (/Spot Task was interrupted|SpotInterruption/i.test(text)) return { kind: FAILURES.spotInterruption };
  if (/TargetNotConnectedException|execute command was not enabled|ExecuteCommandAgent is not running/i.test(text))
    return { kind: FAILURES.execAgent };
  return undefined;
}

function classifyMatch(e: StoppedTaskEvidence, failed: ContainerEvidence | undefined): Match | undefined {
  if (e.stopCode === 'SpotInterruption') return { kind: FAILURES.spotInterruption };
  // Container reasons are the most specific evidence (OOM, cannot start), then the task's reason.
  for (const c of e.containers) {
    const m = c.reason ? matchText(c.reason) : undefined;
    if (m) return { ...m, container: c };
  }
  const fromReason = e.stoppedReason ? matchText(e.stoppedReason) : undefined;
  if (fromReason) {
    const container =
      fromReason.kind === FAILURES.containerHealth
        ? (e.containers.find((c) => c.healthStatus === 'UNHEALTHY') ?? failed)
        : failed;
    return { ...fromReason, container };
  }
  for (const ev of e.events ?? []) {
    const m = matchText(ev);
    if (m && (m.kind === FAILURES.elbHealth || m.kind === FAILURES.containerHealth)) return { ...m, container: failed };
  }
  if (e.logLines?.some((l) => EXEC_FORMAT.test(l))) return { kind: FAILURES.archMismatch, container: failed };
  if (failed?.exitCode === 137 && !stoppedOnPurpose(e) && /OutOfMemory/i.test(failed.reason ?? ''))
    return { kind: FAILURES.oom, container: failed };
  if (/Essential container in task exited/i.test(e.stoppedReason ?? '') || e.stopCode === 'EssentialContainerExited')
    return { kind: FAILURES.essentialExit, container: failed };
  return undefined;
}

export function classifyStoppedTask(e: StoppedTaskEvidence): Diagnosis {
  const onPurpose = stoppedOnPurpose(e);
  const failed = failedContainer(e);
  const evidence: EvidenceItem[] = [];
  if (e.stopCode) evidence.push({ source: 'stop code', text: e.stopCode });
  if (e.stoppedReason) evidence.push({ source: 'stopped reason', text: e.stoppedReason });
  for (const c of e.containers) {
    const parts = [c.exitCode !== undefined ? `exit code ${c.exitCode}` : '', c.reason ?? ''].filter(Boolean);
    if (parts.length) evidence.push({ source: 'container', container: c.name, text: parts.join(': ') });
  }
  for (const ev of e.events ?? []) evidence.push({ source: 'service event', text: ev });
  for (const l of e.logLines ?? []) evidence.push({ source: 'log', container: failed?.name, text: l });

  const exitCode = failed?.exitCode;
  const meaning = exitCodeMeaning(exitCode, onPurpose);
  // A user's stop is never a failure; a scheduler's stop is one when the evidence says why (health checks).
  const match = e.stopCode === 'UserInitiated' ? undefined : classifyMatch(e, failed);
  if (onPurpose && !match) {
    return {
      failed: false,
      ruleId: null,
      summary: `Stopped on purpose (${e.stopCode}): ${e.stoppedReason ?? 'no reason given'}`,
      container: failed?.name,
      exitCode,
      exitCodeMeaning: meaning,
      evidence,
    };
  }
  if (!match) {
    return {
      failed: true,
      ruleId: null,
      summary: `Unclassified failure${e.stopCode ? ` (${e.stopCode})` : ''}: ${e.stoppedReason ?? 'no reason given'}`,
      container: failed?.name,
      exitCode,
      exitCodeMeaning: meaning,
      evidence,
    };
  }
  const container = match.container ?? failed;
  return {
    failed: true,
    kind: match.kind,
    ruleId: match.kind.ruleId,
    summary: `${match.kind.title}${container ? ` (container ${container.name})` : ''}`,
    container: container?.name,
    exitCode: container?.exitCode ?? exitCode,
    exitCodeMeaning: exitCodeMeaning(container?.exitCode ?? exitCode, false),
    quoted: match.quoted,
    evidence,
  };
}
