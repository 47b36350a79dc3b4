// Stands in, in the client bundle only, for the two semver functions vscode-languageclient/lib/node/main.js
// uses to check the VS Code version (`semverParse(vscode.version)`, then `semverSatisfies(parsed,
// REQUIRED_VSCODE_VERSION)` with the prerelease cleared): semver's strict version grammar, and caret
// ranges `^M.m.p`, the only range form the library uses (scripts/build/slimClient.mjs fails the build
// otherwise). Compared with the real semver in test/unit/scripts/build/semver-lite.test.ts. Saves ~20 KB of
// the activation bundle.
'use strict';

const MAX_LENGTH = 256;
const NUM = '0|[1-9]\\d*';
const PRE_ID = `(?:\\d*[a-zA-Z-][a-zA-Z0-9-]*|${NUM})`;
const FULL = new RegExp(
  `^v?(${NUM})\\.(${NUM})\\.(${NUM})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))?$`,
);
const CARET = /^\^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

class Version {
  /** @type {string[]} */
  prerelease = [];
  constructor(raw, major, minor, patch, prerelease, build) {
    Object.assign(this, { raw, major, minor, patch, prerelease, build });
    this.version = `${major}.${minor}.${patch}${prerelease.length ? `-${prerelease.join('.')}` : ''}`;
  }
  toString() {
    return this.version;
  }
}

/** semver's parse(version): the version's parts, or null when `version` is not a strict semantic version. */
function parse(version) {
  if (version instanceof Version) return version;
  if (typeof version !== 'string' || version.length > MAX_LENGTH) return null;
  const m = version.trim().match(FULL);
  if (!m) return null;
  const [major, minor, patch] = [+m[1], +m[2], +m[3]];
  if (major > Number.MAX_SAFE_INTEGER || minor > Number.MAX_SAFE_INTEGER || patch > Number.MAX_SAFE_INTEGER)
    return null;
  const prerelease = m[4]
    ? m[4].split('.').map((id) => (/^[0-9]+$/.test(id) && +id < Number.MAX_SAFE_INTEGER ? +id : id))
    : [];
  const build = m[5] ? m[5].split('.') : [];
  return new Version(version, major, minor, patch, prerelease, build);
}

/** Compares the release parts (major, minor, patch) of two parsed versions. */
const compareMain = (a, b) => a.major - b.major || a.minor - b.minor || a.patch - b.patch;

/**
 * semver's satisfies(version, range) for a caret range `^M.m.p`: at least M.m.p and below the next
 * major (or minor when M is 0, or patch when M and m are 0); a prerelease version never satisfies a
 * range without prereleases. Any other range form throws: it would need the real semver.
 */
function satisfies(version, range) {
  const r = typeof range === 'string' ? range.trim().match(CARET) : null;
  if (!r) throw new Error(`semverLite supports only caret ranges ^M.m.p, not ${JSON.stringify(range)}`);
  const v = parse(version);
  if (!v || v.prerelease.length > 0) return false;
  const low = { major: +r[1], minor: +r[2], patch: +r[3] };
  const high =
    low.major > 0
      ? { major: low.major + 1, minor: 0, patch: 0 }
      : low.minor > 0
        ? { major: 0, minor: low.minor + 1, patch: 0 }
        : { major: 0, minor: 0, patch: low.patch + 1 };
  return compareMain(v, low) >= 0 && compareMain(v, high) < 0;
}

module.exports = { parse, satisfies };
