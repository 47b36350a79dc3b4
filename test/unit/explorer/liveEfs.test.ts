import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiveEfsSource, type LiveEfsData } from '../../../client/src/explorer/liveEfs';
import { FakeAws } from './fakeAws';

describe('LiveEfsSource (unit)', () => {
  it('reports file systems with access points, follows pages, and turns off when disconnected or failing', async () => {
    const fake = new FakeAws();
    fake.pageSize = 1;
    const r = fake.region('eu-west-1');
    r.fileSystems.push({ FileSystemId: 'fs-1', Name: 'data' }, { FileSystemId: 'fs-2' });
    r.accessPoints.push(
      { AccessPointId: 'fsap-1', FileSystemId: 'fs-1', Name: 'app' },
      { AccessPointId: 'fsap-2', FileSystemId: 'fs-1' },
    );
    const seen: Array<LiveEfsData | undefined> = [];
    const errors: string[] = [];
    const source = new LiveEfsSource(
      fake.factory,
      (d) => seen.push(d),
      (m) => errors.push(m),
    );
    await source.update({ profile: undefined, region: 'eu-west-1' });
    assert.deepEqual(seen[0], {
      region: 'eu-west-1',
      fileSystems: [
        {
          id: 'fs-1',
          name: 'data',
          accessPoints: [
            { id: 'fsap-1', name: 'app' },
            { id: 'fsap-2', name: undefined },
          ],
        },
        { id: 'fs-2', name: undefined, accessPoints: [] },
      ],
    });
    await source.update(undefined);
    assert.equal(seen[1], undefined);
    fake.fail(
      'eu-west-1',
      'DescribeFileSystems',
      Object.assign(new Error('denied'), { name: 'AccessDeniedException' }),
    );
    await source.update({ profile: undefined, region: 'eu-west-1' });
    assert.equal(seen[2], undefined);
    assert.match(errors[0], /Access denied/);
  });
});
