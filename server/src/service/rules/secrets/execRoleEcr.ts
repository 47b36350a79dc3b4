import { child, type AstNode } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { fargateExecRoleFinding } from './refs';

const AWS_MSG = 'Fargate requires task definition to have execution role ARN to support ECR images.';
const PRIVATE_ECR = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;
/** A templated account or Region (`${AWS_ACCOUNT_ID}.dkr.ecr...`) is still a private ECR image. */
const TEMPLATED_ECR = /^[^/]*\.dkr\.ecr(-fips)?\.[^/]*\.amazonaws\.com(\.cn)?\//;

function isPrivateEcr(node: AstNode | undefined): boolean {
  if (!node || node.type !== 'string') return false;
  const v = String(node.value);
  return node.unknown === 'template' ? TEMPLATED_ECR.test(v) : !node.unknown && PRIVATE_ECR.test(v);
}

/** On Fargate, images are pulled from private ECR with the execution role. */
export const execRoleEcr: TaskDefRule = {
  id: 'exec-role/ecr',
  scope: 'taskdef',
  severity: 'error',
  title: 'Private ECR image on Fargate needs an execution role',
  docs: {
    what: 'A Fargate task definition pulls an image from a private Amazon ECR repository without `executionRoleArn`.',
    why: `Fargate authenticates to ECR with the task execution role; RegisterTaskDefinition fails with "${AWS_MSG}" (ECR Public images, public.ecr.aws, need no role).`,
    fix: 'Add `executionRoleArn` with a role that has the AmazonECSTaskExecutionRolePolicy (ecr:GetAuthorizationToken, ecr:BatchGetImage, ...).',
  },
  check({ td }) {
    return fargateExecRoleFinding(
      this.id,
      td,
      (c) => {
        const node = child(c, 'image');
        return isPrivateEcr(node) ? node : undefined;
      },
      'pulls a private ECR image',
      AWS_MSG,
    );
  },
};
