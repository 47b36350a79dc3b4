import type { TaskDefRule } from '../types';
import { finding } from '../util';
import { removeFix, used } from './common';

/** Elastic Inference accelerators are deprecated. */
export const inferenceAccelerators: TaskDefRule = {
  id: 'task/inference-accelerators',
  scope: 'taskdef',
  severity: 'warning',
  title: 'inferenceAccelerators are deprecated',
  docs: {
    what: 'The task definition does not use `inferenceAccelerators`.',
    why: 'The ECS API documents `inferenceAccelerators` as deprecated: Amazon Elastic Inference stopped onboarding new customers on 2023-04-15, so tasks relying on it may not launch.',
    fix: "Remove `inferenceAccelerators` (and containers' `InferenceAccelerator` resource requirements); use GPU instances, AWS Inferentia or SageMaker instead.",
  },
  needs: { task: ['inferenceAccelerators'] },
  check({ td, doc }) {
    if (!td.root) return [];
    const p = used(td.root, 'inferenceAccelerators');
    if (!p) return [];
    return [
      finding(
        this.id,
        p,
        'inferenceAccelerators (Amazon Elastic Inference) are deprecated since 2023-04-15 and no longer offered to new customers; tasks relying on them may not launch. Remove them and use GPU or Inferentia instances instead.',
        { fixes: [removeFix(doc, td.root, p, false)], tags: ['deprecated'] },
      ),
    ];
  },
};
