// Trunk post_build hook (runs in Trunk's staging directory before it becomes dist/):
// 1. points index.html's boot script at this build's wasm directory (pkg/<hash>/, built by
//    scripts/build-wasm.mjs), and checks no inline script is left (the CSP allows none);
// 2. minifies pwa.js with terser;
// 3. stamps public/sw.js with a hash of this build and the list of files to precache, so a
//    new deploy gets a new cache (a fixed cache name would strand users on an old app).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}
const sha = (data) => createHash('sha256').update(data).digest('hex');

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
// This build's wasm directory, named by its content (scripts/build-wasm.mjs).
const pkgs = readdirSync(join(dir, 'pkg')).filter((d) => statSync(join(dir, 'pkg', d)).isDirectory());
if (pkgs.length !== 1) {
  console.error(`post-build: expected one wasm directory in pkg/, found ${pkgs.length}`);
  process.exit(1);
}
// (Trunk's minifier may drop the quotes: src=/pkg/boot.js.)
html = html.replace(/src="?\/pkg\/boot\.js"?/, `src="/pkg/${pkgs[0]}/boot.js"`);
if (!html.includes(`/pkg/${pkgs[0]}/boot.js`)) {
  console.error('post-build: the boot script was not found in index.html');
  process.exit(1);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('post-build: index.html has an inline script; the CSP would block it');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE === 'release') {
  const path = join(dir, 'pwa.js');
  const out = await minify(readFileSync(path, 'utf8'), { compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) {
    console.error('post-build: terser produced nothing for pwa.js');
    process.exit(1);
  }
  writeFileSync(path, out.code);
}
writeFileSync(indexPath, html);

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const skip = new Set(['sw.js', '_headers']);
const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join('/'))
  .filter((f) => !skip.has(f))
  .sort();
const build = createHash('sha256');
for (const f of files) build.update(f).update(readFileSync(join(dir, f)));
const hash = build.digest('hex').slice(0, 16);
const precache = files.map((f) => '/' + f);

const swPath = join(dir, 'sw.js');
let sw = readFileSync(swPath, 'utf8');
if (!sw.includes('__BUILD_HASH__') || !sw.includes('__PRECACHE_LIST__')) {
  console.error('post-build: sw.js placeholders missing');
  process.exit(1);
}
sw = sw.replace('__BUILD_HASH__', hash).replace('__PRECACHE_LIST__', JSON.stringify(precache, null, 2));
writeFileSync(swPath, sw);
console.log(`post-build: build ${hash}, ${precache.length} files precached, wasm in /pkg/${pkgs[0]}/`);
