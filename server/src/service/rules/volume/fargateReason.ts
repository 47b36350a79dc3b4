/** Explains in messages why Fargate rules apply to a task definition. */
import type { TaskDefModel } from '../../shapes/model';

/** " (launched on Fargate by service web)" when Fargate-ness comes from a launch input, else "". */
export function fargateReason(td: TaskDefModel): string {
  return td.fargateVia ? ` (launched on Fargate by ${td.fargateVia.label})` : '';
}
