/**
 * full validation after an edit (parse + rules + schema, what the server runs per
 * version) against (a) vscode-json-languageservice validating the same text with the generated
 * task-definition schema and (b) jsonc-parser's parse alone, the floor. Every run sees a different
 * text (a trailing-space variant) so nothing can be served from a cache keyed by text. Ours is the
 * service bundled as the server ships it (bench/lib/shipped.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';
import { getLanguageService as getJsonLanguageService, TextDocument } from 'vscode-json-languageservice';
import { loadShippedLanguageService } from '../lib/shipped';
import { largeTaskDef, typicalTaskDef } from '../lib/fixtures';
import { ratioRow, type BenchContext, type Row, type Section } from '../lib/results';
import { summarize, timeInterleaved } from '../lib/stats';

const URI = 'file:///bench/task-definition.json';

function variants(text: string): string[] {
  return Array.from({ length: 8 }, (_, i) => text + ' '.repeat(i));
}

export const validation: Section = {
  name: 'validation',
  async run(ctx: BenchContext): Promise<Row[]> {
    // The server is long-running: what a user feels while typing is V8's steady state, so each
    // contender is warmed up past tiering before measuring. Measured in blocks of 500 from a cold
    // process (bench/README.md, "Warm-up"), json-languageservice settles after ~3,000 runs and ours,
    // whose ~170 rules each run once per validation and so collect feedback more slowly, after
    // ~4,000; 1,000 runs measured ours while it was still being optimised. The three are measured
    // interleaved (one run of each per round) so machine-load swings hit them alike.
    const runs = ctx.ci ? 5 : 2000;
    const warmup = ctx.ci ? 2 : 5000;
    const schema = JSON.parse(readFileSync(join(ctx.root, 'schemas/task-definition.schema.json'), 'utf8'));
    const jls = getJsonLanguageService({});
    jls.configure({
      validate: true,
      allowComments: true,
      schemas: [{ uri: 'bench://task-definition.schema.json', fileMatch: ['*.json'], schema }],
    });
    const rows: Row[] = [];
    const getLanguageService = loadShippedLanguageService(ctx.root);
    for (const [label, text] of [
      ['typical (~150 lines)', typicalTaskDef()],
      ['large (~1,500 lines)', largeTaskDef()],
    ] as const) {
      const texts = variants(text);
      const lines = text.split('\n').length;
      const ls = getLanguageService();
      const [oursRuns, jsonRuns, floorRuns] = await timeInterleaved(runs, warmup, [
        async (i) => ls.validateAll(ls.parse(URI, texts[i % texts.length])),
        async (i) => {
          const doc = TextDocument.create(URI, 'json', i, texts[i % texts.length]);
          return jls.doValidation(doc, jls.parseJSONDocument(doc), {
            comments: 'ignore',
            trailingCommas: 'ignore',
            schemaValidation: 'error',
          });
        },
        (i) => {
          const errors: ParseError[] = [];
          return parseTree(texts[i % texts.length], errors, { allowTrailingComma: true, disallowComments: false });
        },
      ]);
      const ours = summarize(oursRuns);
      const viaJson = summarize(jsonRuns);
      const floor = summarize(floorRuns);
      ctx.log(
        `validation ${label}: ${lines} lines, ours median ${ours.median.toFixed(3)} ms, json-ls ${viaJson.median.toFixed(3)} ms, parse ${floor.median.toFixed(3)} ms`,
      );
      const section = 'validation';
      const big = label.startsWith('large');
      for (const stat of ['median', 'p95'] as const) {
        rows.push(
          ratioRow(
            {
              section,
              metric: `${label} ${stat} vs json-languageservice`,
              value: ours[stat],
              unit: 'ms',
              baseline: { name: '(a)', value: viaJson[stat] },
              budget: 'ratio <= 1',
            },
            1,
          ),
        );
        rows.push(
          ratioRow(
            {
              section,
              metric: `${label} ${stat} vs parse floor`,
              value: ours[stat],
              unit: 'ms',
              baseline: { name: '(b)', value: floor[stat] },
              budget: 'ratio <= 4',
            },
            4,
          ),
        );
      }
      if (big)
        rows.push({
          section,
          metric: `${label} p95 absolute`,
          value: ours.p95,
          unit: 'ms',
          budget: '< 10 ms',
          pass: ours.p95 < 10,
        });
    }
    return rows;
  },
};
