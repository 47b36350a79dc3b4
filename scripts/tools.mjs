// @ts-check
// What the test tiers need from the machine, set up the way e2e/setup.sh does it: Debian packages with
// apt-get when running as root, otherwise one line saying what to install. Used by scripts/test.mjs.
//   lsp tier:          Neovim (the independent LSP client)      apt: neovim
//   integration tier:  moto_server (the local AWS emulator)     pip: moto[server] (not in Debian's archive)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** @param {string} name */
function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, name)));
}

/**
 * Installs Debian packages when missing (as root); returns an error message or undefined.
 * @param {string} command the executable that must exist afterwards
 * @param {string} pkg the Debian package that provides it
 */
export function ensureAptTool(command, pkg) {
  if (onPath(command)) return undefined;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    return `${command} is missing: install it with  sudo apt-get install -y --no-install-recommends ${pkg}`;
  }
  process.stdout.write(`test: installing ${pkg} with apt-get (once per machine)\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'inherit', env })
      : update;
  if (install.status !== 0 || !onPath(command)) return `apt-get could not install ${pkg}; install it by hand`;
  return undefined;
}

/** moto_server on PATH or in pyenv's shims (where pip puts it on this machine image); an error message otherwise. */
export function checkMoto() {
  if (process.env.MOTO_BIN && existsSync(process.env.MOTO_BIN)) return undefined;
  if (onPath('moto_server')) return undefined;
  const shims = join(process.env.PYENV_ROOT ?? join(homedir(), '.pyenv'), 'shims', 'moto_server');
  if (existsSync(shims)) return undefined;
  return 'moto_server (the local AWS emulator) is missing: install it with  python3 -m pip install "moto[server]"  (or set MOTO_BIN)';
}
