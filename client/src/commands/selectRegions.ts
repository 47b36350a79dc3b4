/** Select regions: several at once; each becomes a connection node in the tree. */
import { KNOWN_REGIONS } from '../aws/profiles';
import { regionName } from '../aws/regions';
import type { CommandDeps } from './types';

export async function selectRegions(deps: CommandDeps): Promise<void> {
  const current = new Set(deps.connections().map((c) => c.region));
  const extra = [...current].filter((r) => !KNOWN_REGIONS.includes(r));
  const items = [...extra, ...KNOWN_REGIONS].map((r) => ({
    label: r,
    description: regionName(r),
    picked: current.has(r),
    value: r,
  }));
  items.push({ label: '$(edit) Other region…', description: undefined, picked: false, value: '' });
  const chosen = await deps.ui.pickMany(items, { title: 'Fargate Lens: regions to show' });
  if (!chosen) return;
  const regions = chosen.filter(Boolean);
  if (chosen.includes('')) {
    const typed = await deps.ui.input({
      title: 'Region code',
      placeholder: 'e.g. eu-west-1',
      validate: (v) => (/^[a-z]{2}(-[a-z]+)+-\d$/.test(v.trim()) ? undefined : 'Not a region code'),
    });
    if (typed) regions.push(typed.trim());
  }
  if (regions.length === 0) return;
  await deps.settings.setRegions(regions);
  deps.model.refresh();
}
