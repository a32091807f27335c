// The budget report: download size of the first load (gzip and brotli, per kind of file)
// and the timings measured by tests/e2e/budget.spec.js. Writes target/budget.json, prints a
// table, and fails if the first load is over the hard limit.
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const KIB = 1024;
// Hard limit: "350 KB gzip", read strictly as 350,000 bytes of gzip -9 (so it holds whether
// KB means 1,000 or 1,024 bytes). The test command fails above it. Aim 300 KB, goal 250 KB.
const LIMIT_GZIP = 350_000;
const AIM_GZIP = 300_000;
const GOAL_GZIP = 250_000;
const AIM_WARM_MS = 300;
const AIM_SAVE_P95_MS = 8;

const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
// The first load is what index.html pulls in (its scripts and stylesheets) and what the boot
// script of the wasm directory loads before Today shows: wasm-bindgen's JavaScript, the
// chunk loader and the main module. Tests check that opening Today fetches no chunk
// (tests/e2e/offline.spec.js).
const refs = [...html.matchAll(/(?:src|href)=["']?\/([^"' >]+)/g)].map((m) => m[1]);
const first = ['index.html', ...new Set(refs.filter((r) => /\.(js|css|wasm)$/.test(r)))];
const boot = first.find((f) => /^pkg\/[0-9a-f]+\/boot\.js$/.test(f));
const pkg = boot ? boot.replace(/boot\.js$/, '') : null;
if (pkg) first.push(`${pkg}app.js`, `${pkg}__wasm_split.js`, `${pkg}app_bg.wasm`);
const kinds = { html: [0, 0, 0], js: [0, 0, 0], css: [0, 0, 0], wasm: [0, 0, 0] };
const files = {};
const sizes = (data) => [
  data.length,
  gzipSync(data, { level: 9 }).length,
  brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
];
for (const f of first) {
  const s = sizes(readFileSync(join(dist, f)));
  files[f] = { raw: s[0], gzip: s[1], brotli: s[2] };
  const kind = f.split('.').pop();
  s.forEach((n, i) => (kinds[kind][i] += n));
}
const total = [0, 1, 2].map((i) => Object.values(kinds).reduce((a, k) => a + k[i], 0));

// Lazy chunks: the wasm directory's other modules, each fetched when a screen first needs it
// (plan_reader.pack: the plan's reader's modules in one file, scripts/build-wasm.mjs).
const lazy = pkg ? readdirSync(join(dist, pkg)).filter((f) => /\.(wasm|pack)$/.test(f) && !first.includes(pkg + f)).sort() : [];
const chunks = Object.fromEntries(lazy.map((f) => {
  const s = sizes(readFileSync(join(dist, pkg, f)));
  return [f, { raw: s[0], gzip: s[1], brotli: s[2] }];
}));

// The wasm's largest contributors, from twiggy on the linked module before wasm-bindgen and
// wasm-opt (which drop the names): sizes are before optimisation, the ranking is what
// size work starts from. Names lose their hashes; custom sections are left out.
const named = 'target/wasm32-unknown-unknown/release/safety-net.wasm';
let contributors = 'not measured (twiggy or the named wasm is missing)';
let byCrate = null;
try {
  const rows = JSON.parse(execFileSync('twiggy', ['top', '-n', '100000', '--format', 'json', named], { maxBuffer: 1 << 28 }).toString());
  // Left out: names and custom sections, and wasm-bindgen's descriptors (which
  // wasm-bindgen removes from the module it writes).
  const code = rows.filter((r) => !/^("function names"|custom section|export "__wbindgen_describe|\.\.\.|Σ)/.test(r.name));
  const clean = (n) => n.replace(/::h[0-9a-f]{16}$/, '');
  contributors = code.slice(0, 15).map((r) => ({ item: clean(r.name), bytes: r.shallow_size }));
  byCrate = {};
  for (const r of code) {
    const m = r.name.match(/([a-z_][a-z0-9_]*)::/);
    const crate = r.name.startsWith('data segment') ? '(data: strings and tables)' : m ? m[1] : '(other)';
    byCrate[crate] = (byCrate[crate] ?? 0) + r.shallow_size;
  }
  byCrate = Object.fromEntries(Object.entries(byCrate).sort((a, b) => b[1] - a[1]).slice(0, 15));
} catch (e) {
  console.error(`budget: twiggy did not run (${e.message.split('\n')[0]})`);
}

const timingsPath = 'target/budget/timings.json';
const timings = existsSync(timingsPath) ? JSON.parse(readFileSync(timingsPath, 'utf8')) : null;
// How deep the wasm stack has gone (tests/e2e/stack.spec.js, in the end-to-end run).
const stackPath = 'target/playwright/stack.json';
const stack = existsSync(stackPath) ? JSON.parse(readFileSync(stackPath, 'utf8')) : null;
const lighthousePath = 'target/budget/lighthouse.json';
const lighthouse = existsSync(lighthousePath) ? JSON.parse(readFileSync(lighthousePath, 'utf8')) : null;

const report = {
  generated_at: new Date().toISOString(),
  unit: 'bytes (KB = 1000 bytes, KiB = 1024 bytes)',
  first_load: {
    by_kind: Object.fromEntries(Object.entries(kinds).map(([k, [raw, gzip, brotli]]) => [k, { raw, gzip, brotli }])),
    total: { raw: total[0], gzip: total[1], brotli: total[2] },
    files,
    limit_gzip: LIMIT_GZIP,
    aim_gzip: AIM_GZIP,
    goal_gzip: GOAL_GZIP,
  },
  lazy_chunks: Object.keys(chunks).length ? chunks : 'none: every screen is in the first load',
  wasm_top_contributors: contributors,
  wasm_by_crate: byCrate,
  timings: timings ?? 'not measured (the end-to-end budget run did not complete)',
  lighthouse: lighthouse ?? 'not measured',
  wasm_stack: stack ?? 'not measured',
  aims: { warm_offline_start_ms: AIM_WARM_MS, save_p95_ms: AIM_SAVE_P95_MS, unlock_p50_ms: 1000 },
};
mkdirSync('target', { recursive: true });
writeFileSync('target/budget.json', JSON.stringify(report, null, 2) + '\n');

const kib = (n) => `${(n / KIB).toFixed(1)} KiB`;
const percentile95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log('\nBudget report (target/budget.json)');
console.log('  first load      raw         gzip        brotli');
for (const [k, [raw, gz, br]] of Object.entries(kinds)) {
  console.log(`  ${k.padEnd(8)} ${kib(raw).padStart(11)} ${kib(gz).padStart(11)} ${kib(br).padStart(11)}`);
}
console.log(`  ${'total'.padEnd(8)} ${kib(total[0]).padStart(11)} ${kib(total[1]).padStart(11)} ${kib(total[2]).padStart(11)}`);
console.log(`  first load gzip: ${total[1]} bytes = ${kb(total[1])} (limit ${kb(LIMIT_GZIP)}, aim ${kb(AIM_GZIP)}, goal ${kb(GOAL_GZIP)}); brotli ${kb(total[2])}`);
if (Object.keys(chunks).length) {
  const all = Object.values(chunks).reduce((a, c) => a + c.gzip, 0);
  console.log(`  lazy chunks (${Object.keys(chunks).length}, ${kb(all)} gzip in all), each fetched when a screen first needs it:`);
  for (const [f, c] of Object.entries(chunks)) console.log(`    ${f.padEnd(48)} ${kb(c.gzip).padStart(9)} gzip ${kb(c.brotli).padStart(9)} brotli`);
} else {
  console.log('  lazy chunks: none (every screen is in the first load)');
}
if (Array.isArray(contributors)) {
  console.log('  largest contributors to the wasm (twiggy, before wasm-opt):');
  for (const c of contributors) console.log(`    ${String(c.bytes).padStart(8)}  ${c.item.length > 110 ? c.item.slice(0, 107) + '...' : c.item}`);
  console.log('  by crate: ' + Object.entries(byCrate).map(([k, v]) => `${k} ${kib(v)}`).join(', '));
}
if (timings) {
  const t = timings;
  const show = (label, v, aim) => console.log(`  ${label.padEnd(44)} ${v}${aim ? `   (aim ${aim})` : ''}`);
  if (t.cold_start_ms) show('cold start to first render, 4x CPU (median)', `${t.cold_start_ms.median} ms`);
  if (t.cold_start_ten_years_ms) show('  … with ten years of check-ins', `${t.cold_start_ten_years_ms.median} ms`);
  if (t.startup_longest_task_ms) {
    show('longest start-up task, 4x CPU (median)', `${t.startup_longest_task_ms.median} ms; ten years ${t.startup_longest_task_ten_years_ms.median} ms`, '<= 50 ms');
    for (const [label, m] of [['  empty plan, each run', t.startup_longest_task_ms], ['  ten years, each run', t.startup_longest_task_ten_years_ms]]) {
      if (m.longest_step_each_run) show(label, m.longest_step_each_run.join('; '));
    }
  }
  if (t.warm_offline_start_ms) show('warm offline start, 4x CPU (median)', `${t.warm_offline_start_ms.median} ms`, `≤ ${AIM_WARM_MS} ms`);
  if (t.warm_offline_start_ten_years_ms) show('  … Today with ten years of check-ins', `${t.warm_offline_start_ten_years_ms.median} ms (p95 ${percentile95(t.warm_offline_start_ten_years_ms.runs)} ms)`, `≤ ${AIM_WARM_MS} ms`);
  if (t.stored_ten_years_bytes) show('stored: ten years, 500 meetings, full plan', `${kib(t.stored_ten_years_bytes)}`, '≤ 1 MiB');
  if (t.unlock_ms) show(`Unlock with the passcode, 4x CPU (median; ${t.unlock_ms.kdf})`, `${t.unlock_ms.median} ms`, '<= 1000 ms');
  if (t.memory) {
    for (const [name, m] of Object.entries(t.memory)) {
      // Also what the data adds to the empty plan's memory: the stored text is compact (a
      // check-in's unanswered fields are left out), so the whole-memory ratio is mostly the
      // app's own fixed 512 KiB over a small denominator.
      const empty = t.memory.empty?.after_five_screens.wasm_bytes;
      const added = m.stored_bytes && empty
        ? `, ${((m.after_five_screens.wasm_bytes - empty) / m.stored_bytes).toFixed(1)}x above the empty plan's`
        : '';
      const ratio = m.stored_bytes ? ` = ${(m.after_five_screens.wasm_bytes / m.stored_bytes).toFixed(1)}x stored${added}` : '';
      show(`memory, ${name.replace('_', ' ')} (${kib(m.stored_bytes)} stored)`, `wasm ${kib(m.start.wasm_bytes)} -> ${kib(m.after_five_screens.wasm_bytes)}${ratio}; JS heap ${kib(m.start.js_heap_bytes)} -> ${kib(m.after_five_screens.js_heap_bytes)}`, m.stored_bytes ? 'wasm <= 3x stored' : '');
    }
  }
  if (t.hostile_import) show('4 MB file with 200,000 keys refused, 4x CPU', `${t.hostile_import.refused_ms} ms (longest task ${t.hostile_import.longest_task_ms} ms)`, '< 2000 ms');
  if (t.checkin_save_ms) show('check-in saved, 10 years of check-ins p50 / p95', `${t.checkin_save_ms.p50} / ${t.checkin_save_ms.p95} ms`, `p95 ≤ ${AIM_SAVE_P95_MS} ms`);
  if (t.checkin_open_ms) show('Check in opened, charts drawn, 4x CPU (median)', `${t.checkin_open_ms.median} ms`);
  if (t.save_ms) show(`save, 10 years of check-ins (${Math.round(t.save_ms.plan_bytes / KIB)} KiB) p50 / p95`, `${t.save_ms.p50} / ${t.save_ms.p95} ms`, `p95 ≤ ${AIM_SAVE_P95_MS} ms`);
} else {
  console.log('  timings: not measured');
}
if (stack) {
  const used = Object.entries(stack.used_bytes).map(([k, v]) => `${k.replaceAll('_', ' ')} ${kib(v)}`).join(', ');
  console.log(`  wasm stack ${kib(stack.stack_bytes)}, deepest use: ${used}   (fails above half)`);
}
if (lighthouse) {
  const r = (m, unit = '') => `${m.median}${unit} (${m.min}–${m.max})`;
  console.log(`  Lighthouse ${lighthouse.version}, mobile, ${lighthouse.runs} runs, served with gzip: median (range)`);
  console.log(`    performance ${r(lighthouse.performance)}; FCP ${r(lighthouse.fcp_ms, ' ms')}; LCP ${r(lighthouse.lcp_ms, ' ms')}; TBT ${r(lighthouse.tbt_ms, ' ms')}; CLS ${r(lighthouse.cls)}; accessibility ${r(lighthouse.accessibility)}`);
  console.log(`    aims: LCP <= 1500 ms, TBT <= 60 ms, CLS 0; LCP element: ${lighthouse.lcp_element ?? 'unknown'}`);
} else {
  console.log('  Lighthouse: not measured');
}
if (lighthouse && lighthouse.accessibility.min < 100) {
  console.error(`\nFAIL: Lighthouse accessibility is ${lighthouse.accessibility.min} in a run, not 100 (${lighthouse.accessibility_failures.join(', ')}).`);
  process.exit(1);
}
if (total[1] > LIMIT_GZIP) {
  console.error(`\nFAIL: the first load is ${kb(total[1])} gzip (${total[1]} bytes), over the ${kb(LIMIT_GZIP)} limit.`);
  process.exit(1);
}
