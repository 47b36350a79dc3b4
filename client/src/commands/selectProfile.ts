/** Select profile: profiles from the shared config/credentials files (SSO and credential_process marked). */
import { readProfiles } from '../aws/profiles';
import type { CommandDeps } from './types';

export async function selectProfile(deps: CommandDeps): Promise<void> {
  const profiles = await readProfiles();
  const current = deps.settings.profile();
  const items = [
    {
      label: '$(key) Default credential chain',
      description: 'environment, AWS_PROFILE, container/instance role',
      picked: !current,
      value: '',
    },
    ...profiles.map((p) => ({
      label: p.name,
      picked: p.name === current,
      description:
        [p.sso && 'SSO', p.process && 'credential_process', p.region].filter(Boolean).join(' · ') || undefined,
      value: p.name,
    })),
  ];
  const chosen = await deps.ui.pick(items, {
    title: 'Fargate Lens: AWS profile',
    placeholder: current ? `Current: ${current}` : 'Current: default chain',
  });
  if (chosen === undefined) return;
  await deps.settings.setProfile(chosen || undefined);
  deps.resetClients();
  deps.model.refresh();
}
