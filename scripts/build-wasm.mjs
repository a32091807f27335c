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
}
const readerFiles = packReader(work);
if (release) {
  for (const f of ['app.js', '__wasm_split.js']) {
    const path = join(work, f);
    const code = (await minify(readFileSync(path, 'utf8'), { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code;
    if (!code) throw new Error(`build-wasm: terser produced nothing for ${f}`);
    // Chrome's compile hint (#18): compile every function of the glue with the script, off
    // the page's main thread, not each on its first call in the start-up's first task.
    writeFileSync(path, f === 'app.js' ? `//# allFunctionsCalledOnLoad\n${code}` : code);
  }
}
// The plan's reader in a few fetches (#18). A person whose plan is stored here waits, at
// start-up, for the plan's reader: a split of its own (`plan_reader`, src/main.rs), which
// wasm-split gives with every chunk it shares with other screens: about two dozen modules,
// one of them serde's readers (about 150 KB) and the rest a few hundred bytes to a few KB.
// Each was a fetch of its own, and two dozen fetches in one turn are a long task on a slow
// phone. So the small ones are packed into one file, plan_reader.pack, and the loader takes
// each from it (a screen that needs one of them takes it from the same file); the large
// ones stay files of their own, so a screen that shares a small module with the reader
// does not wait for serde's readers. The reader is then three fetches: the pack, serde's
// readers and its own module. The loader is wasm-split's own, with these fetches replaced:
// its dependencies, its memoised loads and its errors (a failed fetch of the file fails
// each load, and a later load tries again) are unchanged. Returns the reader's files, for
// boot.js to fetch early.
function packReader(dir) {
  const PACKED_UNDER = 16 * 1024;
  const path = join(dir, '__wasm_split.js');
  const js = readFileSync(path, 'utf8');
  const load = /(?:export )?const (\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)", import\.meta\.url\)\);[\s\S]*?\}\s*,\s*\[([^\]]*)\]\)/g;
  const loads = new Map();
  for (const m of js.matchAll(load)) {
    loads.set(m[1], { file: m[2], deps: m[3].split(',').map((d) => d.trim()).filter(Boolean) });
  }
  const root = '__wasm_split_load_plan_reader';
  if (!loads.has(root)) throw new Error('build-wasm: the plan reader\'s loader is not in __wasm_split.js');
  const files = [];
  const seen = new Set();
  const walk = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const l = loads.get(name);
    if (!l) throw new Error(`build-wasm: no loader ${name} in __wasm_split.js`);
    l.deps.forEach(walk);
    files.push(l.file);
  };
  // (The reader's own module stays a file of its own: so a screen that takes a module it
  // shares from the pack, on a first visit, does not fetch the reader itself.)
  loads.get(root).deps.forEach(walk);
  const at = {};
  const parts = [];
  const own = [loads.get(root).file];
  let end = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    if (bytes.length >= PACKED_UNDER) {
      own.push(f);
      continue;
    }
    at[f] = [end, end + bytes.length];
    end += bytes.length;
    parts.push(bytes);
    rmSync(join(dir, f));
  }
  writeFileSync(join(dir, 'plan_reader.pack'), Buffer.concat(parts));
  let fetches = 0;
  const out = js.replace(/fetch\(new URL\("\.\/([\w.]+)", import\.meta\.url\)\)/g, (whole, f) => {
    if (f in at) {
      fetches++;
      return `fromPack(${JSON.stringify(f)})`;
    }
    return own.includes(f) ? `early(${JSON.stringify(f)})` : whole;
  });
  if (fetches !== Object.keys(at).length) throw new Error(`build-wasm: ${fetches} fetches replaced for ${Object.keys(at).length} packed modules`);
  const header = `
// A fetch of one of the reader's files that has received nothing for 20 s (a network, or
// a connection, that answers nothing) is let go, so it fails: wasm-split's loader lets a
// failed load go, and Try again fetches it anew, not waiting on the same fetch for ever. A
// slow one that is still arriving goes on. (The app tells the person after 10 s; a file
// that comes later still opens the plan.) The response itself is given as it comes, for
// the browser to compile while it arrives (and to keep its compiled code): a copy of its
// body is read to see it come.
export function within(url) {
    const stop = new AbortController();
    let timer;
    const waiting = () => {
        clearTimeout(timer);
        timer = setTimeout(() => stop.abort(), 20000);
    };
    const done = () => clearTimeout(timer);
    waiting();
    return fetch(url, { signal: stop.signal }).then((r) => {
        if (!r.ok || !r.body) {
            done();
            return r;
        }
        const seen = r.clone().body.getReader();
        const next = () => seen.read().then((part) => {
            if (part.done) return done();
            waiting();
            return next();
        });
        next().catch(done);
        return r;
    }, (e) => {
        done();
        throw e;
    });
}
// The plan's reader's files, fetched by boot.js already, beside the main module, when a
// plan is stored here: each is taken once, then fetched as any other.
function early(name) {
    const begun = globalThis.__snEarly;
    const response = begun && begun[name];
    if (response) {
        delete begun[name];
        return response;
    }
    return within(new URL("./" + name, import.meta.url));
}
const PACK = ${JSON.stringify(at)};
const taken = new Set();
let pack;
function fromPack(name) {
    if (pack === undefined) {
        const file = early("plan_reader.pack")
            .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(\`plan_reader.pack: \${r.status}\`))));
        // (A file that did not come is fetched again by the next load that needs it.)
        file.catch(() => { if (pack === file) pack = undefined; });
        pack = file;
    }
    const [start, end] = PACK[name];
    const from = pack;
    return from.then((b) => {
        // (Once every module has been taken from it, the file is let go.)
        taken.add(name);
        if (taken.size === Object.keys(PACK).length && pack === from) pack = undefined;
        return new Response(b.slice(start, end), { headers: { "Content-Type": "application/wasm" } });
    });
}
`;
  const firstLine = out.indexOf('\n') + 1;
  writeFileSync(path, out.slice(0, firstLine) + header + out.slice(firstLine));
  console.log(`build-wasm: the plan's reader: ${Object.keys(at).length} modules packed (${end} bytes), ${own.join(', ')} fetched as they are`);
  return ['plan_reader.pack', ...own];
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
// A person whose plan is stored here (shell.js marks the page "returning") waits at start-up
// for the plan's reader: its files (above) are fetched now, beside the main module, and
// taken by the loader when the app asks for the reader. Not for Get help or the overdose
// steps, opened cold: they need no plan, and nothing of theirs waits behind the reader.
writeFileSync(join(work, 'boot.js'), `import init from "./app.js";
import { within } from "./__wasm_split.js";
const wasm = new URL("./app_bg.wasm", import.meta.url);
if (document.documentElement.classList.contains("returning") && !["/help", "/overdose"].includes(location.pathname.replace(/\\/+$/, ""))) {
  globalThis.__snEarly = Object.fromEntries(${JSON.stringify(readerFiles)}.map((f) => {
    const response = within(new URL("./" + f, import.meta.url));
    response.catch(() => {});
    return [f, response];
  }));
}
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
