/**
 * (unit) A task definition revision's tooltip gets its details when hovered: cpu/memory, containers
 * with images, compatibilities, registered at/by, status; one DescribeTaskDefinition per revision,
 * kept until a full refresh.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from '../../../client/src/aws/types';
import { ExplorerModel } from '../../../client/src/explorer/model';
import type { ExplorerNode, NodeOf } from '../../../client/src/explorer/nodes';
import { revisionTooltip } from '../../../client/src/explorer/revisionDetails';
import { addCluster, addTaskDefinition } from './fakeAccount';
import { FakeAws } from './fakeAws';

const conn: Connection = { profile: 'dev', region: 'us-east-1' };

async function firstRevision(): Promise<{ fake: FakeAws; model: ExplorerModel; rev: NodeOf<'revision'> }> {
  const fake = new FakeAws();
  const r = fake.region('us-east-1');
  addCluster(r, 'us-east-1', 'prod');
  addTaskDefinition(r, 'us-east-1', 'web', 2);
  r.taskDefinitions[1].containerDefinitions = [
    { name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2', essential: true },
    { name: 'log_router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', essential: false },
  ];
  const model = new ExplorerModel(
    fake.factory,
    () => [conn],
    () => ({ pageSize: 100, concurrency: 4, showStoppedTasks: false }),
  );
  const find = async (nodes: ExplorerNode[], kind: string) => nodes.find((n) => n.kind === kind)!;
  const [root] = await model.getChildren();
  const tds = await find(await model.getChildren(root), 'taskDefinitions');
  const family = await find(await model.getChildren(tds), 'family');
  const rev = (await model.getChildren(family))[0] as NodeOf<'revision'>;
  assert.equal(rev.kind, 'revision');
  return { fake, model, rev };
}

describe('revision details in the tooltip (unit)', () => {
  it('cpu/memory, containers with images, compatibilities, registered at/by and status', async () => {
    const { model, rev } = await firstRevision();
    const tip = revisionTooltip(rev, await model.revisionDetails(rev));
    assert.match(tip, /^\*\*Task definition web:2\*\*/);
    for (const re of [
      /\| Status \| ACTIVE \|/,
      /\| CPU \/ memory \| 0\.25 vCPU · 512 MiB \|/,
      /\| Containers \| 2 containers \|/,
      /\| Network mode \| awsvpc \|/,
      /\| Requires \| FARGATE \|/,
      /\| Compatible with \| EC2, FARGATE \|/,
      /\| Registered \| 1970-01-01 00:00:00 UTC \|/,
      /\| Registered by \| arn:aws:iam::1:user\/x \|/,
      /- app: 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/web:1\.2/,
      /- log\\_router \(not essential\): public\.ecr\.aws\/aws-observability\/aws-for-fluent-bit:stable/,
    ])
      assert.match(tip, re);
  });

  it('one DescribeTaskDefinition per revision, kept until a full refresh', async () => {
    const { fake, model, rev } = await firstRevision();
    await model.revisionDetails(rev);
    await model.revisionDetails(rev);
    assert.equal(fake.count('DescribeTaskDefinition'), 1);
    model.refresh();
    await model.revisionDetails(rev);
    assert.equal(fake.count('DescribeTaskDefinition'), 2);
  });

  it('a failed describe is not kept (the next hover tries again)', async () => {
    const { fake, model, rev } = await firstRevision();
    fake.fail(
      'us-east-1',
      'DescribeTaskDefinition',
      Object.assign(new Error('throttled'), { name: 'ThrottlingException' }),
    );
    await assert.rejects(model.revisionDetails(rev));
    fake.faults.clear();
    assert.match(revisionTooltip(rev, await model.revisionDetails(rev)), /CPU \/ memory/);
  });
});
