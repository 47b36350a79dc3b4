/**
 * The dependencies a command gets (CommandDeps), built for tests over one connection: the given UI and
 * AWS API factory (the in-memory fake or the SDK against moto), an explorer model over them, settings that
 * name the connection's profile and region, and a fresh client token per call (as randomUUID gives in
 * client/src/chunks/explorer.ts). `more` replaces any member and adds the optional ones (deploy, live, ...).
 */
import type { ApiFactory, Connection } from '../../client/src/aws/types';
import { JsonDocuments } from '../../client/src/commands/jsonDocuments';
import type { CommandDeps } from '../../client/src/commands/types';
import { ExplorerModel, type ExplorerSettings } from '../../client/src/explorer/model';
import type { Ui } from '../../client/src/ui/port';

export function commandDeps(
  ui: Ui,
  apis: ApiFactory,
  conn: Connection,
  more: Partial<CommandDeps> & { showStoppedTasks?: boolean } = {},
): CommandDeps {
  const { showStoppedTasks = false, ...members } = more;
  let n = 0;
  return {
    ui,
    model: members.model ?? explorerModel(apis, [conn], { showStoppedTasks }),
    apis,
    connections: () => [conn],
    documents: new JsonDocuments(),
    newToken: () => `tok-${++n}`,
    resetClients: () => undefined,
    settings: {
      profile: () => conn.profile,
      regions: () => [conn.region],
      setProfile: async () => undefined,
      setRegions: async () => undefined,
    },
    ...members,
  };
}

/** An explorer model over `conns`: 100 items a page, 4 calls at a time, no stopped tasks, unless `settings` says. */
export function explorerModel(
  apis: ApiFactory,
  conns: readonly Connection[],
  settings: Partial<ExplorerSettings> = {},
): ExplorerModel {
  const all: ExplorerSettings = { pageSize: 100, concurrency: 4, showStoppedTasks: false, ...settings };
  return new ExplorerModel(
    apis,
    () => conns,
    () => all,
  );
}
