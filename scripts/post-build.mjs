// Trunk post_build hook (runs in Trunk's staging directory before it becomes dist/):
// 1. moves Trunk's inline bootstrap <script type="module"> into a hashed file, because the
//    Content-Security-Policy allows no inline script;
// 2. minifies wasm-bindgen's JavaScript with terser (Trunk's own minifier cannot parse it)
//    and updates its Subresource Integrity hash in index.html;
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
// Trunk's minifier may drop the quotes: <script type=module>.
const inline = /<script type="?module"?(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (!m) {
  console.error('post-build: Trunk\'s inline bootstrap script was not found in index.html');
  process.exit(1);
}
const bootName = `boot-${sha(m[1]).slice(0, 16)}.js`;
writeFileSync(join(dir, bootName), m[1].trim() + '\n');
html = html.replace(inline, `<script type="module" src="/${bootName}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('post-build: index.html still has an inline script; the CSP would block it');
  process.exit(1);
}

if (process.env.TRUNK_PROFILE === 'release') {
  for (const name of readdirSync(dir).filter((f) => /^safety-net-[0-9a-f]+\.js$/.test(f) || f === 'pwa.js')) {
    const path = join(dir, name);
    const before = readFileSync(path, 'utf8');
    const out = await minify(before, { module: name !== 'pwa.js', compress: { passes: 2 }, mangle: true, format: { comments: false } });
    if (!out.code) {
      console.error(`post-build: terser produced nothing for ${name}`);
      process.exit(1);
    }
    writeFileSync(path, out.code);
    const oldSri = 'sha384-' + createHash('sha384').update(before).digest('base64');
    const newSri = 'sha384-' + createHash('sha384').update(out.code).digest('base64');
    if (html.includes(oldSri)) html = html.split(oldSri).join(newSri);
    console.log(`post-build: minified ${name} ${before.length} -> ${out.code.length} bytes`);
  }
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
console.log(`post-build: build ${hash}, ${precache.length} files precached, bootstrap in /${bootName}`);
