/**
 * explorer cost against the in-memory fake that counts calls (test/unit/explorer/fakeAws.ts)
 * driving the real ExplorerModel and tree-item mapping: 1,000 clusters, one of which runs 5,000 tasks
 * across 50 services. First paint = the root, its folders and the first page of clusters mapped to
 * tree items. Full expansion = every cluster page ("load more"), then the big cluster's services and
 * all their tasks. Calls are compared with the minimum the API allows.
 */
import type { Connection } from '../../client/src/aws/types';
import { API_LIMITS } from '../../client/src/aws/types';
import { ExplorerModel } from '../../client/src/explorer/model';
import type { ExplorerNode } from '../../client/src/explorer/nodes';
import { toTreeItem } from '../../client/src/explorer/treeItems';
import { addCluster } from '../../test/unit/explorer/fakeAccount';
import { FakeAws } from '../../test/unit/explorer/fakeAws';
import type { BenchContext, Row, Section } from '../lib/results';
import { now } from '../lib/stats';

const REGION = 'us-east-1';

async function childOfKind(
  model: ExplorerModel,
  parent: ExplorerNode,
  kind: ExplorerNode['kind'],
): Promise<ExplorerNode> {
  const found = (await model.getChildren(parent)).find((n) => n.kind === kind);
  if (!found) throw new Error(`explorer: no ${kind} under ${parent.id}`);
  return found;
}

export const explorer: Section = {
  name: 'explorer',
  async run(ctx: BenchContext): Promise<Row[]> {
    const section = 'explorer';
    const [clusters, services, perService] = ctx.ci ? [120, 5, 30] : [1000, 50, 100];
    const tasks = services * perService;
    const fake = new FakeAws();
    const region = fake.region(REGION);
    addCluster(region, REGION, 'big', { services, tasksPerService: perService });
    for (let i = 1; i < clusters; i++) addCluster(region, REGION, `c-${i}`);
    const conn: Connection = { profile: undefined, region: REGION };
    const model = new ExplorerModel(
      fake.factory,
      () => [conn],
      () => ({ pageSize: 100, concurrency: 4, showStoppedTasks: false }),
    );

    const t0 = now();
    const [root] = await model.getChildren();
    const folders = await model.getChildren(root);
    const clustersFolder = folders.find((n) => n.kind === 'clusters')!;
    let clusterNodes = await model.getChildren(clustersFolder);
    [root, ...folders, ...clusterNodes].map((n) => toTreeItem(n));
    const firstPaint = now() - t0;
    const firstPaintCalls = fake.calls.length;

    const t1 = now();
    for (let more = clusterNodes.at(-1); more?.kind === 'loadMore'; more = clusterNodes.at(-1)) {
      await model.loadMore(more);
      clusterNodes = await model.getChildren(clustersFolder);
    }
    const big = clusterNodes.find((n) => n.kind === 'cluster' && n.cluster.clusterName === 'big')!;
    const serviceNodes = (await model.getChildren(await childOfKind(model, big, 'services'))).filter(
      (n) => n.kind === 'service',
    );
    let shown = 0;
    for (const s of serviceNodes) {
      let kids = await model.getChildren(s);
      for (let more = kids.at(-1); more?.kind === 'loadMore'; more = kids.at(-1)) {
        await model.loadMore(more);
        kids = await model.getChildren(s);
      }
      shown += kids.filter((n) => n.kind === 'task').map((n) => toTreeItem(n)).length;
    }
    await model.getChildren(await childOfKind(model, big, 'standaloneTasks'));
    const expand = now() - t1;
    if (shown !== tasks) throw new Error(`explorer: ${shown} task nodes shown, expected ${tasks}`);

    const ecsOps = [
      'ListClusters',
      'DescribeClusters',
      'ListServices',
      'DescribeServices',
      'ListTasks',
      'DescribeTasks',
    ];
    const calls = fake.calls.filter((c) => ecsOps.includes(c.op)).length;
    const pages = (n: number) => Math.max(1, Math.ceil(n / API_LIMITS.listPageSize));
    // List pages (clusters, services, tasks of the big cluster) + describes at the API batch limits.
    const minimum =
      pages(clusters) +
      pages(services) +
      pages(tasks) +
      Math.ceil(clusters / API_LIMITS.describeClusters) +
      Math.ceil(tasks / API_LIMITS.describeTasks) +
      Math.ceil(services / API_LIMITS.describeServices);
    const byOp = ecsOps.map((op) => `${op} ${fake.count(op)}`).join(', ');
    ctx.log(
      `explorer: first paint ${firstPaint.toFixed(1)} ms (${firstPaintCalls} calls), full expansion ${expand.toFixed(1)} ms, ${calls} calls (${byOp}), minimum ${minimum}`,
    );
    return [
      {
        section,
        metric: `time to first paint (${clusters} clusters)`,
        value: firstPaint,
        unit: 'ms',
        note: `${firstPaintCalls} API calls before first paint`,
      },
      {
        section,
        metric: `full expansion (${clusters} clusters, ${tasks} tasks / ${services} services)`,
        value: expand,
        unit: 'ms',
        note: "includes the fake's own filtering",
      },
      {
        section,
        metric: 'ECS API calls for full expansion',
        value: calls,
        unit: 'calls',
        baseline: { name: 'minimum', value: minimum },
        ratio: calls / minimum,
        budget: '= minimum',
        pass: calls === minimum,
        note: byOp,
      },
    ];
  },
};
