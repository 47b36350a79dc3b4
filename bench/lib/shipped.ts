/**
 * The language service as the server ships it: server/src/service/languageService.ts bundled with the
 * server's esbuild options (minified, names not kept, node20 CJS), so the validation bench measures the
 * code users run rather than tsx's development transform (which wraps every named function in a
 * `__name` call at run time).
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { getLanguageService as GetLanguageService } from '../../server/src/service/languageService';

export function loadShippedLanguageService(root: string): typeof GetLanguageService {
  const dir = mkdtempSync(join(tmpdir(), 'fargate-lens-bench-'));
  const outfile = join(dir, 'languageService.js');
  try {
    buildSync({
      entryPoints: [join(root, 'server/src/service/languageService.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      mainFields: ['module', 'main'],
      logLevel: 'warning',
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(outfile) as { getLanguageService: typeof GetLanguageService }).getLanguageService;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
