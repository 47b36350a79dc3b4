/**
 * (unit) The explorer's welcome view: VS Code shows viewsWelcome content only while the tree has no
 * root items. With a welcome listener the root is empty, and the listener names the state, when
 * every connection has no credentials, cannot be reached, or holds no cluster and no task definition;
 * otherwise the connections show as before. Each viewsWelcome entry of package.json answers one state.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Connection } from '../../../client/src/aws/types';
import { ExplorerModel } from '../../../client/src/explorer/model';
import type { Welcome } from '../../../client/src/explorer/welcome';
import { addCluster, addTaskDefinition } from './fakeAccount';
import { FakeAws } from './fakeAws';

const east: Connection = { profile: 'dev', region: 'us-east-1' };
const west: Connection = { profile: 'dev', region: 'eu-west-1' };

function setup(conns: Connection[], endpoint?: string) {
  const fake = new FakeAws();
  const model = new ExplorerModel(
    fake.factory,
    () => conns,
    () => ({ pageSize: 100, concurrency: 4, showStoppedTasks: false, endpoint }),
  );
  const heard: Array<Welcome | undefined> = [];
  model.onWelcome = (w) => void heard.push(w);
  return { fake, model, heard };
}
const noCredentials = () =>
  Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED', name: 'Error' });

describe('explorer welcome view (unit)', () => {
  it('no credentials in every connection: an empty root and the noCredentials welcome', async () => {
    const { fake, model, heard } = setup([east, west]);
    fake.fail('us-east-1', '*', noCredentials());
    fake.fail('eu-west-1', '*', noCredentials());
    assert.deepEqual(await model.getChildren(), []);
    assert.equal(heard.at(-1)?.state, 'noCredentials');
    assert.match(heard.at(-1)!.message, /^dev · us-east-1, dev · eu-west-1: /);
    // After credentials appear, a refresh (the welcome's Retry) shows the tree.
    fake.faults.clear();
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod');
    model.refresh();
    assert.equal((await model.getChildren()).length, 2);
    assert.equal(heard.at(-1), undefined);
  });

  it('an unreachable endpoint: the unreachable welcome names the endpoint', async () => {
    const { fake, model, heard } = setup([east], 'http://localhost:4566');
    fake.fail('us-east-1', '*', refused());
    assert.deepEqual(await model.getChildren(), []);
    assert.equal(heard.at(-1)?.state, 'unreachable');
    assert.match(heard.at(-1)!.message, /via http:\/\/localhost:4566: Network error: connect ECONNREFUSED/);
  });

  it('no clusters and no task definitions anywhere: the empty welcome; either one shows the tree', async () => {
    const { fake, model, heard } = setup([east, west]);
    assert.deepEqual(await model.getChildren(), []);
    assert.deepEqual(heard.at(-1), {
      state: 'empty',
      where: 'dev · us-east-1, dev · eu-west-1',
      message: 'No ECS clusters or task definitions in dev · us-east-1, dev · eu-west-1.',
    });
    addTaskDefinition(fake.region('eu-west-1'), 'eu-west-1', 'web', 1);
    model.refresh();
    assert.equal((await model.getChildren()).length, 2, 'a task definition in one region is worth the tree');
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod');
    model.refresh();
    assert.equal((await model.getChildren()).length, 2);
    assert.equal(heard.at(-1), undefined);
  });

  it('mixed states (one region unreachable, one fine) keep the tree with its error node', async () => {
    const { fake, model, heard } = setup([east, west]);
    addCluster(fake.region('eu-west-1'), 'eu-west-1', 'prod');
    fake.fail('us-east-1', '*', refused());
    assert.equal((await model.getChildren()).length, 2);
    assert.equal(heard.at(-1), undefined);
  });

  it('the probe costs one ListClusters per connection (plus task definition families when no cluster)', async () => {
    const { fake, model } = setup([east]);
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod');
    await model.getChildren();
    const [root] = await model.getChildren();
    const [clusters] = await model.getChildren(root);
    const before = fake.calls.length;
    await model.getChildren(clusters); // the tree expanding Clusters reuses the probe's page
    assert.equal(fake.calls.length, before);
  });

  it('package.json has one welcome per state, each with a way out', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { viewsWelcome: Array<{ view: string; contents: string; when?: string }> };
    };
    const byState = new Map(
      pkg.contributes.viewsWelcome.map((w) => [/fargateLens\.explorer\.welcome == (\w+)/.exec(w.when ?? '')?.[1], w]),
    );
    for (const state of ['noCredentials', 'unreachable', 'empty']) {
      const w = byState.get(state);
      assert.ok(w, state);
      assert.equal(w.view, 'fargateLens.explorer');
      assert.match(w.contents, /\[(Retry|Refresh)\]\(command:fargateLens\.refresh\)/);
    }
  });
});
