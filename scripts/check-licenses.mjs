// Fails when a production dependency (direct or transitive) carries a license that is not compatible with
// Apache-2.0 distribution: GPL/AGPL/LGPL/SSPL, anything unknown, or none declared.
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const ALLOWED = new Set(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'CC0-1.0', 'Unlicense',
  'BlueOak-1.0.0', 'CC-BY-4.0', 'Python-2.0', 'MIT-0', 'Zlib', 'PostgreSQL', 'BSD-3-Clause-Clear',
  // The PSF license (argparse, via js-yaml in the Kubernetes client) is permissive and Apache-compatible.
  'PSF-2.0']);

const tree = JSON.parse(execFileSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
const seen = new Map();
(function walk(deps) {
  for (const [name, info] of Object.entries(deps ?? {})) {
    if (!info.path || seen.has(`${name}@${info.version}`)) continue;
    seen.set(`${name}@${info.version}`, info.path);
    walk(info.dependencies);
  }
})(tree.dependencies);

function licenseOf(dir) {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) return undefined;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return undefined;
}

/** An SPDX expression is acceptable when one of its OR alternatives is made only of allowed licenses. */
function acceptable(expr) {
  const clean = expr.replace(/[()]/g, ' ');
  return clean.split(/\s+OR\s+/).some((alt) => alt.split(/\s+AND\s+/).every((id) => ALLOWED.has(id.trim())));
}

const bad = [];
for (const [id, dir] of seen) {
  const lic = licenseOf(dir);
  if (!lic || !acceptable(lic)) bad.push(`${id}: ${lic ?? 'no license declared'}`);
}
if (bad.length) {
  console.error(`licenses: ${bad.length} production dependencies with a license incompatible with Apache-2.0 (or unknown):\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(`licenses: ${seen.size} production packages, all compatible with Apache-2.0`);
