/**
 * Live EFS data for the language server: the connected region's file systems and
 * access points. The extension passes `onLiveEfs` (which sends `fargateLens/liveEfs` to the server);
 * `undefined` means "not connected: switch the live checks off". Never driven by workspace content.
 */
import { collectPages, mapLimit } from '../aws/batch';
import type { ApiFactory, Connection, EfsApi } from '../aws/types';
import { connectionKey } from '../aws/profiles';
import { formatAwsError } from '../aws/errors';

export interface LiveEfsData {
  region: string;
  fileSystems: Array<{ id: string; name?: string; accessPoints: Array<{ id: string; name?: string }> }>;
}

export type LiveEfsCallback = (data: LiveEfsData | undefined) => void;

export async function collectLiveEfs(efs: EfsApi, region: string, concurrency = 4): Promise<LiveEfsData> {
  const fileSystems = (await collectPages((t) => efs.describeFileSystems(t))).items;
  const withAps = await mapLimit(fileSystems, concurrency, async (fs) => {
    const aps = (await collectPages((t) => efs.describeAccessPoints(fs.FileSystemId, t))).items;
    return {
      id: fs.FileSystemId,
      name: fs.Name,
      accessPoints: aps.map((a) => ({ id: a.AccessPointId, name: a.Name })),
    };
  });
  return { region, fileSystems: withAps };
}

export class LiveEfsSource {
  private current: string | undefined;
  private generation = 0;

  constructor(
    private readonly apis: ApiFactory,
    private readonly onLiveEfs: LiveEfsCallback,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  /** Loads data for `conn` (or turns live data off) and reports it; a newer call wins over an older one. */
  async update(conn: Connection | undefined): Promise<void> {
    const gen = ++this.generation;
    if (!conn) {
      this.current = undefined;
      this.onLiveEfs(undefined);
      return;
    }
    try {
      const apis = await this.apis(conn);
      const data = await collectLiveEfs(apis.efs, conn.region);
      if (gen !== this.generation) return;
      this.current = connectionKey(conn);
      this.onLiveEfs(data);
    } catch (err) {
      if (gen !== this.generation) return;
      this.current = undefined;
      this.onLiveEfs(undefined);
      this.onError(formatAwsError(err, conn.profile));
    }
  }

  /** Connection key of the data last reported, if any. */
  get connectedKey(): string | undefined {
    return this.current;
  }
}
