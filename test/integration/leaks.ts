/**
 * The shared part of the no-leaked-secrets tests (secrets-*.test.ts): recognisable fake credentials,
 * shaped like real ones so that redaction by shape is exercised too, the search for them in
 * everything a feature produced, and a moto account (behind a fault proxy that can make AWS echo the
 * credentials in its errors) whose endpoint and credentials are in the process environment, as the
 * SDK's default chain reads them.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { FaultProxy } from '../fakes/faultProxy';
import { motoEnv, seedDemoAccount, startMoto, type DemoAccount, type MotoServer } from './moto';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// Made up for these tests; shaped like real ones so that redaction by shape is exercised too.
export const ACCESS_KEY = 'AKIAFARGATELENSTEST1';
export const SECRET_KEY = 'fLensTestSecretKey/DoNotLeak+9q8w7e6r5t4y3u2i';
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEFargateLensTestSessionToken/DoNotLeak+0123456789abcdefXYZ==';
const SECRETS = [ACCESS_KEY, SECRET_KEY, SESSION_TOKEN];
const FRAGMENTS = ['FARGATELENSTEST1', 'DoNotLeak', 'FargateLensTestSessionToken'];

export function assertClean(where: string, texts: readonly string[]): void {
  for (const t of texts) {
    for (const s of [...SECRETS, ...FRAGMENTS])
      assert.ok(!t.includes(s), `${where}: "${s}" leaked into: ${t.slice(0, 300)}`);
  }
}

/**
 * Puts the fake credentials (and `extra`, e.g. an endpoint) into process.env before the enclosing
 * describe's tests and restores the environment after them.
 */
export function withFakeCredentials(extra: () => Record<string, string> = () => ({})): void {
  const saved: Record<string, string | undefined> = {};
  before(() => {
    const env = {
      ...extra(),
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: SECRET_KEY,
      AWS_SESSION_TOKEN: SESSION_TOKEN,
    };
    for (const k of [...Object.keys(env), 'AWS_PROFILE']) saved[k] = process.env[k];
    Object.assign(process.env, env);
    delete process.env.AWS_PROFILE;
  });
  after(() => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });
}

export interface LeakyAccount {
  moto: MotoServer;
  /** Between the SDK and moto: records requests (region, credentials) and injects faults. */
  proxy: FaultProxy;
  seed: DemoAccount;
}

/**
 * A seeded moto account behind a fault proxy for the enclosing describe, with the proxy's endpoint and
 * the fake credentials in process.env. The returned object is filled in before the first test.
 */
export function leakyAccount(): LeakyAccount {
  const account = {} as LeakyAccount;
  before(async () => {
    account.moto = await startMoto();
    account.proxy = await FaultProxy.start(account.moto.endpoint);
    account.seed = await seedDemoAccount(account.moto.endpoint);
  });
  withFakeCredentials(() => motoEnv(account.proxy.endpoint));
  after(async () => {
    await account.proxy?.close();
    await account.moto?.stop();
  });
  return account;
}
