import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksSecret } from '../../../server/src/service/rules/container/envLooksSecret';
import { seededRandom } from '../../seededRandom';

const WORDS = [
  'PASSWORD',
  'PASSWD',
  'SECRET',
  'TOKEN',
  'APIKEY',
  'API_KEY',
  'SECRET_KEY',
  'PRIVATE_KEY',
  'ACCESS_KEY',
  'CLIENT_SECRET',
  'AUTH_KEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'PASS',
  'PWD',
  'AWS_ACCESS_KEY_ID',
  'AWS_SESSION_TOKEN',
  'NODE_ENV',
  'PORT',
  'SETTING_1',
];

test('looksSecret: the last-letter shortcut agrees with the full expressions (unit)', () => {
  const full = (n: string) =>
    /^(AWS_ACCESS_KEY_ID|AWS_ACCESS_KEY|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)$/.test(n) ||
    /((^|_)(PASSWORD|PASSWD|SECRET|TOKEN|APIKEY|API_KEY|SECRET_KEY|PRIVATE_KEY|ACCESS_KEY|CLIENT_SECRET|AUTH_KEY|CREDENTIALS?)|_(PASS|PWD))$/i.test(
      n,
    );
  const rnd = seededRandom(8);
  const names = [
    '',
    'd',
    '_PWD',
    'db_password',
    'Db_PassWord',
    'GITHUB_TOKEN ',
    'X_PASS\n',
    'X_PAſS',
    'API_KEy',
    'api_keys',
  ];
  for (let i = 0; i < 3000; i++) {
    const w = WORDS[Math.floor(rnd() * WORDS.length)];
    const cased = [...w].map((ch) => (rnd() < 0.3 ? ch.toLowerCase() : ch)).join('');
    names.push(
      `${rnd() < 0.5 ? 'APP_' : rnd() < 0.5 ? 'X' : ''}${cased}${rnd() < 0.2 ? String.fromCharCode(32 + Math.floor(rnd() * 95)) : ''}`,
    );
  }
  for (const n of names) assert.equal(looksSecret(n), full(n), JSON.stringify(n));
});
