/**
 * (unit) One error per connection: a failure no call can get past (unreachable endpoint, no or
 * expired credentials) replaces the connection's folders by one error saying where calls went, with
 * Retry; a per-API failure (access denied on EFS) stays under its folder. Every failed load is
 * logged, redacted, with the connection and the node.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from '../../../client/src/aws/types';
import { ExplorerModel } from '../../../client/src/explorer/model';
import type { ExplorerNode } from '../../../client/src/explorer/nodes';
import { toTreeItem } from '../../../client/src/explorer/treeItems';
import { addCluster } from './fakeAccount';
import { FakeAws } from './fakeAws';

const ENDPOINT = 'http://localhost:4566';
const conn: Connection = { profile: 'dev', region: 'eu-west-1' };
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED', name: 'Error' });

function setup(): { fake: FakeAws; model: ExplorerModel; lines: string[]; changes: Array<string | undefined> } {
  const fake = new FakeAws();
  const lines: string[] = [];
  const log = { info() {}, warn() {}, debug() {}, error: (m: string) => void lines.push(m) };
  const model = new ExplorerModel(
    fake.factory,
    () => [conn],
    () => ({ pageSize: 100, concurrency: 4, showStoppedTasks: false, endpoint: ENDPOINT }),
    log,
  );
  const changes: Array<string | undefined> = [];
  model.onDidChange((n) => changes.push(n?.id));
  return { fake, model, lines, changes };
}

const folders = async (model: ExplorerModel, root: ExplorerNode) => model.getChildren(root);

describe('connection-level errors (unit)', () => {
  it('an unreachable endpoint shows one error in place of Clusters, Task definitions and EFS', async () => {
    const { fake, model, lines, changes } = setup();
    fake.fail('eu-west-1', '*', refused());
    const [root] = await model.getChildren();
    const kids = await folders(model, root);
    // The view loads the three folders at once (they are expanded); all fail the same way.
    await Promise.all(kids.map((k) => model.getChildren(k)));
    assert.deepEqual(changes, [root.id], 'the connection is redrawn once');
    const [only, ...rest] = await folders(model, root);
    assert.equal(rest.length, 0);
    assert.ok(only.kind === 'message' && only.scope === 'connection');
    assert.match(only.message, /^Network error: connect ECONNREFUSED/);
    assert.match(only.detail ?? '', /profile dev, eu-west-1, endpoint http:\/\/localhost:4566/);
    assert.equal(toTreeItem(only).contextValue, 'fargateLens.message.connectionError');
    assert.equal(only.action?.command, 'fargateLens.refreshNode');
    assert.equal(lines.length, 1, 'logged once, not once per folder');
    assert.match(lines[0], /^dev · eu-west-1 › (clusters|taskDefinitions|fileSystems): Network error/);
    assert.match(lines[0], /endpoint http:\/\/localhost:4566/);
    // The connection itself says where its calls go.
    const item = toTreeItem(root);
    assert.equal(item.description, 'Europe (Ireland) · localhost:4566');
    assert.match(item.tooltip ?? '', /Endpoint \| http:\/\/localhost:4566/);
  });

  it('Retry (refresh of the connection, or of its error node) brings the folders back', async () => {
    const { fake, model } = setup();
    addCluster(fake.region('eu-west-1'), 'eu-west-1', 'prod');
    fake.fail('eu-west-1', '*', refused());
    const [root] = await model.getChildren();
    await model.getChildren((await folders(model, root))[0]);
    const [err] = await folders(model, root);
    fake.faults.clear();
    model.refresh(err); // the error node's Retry runs refreshNode on it
    const kids = await folders(model, root);
    assert.deepEqual(
      kids.map((k) => k.kind),
      ['clusters', 'taskDefinitions', 'fileSystems'],
    );
    assert.equal((await model.getChildren(kids[0]))[0].kind, 'cluster');
  });

  it('access denied on one API stays under its folder; the others still load', async () => {
    const { fake, model, lines } = setup();
    addCluster(fake.region('eu-west-1'), 'eu-west-1', 'prod');
    fake.fail(
      'eu-west-1',
      'DescribeFileSystems',
      Object.assign(new Error('not authorized to perform elasticfilesystem:DescribeFileSystems'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const [root] = await model.getChildren();
    const [clusters, , efs] = await folders(model, root);
    assert.equal((await model.getChildren(clusters))[0].kind, 'cluster');
    const [err] = await model.getChildren(efs);
    assert.ok(err.kind === 'message' && err.scope === undefined && /Access denied/.test(err.message));
    assert.equal((await folders(model, root)).length, 3);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /fileSystems: Access denied/);
  });
});
