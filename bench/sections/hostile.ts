/**
 * Hostile inputs (test/unit/fuzz/hostile.ts): each class at 1 MB, checked by the language service as the
 * server ships it (parse + rules + schema), as a ratio to an ordinary file of the same format and size
 * measured in the same run. Budget: each class within its linear bound (maxRatio); before the fixes the
 * quadratic classes were 1,000-10,000x at 100 KB and did not finish at 1 MB.
 */
import { bestCheckMs, hostileCases } from '../../test/unit/fuzz/hostile';
import { loadShippedLanguageService } from '../lib/shipped';
import { ratioRow, type BenchContext, type Row, type Section } from '../lib/results';

export const hostile: Section = {
  name: 'hostile',
  async run(ctx: BenchContext): Promise<Row[]> {
    const ls = loadShippedLanguageService(ctx.root)();
    const runs = ctx.ci ? 1 : 3;
    const best = (uri: string, text: string) => bestCheckMs(ls, uri, text, runs);
    const rows: Row[] = [];
    for (const c of hostileCases(ctx.ci ? 20_000 : 1_000_000)) {
      const value = await best(c.uri, c.text);
      const ordinary = await best(c.uri, c.ordinary);
      ctx.log(`hostile ${c.name}: ${value.toFixed(1)} ms vs ordinary ${ordinary.toFixed(1)} ms`);
      rows.push(
        ratioRow(
          {
            section: 'hostile',
            metric: `${c.name} (${Math.round(c.text.length / 1024)} KB) vs same-size ordinary file`,
            value,
            unit: 'ms',
            baseline: { name: 'ordinary', value: ordinary },
            budget: `ratio <= ${c.maxRatio}`,
          },
          c.maxRatio,
        ),
      );
    }
    return rows;
  },
};
