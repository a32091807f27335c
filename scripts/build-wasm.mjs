// Trunk pre_build hook: builds the app's WebAssembly and splits the secondary screens into
// chunks loaded when they are first opened (the recipe in ../shared/design/TOOLCHAIN.md):
//   cargo build (wasm32, with --emit-relocs) -> wasm-split-cli -> wasm-bindgen -> wasm-opt
// Today, Get help and the overdose steps stay in the first load; every other screen is a
// chunk (`#[lazy]` in src/app.rs). The output goes to target/split-pkg/<hash>/, named by a
// hash of its content, so a browser or host can cache it forever and a new build is a new
// directory; scripts/post-build.mjs points index.html's boot script at it, and the service
// worker precaches every file (chunks included) for offline use.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const release = process.env.TRUNK_PROFILE !== 'debug';
const run = (cmd, args) => {
  console.log(`build-wasm: ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit' });
};

const profile = release ? 'release' : 'debug';
run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--bin', 'safety-net', ...(release ? ['--release'] : [])]);
const linked = `target/wasm32-unknown-unknown/${profile}/safety-net.wasm`;

const split = 'target/split';
const out = 'target/split-pkg';
rmSync(split, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
run('wasm-split-cli', ['--target', 'web', '--out-name', 'app', linked, split]);
const work = join(out, 'work');
run('wasm-bindgen', ['--target=web', '--keep-lld-exports', '--no-demangle', '--no-typescript', `--out-dir=${work}`, '--out-name=app', join(split, 'app.wasm')]);
for (const f of readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== 'app.wasm')) {
  cpSync(join(split, f), join(work, f));
}
cpSync(join(split, '__wasm_split.js'), join(work, '__wasm_split.js'));

if (release) {
  // The main module owns the memory; chunks import it. (Debian's binaryen 108 breaks the
  // app: this is npm's binaryen, on PATH from node_modules/.bin.)
  run('wasm-opt', ['-Os', '--low-memory-unused', '--zero-filled-memory', join(work, 'app_bg.wasm'), '-o', join(work, 'app_bg.wasm')]);
  for (const f of readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== 'app_bg.wasm')) {
    execFileSync('wasm-opt', ['-Os', join(work, f), '-o', join(work, f)]);
  }
  for (const f of ['app.js', '__wasm_split.js']) {
    const path = join(work, f);
    const code = (await minify(readFileSync(path, 'utf8'), { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code;
    if (!code) throw new Error(`build-wasm: terser produced nothing for ${f}`);
    // Chrome's compile hint (#18): compile every function of the glue with the script, off
    // the page's main thread, not each on its first call in the start-up's first task.
    writeFileSync(path, f === 'app.js' ? `//# allFunctionsCalledOnLoad\n${code}` : code);
  }
}
// Start-up (#18): the main module is compiled in a worker (compile.js), so compiling is not
// a long task on the page; the page then only instantiates it. If the worker cannot start,
// or cannot compile, the page compiles the module itself, as before. Both files are in
// this build's directory, so the service worker precaches them and they work offline (a
// dedicated worker's fetch goes through the page's service worker).
writeFileSync(join(work, 'compile.js'), `onmessage = (e) => {
  WebAssembly.compileStreaming(fetch(e.data)).then((m) => postMessage(m), () => postMessage(null));
};
`);
writeFileSync(join(work, 'boot.js'), `import init from "./app.js";
const wasm = new URL("./app_bg.wasm", import.meta.url);
new Promise((done) => {
  try {
    const w = new Worker(new URL("./compile.js", import.meta.url));
    const end = (m) => { w.terminate(); done(m); };
    w.onmessage = (e) => end(typeof WebAssembly === "object" && e.data instanceof WebAssembly.Module ? e.data : null);
    w.onerror = () => end(null);
    w.postMessage(wasm.href);
  } catch {
    done(null);
  }
}).then((m) => init({ module_or_path: m || wasm }));
`);

const hash = createHash('sha256');
for (const f of readdirSync(work).sort()) hash.update(f).update(readFileSync(join(work, f)));
const dir = hash.digest('hex').slice(0, 16);
mkdirSync(out, { recursive: true });
renameSync(work, join(out, dir));
console.log(`build-wasm: target/split-pkg/${dir} (${readdirSync(join(out, dir)).length} files)`);
