/**
 * Large templates through the real server over stdio (dist/server.js, debounce 0): a keystroke
 * (didChange to the publishDiagnostics of that version) and a code action right after it (the
 * lightbulb request on a finding with a quick fix) in a 5,000-resource CloudFormation template, each as
 * a ratio to the same on a 10-resource template in the same run. A code action rides on the document's
 * last validation result, so it costs a small part of a keystroke instead of a whole validation.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER, startClient, type SpawnedClient } from '../../test/lsp/client';
import { ratioRow, skipped, type BenchContext, type Row, type Section } from '../lib/results';
import { now, summarize } from '../lib/stats';

/**
 * A template of `n` resources shaped like a large real stack: mostly parameters, log groups and roles,
 * every 50th a Fargate task definition whose port mapping name has upper case (port/name, with a fix).
 */
export function templateOf(n: number): string {
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:'];
  for (let i = 0; i < n; i++) {
    if (i % 50 === 0)
      out.push(
        `  Task${i}:`,
        '    Type: AWS::ECS::TaskDefinition',
        '    Properties:',
        `      Family: web-${i}`,
        '      RequiresCompatibilities: [FARGATE]',
        '      NetworkMode: awsvpc',
        "      Cpu: '256'",
        "      Memory: '512'",
        '      ContainerDefinitions:',
        '        - Name: app',
        '          Image: public.ecr.aws/nginx/nginx:1.27',
        '          Essential: true',
        '          PortMappings:',
        '            - ContainerPort: 80',
        '              Name: Web',
      );
    else if (i % 3 === 0)
      out.push(`  Log${i}:`, '    Type: AWS::Logs::LogGroup', '    Properties:', `      LogGroupName: /ecs/app-${i}`);
    else
      out.push(
        `  Param${i}:`,
        '    Type: AWS::SSM::Parameter',
        '    Properties:',
        '      Type: String',
        `      Name: /app/setting-${i}`,
        `      Value: value-${i}`,
      );
  }
  return out.join('\n') + '\n';
}

interface Measured {
  keystroke: number[];
  action: number[];
  actions: number;
}

async function measure(client: SpawnedClient, dir: string, name: string, text: string, edits: number) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  await client.open(file, text);
  await client.diagnostics(uri, (p) => p.version === 1, 120_000);
  // Typing into the first parameter's Value; the code action asks for the first task's port name.
  const pos = (needle: string, extra: number) => {
    const before = text.slice(0, text.indexOf(needle) + extra).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  const at = pos('value-1\n', 'value-1'.length);
  const web = pos('Name: Web', 'Name: '.length);
  const m: Measured = { keystroke: [], action: [], actions: 0 };
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const change =
      i % 2 === 0
        ? { range: { start: at, end: at }, text: 'x' }
        : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    const t0 = now();
    const published = client.diagnostics(uri, (p) => p.version === version, 120_000);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    const diags = await published;
    m.keystroke.push(now() - t0);
    const t1 = now();
    const actions = await client.connection.sendRequest<unknown[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: web, end: web },
      context: { diagnostics: diags.diagnostics.filter((d) => d.range.start.line === web.line) },
    });
    m.action.push(now() - t1);
    m.actions = actions.length;
  }
  return m;
}

export const largeTemplate: Section = {
  name: 'large',
  async run(ctx: BenchContext): Promise<Row[]> {
    const section = 'large';
    if (!existsSync(SERVER))
      return [skipped(section, 'keystroke / code action', 'dist/server.js not built (node scripts/build.mjs)')];
    const resources = ctx.ci ? 500 : 5000;
    const edits = ctx.ci ? 4 : 20;
    const dir = mkdtempSync(join(tmpdir(), 'fl-bench-large-'));
    const client = await startClient(dir, { debounceMs: 0 });
    try {
      const small = await measure(client, dir, 'small.yaml', templateOf(10), edits);
      const large = await measure(client, dir, 'large.yaml', templateOf(resources), edits);
      if (large.actions === 0 || small.actions === 0) throw new Error('no quick fix offered on the port name');
      const med = (xs: number[]) => summarize(xs).median;
      const [ks, kl, as, al] = [med(small.keystroke), med(large.keystroke), med(small.action), med(large.action)];
      ctx.log(
        `large: ${resources} resources, keystroke ${kl.toFixed(1)} ms (small ${ks.toFixed(1)}), code action ${al.toFixed(1)} ms (small ${as.toFixed(1)})`,
      );
      return [
        ratioRow({
          section,
          metric: `keystroke in a ${resources}-resource template, median`,
          value: kl,
          unit: 'ms',
          baseline: { name: '10 resources', value: ks },
        }),
        ratioRow({
          section,
          metric: `code action after that keystroke, ${resources} resources, median`,
          value: al,
          unit: 'ms',
          baseline: { name: '10 resources', value: as },
        }),
        ratioRow(
          {
            section,
            metric: `code action vs keystroke, ${resources} resources (the last validation result is reused)`,
            value: al,
            unit: 'ms',
            baseline: { name: 'keystroke', value: kl },
            budget: '<= 0.25x',
          },
          0.25,
        ),
      ];
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
