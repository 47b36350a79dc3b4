/** The rule registry: every rule, by area. Adding a rule is one line in its area's index. */
import type { Rule } from './types';
import { rules as pv } from './pv';
import { rules as task } from './task';
import { rules as fargate } from './fargate';
import { rules as container } from './container';
import { rules as port } from './port';
import { rules as linux } from './linux';
import { rules as volume } from './volume';
import { rules as efs } from './efs';
import { rules as secrets } from './secrets';
import { rules as logging } from './logging';
import { rules as healthcheck } from './healthcheck';
import { rules as exec } from './exec';
import { rules as service } from './service';
import { rules as cfn } from './cfn';
import { rules as live } from './live';
import { META_RULES, type MetaRule } from './meta';

export const ALL_RULES: readonly Rule[] = [
  ...pv,
  ...task,
  ...fargate,
  ...container,
  ...port,
  ...linux,
  ...volume,
  ...efs,
  ...secrets,
  ...logging,
  ...healthcheck,
  ...exec,
  ...service,
  ...cfn,
  ...live,
];

/** Every id a diagnostic can carry, with its documentation: the rules and the meta ids. */
export const RULES_BY_ID: ReadonlyMap<string, Rule | MetaRule> = new Map<string, Rule | MetaRule>(
  [...META_RULES, ...ALL_RULES].map((r) => [r.id, r]),
);
