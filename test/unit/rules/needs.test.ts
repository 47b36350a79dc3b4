import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../../server/src/service/rules';
import { containerKeys, needsMet } from '../../../server/src/service/rules/needs';
import type { TaskDefRule } from '../../../server/src/service/rules/types';
import { getLanguageService } from '../../../server/src/service/languageService';
import { CORPUS } from '../../corpusPath';
import { fargateTaskDef, json } from '../helpers';

const gated = ALL_RULES.filter((r): r is TaskDefRule => r.scope === 'taskdef' && !!r.needs);

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Texts where each gated rule finds something, and the same with its members renamed away. */
function samples(): { uri: string; text: string }[] {
  const root = path.resolve(__dirname, '../../..');
  const out = [...files(path.join(root, 'test/fixtures')), ...files(path.join(root, 'examples')), ...files(CORPUS)]
    .filter((f) => /\.(json|ya?ml|template)$/.test(f))
    .map((f) => ({ uri: `file://${f}`, text: fs.readFileSync(f, 'utf8') }));
  const bad = fargateTaskDef(
    {
      ipcMode: 'host',
      pidMode: 'host',
      placementConstraints: [{ type: 'memberOf' }],
      requiresAttributes: [{ name: 'x' }],
      inferenceAccelerators: [{ deviceName: 'd' }],
      ephemeralStorage: { sizeInGiB: 10 },
      revision: 3,
      proxyConfiguration: { type: 'X' },
      volumes: [
        {
          name: 'd',
          host: { sourcePath: '/x' },
          dockerVolumeConfiguration: { scope: 'task' },
          configuredAtLaunch: true,
        },
        { name: 'f', fsxWindowsFileServerVolumeConfiguration: {}, configuredAtLaunch: true },
      ],
    },
    {
      hostname: 'h',
      links: ['a'],
      credentialSpecs: ['x', 'y'],
      dockerLabels: { a: 1 },
      memory: 64,
      memoryReservation: 128,
      restartPolicy: {},
      startTimeout: 1,
      stopTimeout: 500,
      ulimits: [{ name: 'nofile', softLimit: 9, hardLimit: 1 }],
      versionConsistency: 'on',
      privileged: true,
      resourceRequirements: [{ type: 'GPU', value: '1' }],
      linuxParameters: {
        capabilities: { add: ['NET_ADMIN', 'CAP_X'], drop: ['NET_ADMIN'] },
        tmpfs: [{ containerPath: 'x' }],
        swappiness: 200,
        devices: [{ hostPath: '/d' }],
      },
      systemControls: [{ namespace: 'vm.x', value: '1' }],
      volumesFrom: [{ sourceContainer: 'nope' }],
      environmentFiles: [{ value: 's3://b/k', type: 'S3' }],
      repositoryCredentials: { credentialsParameter: 'arn:aws:ssm:us-east-1:123456789012:parameter/x' },
      firelensConfiguration: { type: 'fluentbit', options: { 'config-file-type': 's3' } },
    },
  );
  const text = json(bad);
  out.push({ uri: 'file:///ws/bad.json', text });
  out.push({
    uri: 'file:///ws/bad-ec2.json',
    text: json({ ...bad, requiresCompatibilities: ['EC2'], networkMode: 'bridge' }),
  });
  out.push({
    uri: 'file:///ws/bad-windows.json',
    text: json({ ...bad, runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }),
  });
  return out;
}

/** The text with the given members renamed (JSON `"key":`, YAML `key:`; CloudFormation's capitalised spelling too). */
function without(text: string, keys: readonly string[]): string {
  const alt = keys.flatMap((k) => [k, k[0].toUpperCase() + k.slice(1)]).join('|');
  return text.replace(new RegExp(`("|^[ \\t-]*)(${alt})("?\\s*:)`, 'gm'), '$1x$2$3');
}

test('rule preconditions (needs) are exact: a gated rule finds nothing when its members are absent (unit)', () => {
  assert.ok(gated.length > 20, 'rules declare needs');
  const ls = getLanguageService();
  let checked = 0;
  const fired = new Set<string>();
  for (const { uri, text } of samples()) {
    const doc = ls.parse(uri, text);
    for (const td of doc.taskDefs) {
      const keys = containerKeys(td);
      for (const rule of gated) {
        const found = rule.check({ td, doc, launches: [] });
        if (found.length > 0) fired.add(rule.id);
        if (needsMet(rule.needs!, td, keys)) continue;
        checked++;
        assert.deepEqual(
          found.map((f) => f.message),
          [],
          `${rule.id} on ${uri} without ${JSON.stringify(rule.needs)}`,
        );
      }
    }
  }
  assert.ok(checked > 0);
  // Each gated rule on every sample with only its own members renamed away: it must find nothing (a
  // rule that reads a member missing from its needs would still fire here).
  for (const rule of gated) {
    const keys = [...(rule.needs!.container ?? []), ...(rule.needs!.task ?? []), ...(rule.needs!.volume ?? [])];
    for (const { uri, text } of samples()) {
      const doc = ls.parse(uri, without(text, keys));
      for (const td of doc.taskDefs) {
        assert.equal(
          needsMet(rule.needs!, td, containerKeys(td)),
          false,
          `${rule.id}: members still present in ${uri}`,
        );
        assert.deepEqual(
          rule.check({ td, doc, launches: [] }).map((f) => f.message),
          [],
          `${rule.id} on ${uri} with ${keys.join(', ')} renamed`,
        );
      }
    }
  }
  // The samples exercise most gated rules, so the emptiness above is not vacuous.
  assert.ok(fired.size >= gated.length * 0.8, `only ${[...fired].join(', ')} fired`);
});
