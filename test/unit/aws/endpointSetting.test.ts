/**
 * (unit) fargateLens.aws.endpoint in package.json: the Settings UI validates it with the declared
 * pattern, so the empty default (use the real AWS endpoints) must pass and can be restored by clearing
 * the field; a URL passes; what sanitizeEndpoint would ignore is refused there too.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sanitizeEndpoint } from '../../../client/src/aws/clientConfig';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: {
    configuration: Array<{ properties: Record<string, { pattern?: string; format?: string; default?: unknown }> }>;
  };
};

test('the endpoint setting can be cleared in the Settings UI and accepts only http(s) URLs (unit)', () => {
  const setting = pkg.contributes.configuration.find((c) => c.properties['fargateLens.aws.endpoint'])!.properties[
    'fargateLens.aws.endpoint'
  ];
  assert.equal(setting.format, undefined, 'format: uri rejects the empty value the Settings UI writes');
  const pattern = new RegExp(setting.pattern ?? '');
  assert.equal(setting.default, '');
  for (const ok of ['', 'http://localhost:5000', 'https://ecs.eu-west-1.amazonaws.com'])
    assert.ok(pattern.test(ok), `refused ${ok}`);
  for (const bad of ['file:///etc/passwd', 'localhost:5000', 'ftp://x']) {
    assert.ok(!pattern.test(bad), `accepted ${bad}`);
    assert.equal(sanitizeEndpoint(bad), undefined);
  }
});
