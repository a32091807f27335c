// Lighthouse, mobile preset (its default), three runs against the built app served with gzip
// by the project's own server (scripts/serve.mjs), in Debian's Chromium. Writes the median
// and range of performance, FCP, LCP, TBT, CLS and accessibility to
// target/budget/lighthouse.json; scripts/budget.mjs reports them (and fails unless
// accessibility is 100).
//   node scripts/lighthouse.mjs [runs]
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const RUNS = Number(process.argv[2] || 3);
const PORT = 4180 + Math.floor(Math.random() * 100);
const URL_ = `http://127.0.0.1:${PORT}/`;
const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

const server = spawn(process.execPath, ['scripts/serve.mjs', 'dist', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ok, fail) => {
  server.stdout.once('data', ok);
  server.once('exit', (c) => fail(new Error(`the server stopped (${c})`)));
});

const runs = [];
// Lighthouse's own trace recording fails now and then (NO_NAVSTART, seen once in ~20 runs
// here): such a run is made again, at most twice in all. Any other failure stops the test.
const RETRY = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED', 'PROTOCOL_TIMEOUT']);
let retries = 0;
try {
  for (let i = 0; i < RUNS; i++) {
    const userDataDir = await mkdtemp(join(tmpdir(), 'sn-lh-'));
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      chromeFlags: FLAGS,
      userDataDir,
    });
    try {
      const r = await lighthouse(URL_, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const a = r.lhr.audits;
      const failed = r.lhr.runtimeError?.message;
      if (failed && RETRY.has(r.lhr.runtimeError.code) && retries < 2) {
        retries += 1;
        console.error(`lighthouse: ${r.lhr.runtimeError.code}; run ${i + 1} again`);
        i -= 1;
        continue;
      }
      if (failed) throw new Error(`Lighthouse could not measure the page: ${failed}`);
      runs.push({
        performance: Math.round(r.lhr.categories.performance.score * 100),
        accessibility: Math.round(r.lhr.categories.accessibility.score * 100),
        fcp_ms: Math.round(a['first-contentful-paint'].numericValue),
        lcp_ms: Math.round(a['largest-contentful-paint'].numericValue),
        tbt_ms: Math.round(a['total-blocking-time'].numericValue),
        cls: Math.round(a['cumulative-layout-shift'].numericValue * 1000) / 1000,
        lcp_element: a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
        long_tasks: (a['long-tasks']?.details?.items ?? []).map((t) => ({ url: t.url, start_ms: Math.round(t.startTime), ms: Math.round(t.duration) })),
        accessibility_failures: Object.values(a)
          .filter((x) => x.score === 0 && r.lhr.categories.accessibility.auditRefs.some((ref) => ref.id === x.id))
          .map((x) => x.id),
      });
    } finally {
      await chrome.kill();
      await rm(userDataDir, { recursive: true, force: true });
    }
  }
} finally {
  server.kill();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = { version: JSON.parse(await readFile('node_modules/lighthouse/package.json', 'utf8')).version, preset: 'mobile (default)', runs: runs.length };
for (const k of ['performance', 'accessibility', 'fcp_ms', 'lcp_ms', 'tbt_ms', 'cls']) {
  const xs = runs.map((r) => r[k]);
  summary[k] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}
summary.lcp_element = runs.map((r) => r.lcp_element)[0];
summary.accessibility_failures = [...new Set(runs.flatMap((r) => r.accessibility_failures))];
summary.each = runs;
await mkdir('target/budget', { recursive: true });
await writeFile('target/budget/lighthouse.json', JSON.stringify(summary, null, 2) + '\n');
console.log(`Lighthouse ${summary.version}, ${runs.length} runs: performance ${summary.performance.median}, LCP ${summary.lcp_ms.median} ms, TBT ${summary.tbt_ms.median} ms, CLS ${summary.cls.median}, accessibility ${summary.accessibility.median}`);
