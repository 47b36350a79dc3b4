/**
 * Pre-deploy verification of one file's references (server/src/service/verify/references.ts) against
 * the account: bounded (at most MAX_REFERENCES per file, the rest reported as not checked), batched
 * where the APIs take lists (SSM parameters, subnets, security groups, target groups), at most
 * CONCURRENCY calls in flight, answers cached per (account, region, reference). Throttling is retried
 * with back-off by the SDK clients (adaptive retry mode, client/src/aws/clientConfig.ts); what still
 * fails becomes `live/not-checked`. Shared by the editor and `fargate-lens verify`.
 */
import type { LiveFinding } from '../../../server/src/protocol';
import {
  MAX_REFERENCES,
  type ImageRef,
  type LiveReference,
  type LogGroupRef,
  type NetworkRef,
  type RoleRef,
  type SecretRef,
} from '../../../server/src/service/verify/references';
import { mapLimit } from '../aws/batch';
import { notChecked, type VerifyContext } from './context';
import { checkImage } from './images';
import { checkNetwork } from './network';
import { checkLogGroup, checkRole } from './roles';
import { checkSecrets } from './secrets';

export const CONCURRENCY = 4;

export async function verifyReferences(refs: readonly LiveReference[], ctx: VerifyContext): Promise<LiveFinding[]> {
  const checked = refs.slice(0, MAX_REFERENCES);
  const out: LiveFinding[] = refs
    .slice(MAX_REFERENCES)
    .map((r) => notChecked(r, `${r.kind} ${r.value}`, `more than ${MAX_REFERENCES} references in the file`));
  const secrets: SecretRef[] = [];
  const network: NetworkRef[] = [];
  const singles: SingleRef[] = [];
  for (const r of checked) {
    switch (r.kind) {
      case 'secret':
        secrets.push(r);
        break;
      case 'subnet':
      case 'securityGroup':
      case 'targetGroup':
        network.push(r);
        break;
      case 'image':
      case 'role':
      case 'logGroup':
        singles.push(r);
        break;
      default:
        unhandled(r);
    }
  }
  const jobs: (() => Promise<LiveFinding[]>)[] = [
    ...singles.map((r) => () => one(r, ctx)),
    () => checkSecrets(secrets, ctx),
    () => checkNetwork(network, ctx),
  ];
  for (const found of await mapLimit(jobs, CONCURRENCY, (job) => job())) out.push(...found);
  return out;
}

/** The references checked one by one (the others go in batches). */
type SingleRef = ImageRef | RoleRef | LogGroupRef;

function one(r: SingleRef, ctx: VerifyContext): Promise<LiveFinding[]> {
  switch (r.kind) {
    case 'image':
      return checkImage(r, ctx);
    case 'role':
      return checkRole(r, ctx);
    case 'logGroup':
      return checkLogGroup(r, ctx);
    default:
      return unhandled(r);
  }
}

/** A reference kind with no check: the compiler refuses to build until it has one. */
function unhandled(r: never): never {
  throw new Error(`no check for reference ${JSON.stringify(r)}`);
}
