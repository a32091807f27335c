// @budget — measurements for the budget report (run on their own, one worker, by
// scripts/test.sh). Writes target/budget/timings.json; scripts/budget.mjs reports it.
// Cold and warm starts run with 4x CPU throttling; each figure is the median of 5.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { test, expect, PLAN_KEY } from './fixtures.js';

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const round = (x) => Math.round(x * 10) / 10;

async function readyMark(page) {
  await page.waitForFunction(() => performance.getEntriesByName('sn-ready').length > 0, null, { timeout: 30_000 });
  return page.evaluate(() => performance.getEntriesByName('sn-ready')[0].startTime);
}

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

test.describe.configure({ mode: 'serial' });

const results = {};

test('@budget cold start to first render, empty and with ten years of check-ins', async ({ browser }) => {
  const big = await readFile('target/budget/ten-years.json', 'utf8');
  for (const [name, preload] of [['cold_start_ms', null], ['cold_start_ten_years_ms', big]]) {
    const times = [];
    // One run more than is kept: the first warms the browser's own caches and processes.
    for (let i = -1; i < RUNS; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      if (preload) await context.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, preload]);
      const page = await context.newPage();
      await throttled(context, page);
      await page.goto('/');
      const t = await readyMark(page);
      if (i >= 0) times.push(t);
      await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
      await context.close();
    }
    results[name] = { median: round(median(times)), runs: times.map(round) };
  }
});

test('@budget the longest main-thread task at start-up, 4x CPU, empty and with ten years of check-ins', async ({ browser }) => {
  const big = await readFile('target/budget/ten-years.json', 'utf8');
  for (const [name, preload] of [['startup_longest_task_ms', null], ['startup_longest_task_ten_years_ms', big]]) {
    const longest = [];
    const steps = [];
    for (let i = -1; i < RUNS; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      if (preload) await context.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, preload]);
      await context.addInitScript(() => {
        window.__tasks = [];
        new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push({ start: e.startTime, duration: e.duration })))
          .observe({ type: 'longtask', buffered: true });
      });
      const page = await context.newPage();
      await throttled(context, page);
      await page.goto('/');
      await readyMark(page);
      await page.waitForTimeout(1000);
      // Each long task is named by the start-up marks set in it (src/main.rs, src/app.rs):
      // "browser" before the module runs, sn-main for instantiating and starting it, then
      // sn-provided (the language and state), sn-contexts, sn-mounted, sn-fetch (the
      // plan's reader asked for), sn-headed, sn-bannered, sn-framed, sn-reader (it has
      // arrived), sn-opening (the stored text and all but the check-ins),
      // sn-read (each turn of check-ins), sn-opened, sn-drawn, sn-whole; "between marks"
      // for a task with none (Today's lower cards, the frame that shows the app).
      const { tasks, marks } = await page.evaluate(() => ({
        tasks: window.__tasks,
        marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('sn-') && !m.name.startsWith('sn-wasm')).map((m) => ({ name: m.name, at: m.startTime })),
      }));
      const main = marks.find((m) => m.name === 'sn-main');
      const stepOf = (t) => marks.filter((m) => m.at >= t.start && m.at <= t.start + t.duration).map((m) => m.name.slice(3)).join('+')
        || (!main || t.start + t.duration < main.at ? 'browser' : 'between marks');
      const top = tasks.reduce((a, t) => (!a || t.duration > a.duration ? t : a), null);
      if (i >= 0) {
        longest.push(top ? top.duration : 0);
        steps.push(top ? `${round(top.duration)} ms ${stepOf(top)}` : 'no long task');
      }
      await context.close();
    }
    results[name] = { median: round(median(longest)), runs: longest.map(round), longest_step_each_run: steps };
  }
});

test('@budget warm offline start', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await throttled(context, page);
  const times = [];
  for (let i = -1; i < RUNS; i++) {
    await page.reload();
    const t = await readyMark(page);
    if (i >= 0) times.push(t);
  }
  results.warm_offline_start_ms = { median: round(median(times)), runs: times.map(round) };
  // And Today with ten years of daily check-ins, 500 meeting visits and a full plan.
  const big = await readFile('target/budget/ten-years.json', 'utf8');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PLAN_KEY, big]);
  const five = [];
  for (let i = -1; i < RUNS; i++) {
    await page.reload();
    const t = await readyMark(page);
    if (i >= 0) five.push(t);
    await expect(page.getByTestId('today-recovery')).toBeVisible();
  }
  results.warm_offline_start_ten_years_ms = { median: round(median(five)), runs: five.map(round) };
  await context.close();
});

test('@budget save latency with ten years of daily check-ins', async ({ page }) => {
  const big = await readFile('target/budget/ten-years.json', 'utf8');
  await page.goto('/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PLAN_KEY, big]);
  await page.goto('/plan/relapse');
  const revision = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).revision, PLAN_KEY);
  const saves = [];
  let rev = await revision();
  for (let i = 0; i < 40; i++) {
    if (i % 2 === 0) {
      await page.getByLabel('Add a reason').fill(`Reason ${i}`);
      await page.getByLabel('Add a reason').press('Enter');
    } else {
      await page.getByRole('button', { name: `Delete this reason: Reason ${i - 1}` }).click();
    }
    await expect.poll(revision).toBe(rev + 1);
    rev += 1;
    saves.push(Number(await page.locator('[data-save-ms]').getAttribute('data-save-ms')));
  }
  results.save_ms = {
    p50: round(percentile(saves, 50)),
    p95: round(percentile(saves, 95)),
    samples: saves.length,
    plan_bytes: big.length,
  };
});

test('@budget a check-in saved, and Check in opened, with ten years of daily check-ins', async ({ context, page }) => {
  const big = await readFile('target/budget/ten-years.json', 'utf8');
  await page.goto('/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PLAN_KEY, big]);
  await page.goto('/checkin');
  const revision = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).revision, PLAN_KEY);
  const craving = page.getByTestId('checkin').getByLabel(/^Craving/);
  const saves = [];
  let rev = await revision();
  for (let i = 0; i < 40; i++) {
    await craving.fill(String(i % 11));
    await craving.blur();
    await expect.poll(revision).toBe(rev + 1);
    rev += 1;
    saves.push(Number(await page.locator('[data-save-ms]').getAttribute('data-save-ms')));
  }
  results.checkin_save_ms = { p50: round(percentile(saves, 50)), p95: round(percentile(saves, 95)), samples: saves.length };
  // From Today's "Check in" button to the screen with its three 30-day charts drawn.
  await throttled(context, page);
  const times = [];
  for (let i = -1; i < RUNS; i++) {
    await page.goto('/');
    await readyMark(page);
    const ms = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      document.querySelector('a[href="/checkin"].button').click();
      const tick = () => (document.querySelectorAll('[data-testid=charts] svg').length === 3
        ? resolve(performance.now() - t0) : requestAnimationFrame(tick));
      tick();
    }));
    if (i >= 0) times.push(ms);
  }
  results.checkin_open_ms = { median: round(median(times)), runs: times.map(round) };
});

test('@budget a 4 MB backup with 200,000 keys is refused, at 4x CPU, and the page stays responsive', async ({ context, page }, info) => {
  // One object with 200,000 keys in the plan: refused by the reader, in linear time.
  const keys = Array.from({ length: 200_000 }, (_, i) => `"key${i}":${i}`).join(',');
  const text = `{"app":"safety-net","kind":"backup","version":2,"data":{${keys}}}`;
  const file = info.outputPath('hostile.json');
  await writeFile(file, text);
  expect(text.length).toBeGreaterThan(3_500_000);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await throttled(context, page);
  // Long tasks (main thread blocked over 50 ms) while the file is read and refused.
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__longest = Math.max(window.__longest, e.duration); }))
      .observe({ type: 'longtask', buffered: false });
  });
  const t0 = Date.now();
  await page.getByLabel('Import a backup…').setInputFiles(file);
  await expect(page.getByRole('alert').filter({ hasText: 'not in the expected form' })).toBeVisible({ timeout: 20_000 });
  const ms = Date.now() - t0;
  const longest = await page.evaluate(() => window.__longest);
  // Still answers: Get help opens.
  await page.getByRole('banner').getByRole('link', { name: 'Get help' }).click();
  await expect(page.getByRole('heading', { name: 'Get help now' })).toBeVisible();
  // Reported against its aim (2 s at 4x CPU) in the budget report, not asserted: a
  // wall-clock time depends on the machine.
  results.hostile_import = { refused_ms: ms, longest_task_ms: round(longest), file_bytes: text.length };
});

test('@budget unlock with the passcode, at 4x CPU (Argon2id 19 MiB, t=2, p=1)', async ({ context, page }) => {
  await page.goto('/settings');
  await page.getByLabel('Passcode', { exact: true }).fill('246810');
  await page.getByLabel('The passcode again').fill('246810');
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(page.getByText('The lock is on. Safety Net now asks')).toBeVisible({ timeout: 20_000 });
  await throttled(context, page);
  const times = [];
  for (let i = -1; i < RUNS; i++) {
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Safety Net is locked', level: 1 })).toBeVisible({ timeout: 30_000 });
    await page.getByLabel('Passcode', { exact: true }).fill('246810');
    // Timed in the page: from the click on Unlock to the first frame without the lock.
    await page.evaluate(() => {
      window.__unlock = new Promise((done) => {
        document.addEventListener('click', (e) => {
          if (!e.target.closest('button') || e.target.closest('button').textContent.trim() !== 'Unlock') return;
          const t0 = performance.now();
          const tick = () => {
            const h = document.querySelector('main h1, h1');
            if (h && h.textContent !== 'Safety Net is locked') done(performance.now() - t0);
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }, { capture: true, once: true });
      });
    });
    await page.getByRole('button', { name: 'Unlock' }).click();
    const ms = await page.evaluate(() => window.__unlock);
    await expect(page.getByRole('heading', { name: 'Safety Net is locked' })).toHaveCount(0);
    if (i >= 0) times.push(ms);
  }
  results.unlock_ms = { median: round(median(times)), runs: times.map(round), kdf: 'Argon2id, 19 MiB, t=2, p=1' };
});

// "After five screens" includes a check-in saved on the fifth: wasm memory never shrinks, so
// the figure is the most a start, the screens and a save of the whole plan ever needed.
test('@budget memory: wasm and JS heap after start and after five screens and a save, empty, five and ten years', async ({ browser }) => {
  const lastWasm = (page) => page.evaluate(() => {
    const m = performance.getEntriesByType('mark').filter((e) => e.name.startsWith('sn-wasm-bytes:')).pop();
    return m ? Number(m.name.split(':')[1]) : null;
  });
  const heap = async (cdp) => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const screen = async (page, link, h1) => {
    await page.getByRole('link', { name: link, exact: true }).first().click();
    await expect(page.locator('main h1').first()).toHaveText(h1, { timeout: 20_000 });
    await expect(page.locator('main p.loading')).toHaveCount(0);
  };
  results.memory = {};
  for (const [name, file] of [['empty', null], ['five_years', 'target/budget/five-years.json'], ['ten_years', 'target/budget/ten-years.json']]) {
    const stored = file ? await readFile(file, 'utf8') : null;
    const context = await browser.newContext({ serviceWorkers: 'block' });
    if (stored) await context.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, stored]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto('/');
    await readyMark(page);
    await expect.poll(() => lastWasm(page)).not.toBeNull();
    const start = { wasm_bytes: await lastWasm(page), js_heap_bytes: await heap(cdp) };
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [link, h1] of [['My plan', 'My plan'], ['Meetings', 'Meetings'], ['Settings', 'Settings']]) {
      await nav.getByRole('link', { name: link }).click();
      await expect(page.locator('main h1').first()).toHaveText(h1, { timeout: 20_000 });
      await expect(page.locator('main p.loading')).toHaveCount(0);
    }
    await nav.getByRole('link', { name: 'Today' }).click();
    await screen(page, 'My recovery', 'My recovery');
    await nav.getByRole('link', { name: 'Today' }).click();
    await screen(page, 'Check in (30 seconds)', 'Check in');
    const revision = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{"revision":0}').revision, PLAN_KEY);
    const before = await revision();
    const craving = page.getByTestId('checkin').getByLabel(/^Craving/);
    await craving.fill('7');
    await craving.blur();
    await expect.poll(revision).toBe(before + 1);
    await nav.getByRole('link', { name: 'Today' }).click();
    await expect(page.getByTestId('today-recovery')).toBeVisible();
    await page.waitForTimeout(100);
    const after = { wasm_bytes: await lastWasm(page), js_heap_bytes: await heap(cdp) };
    results.memory[name] = { stored_bytes: stored ? stored.length : 0, start, after_five_screens: after };
    await context.close();
  }
});

test('@budget stored size of ten years of check-ins, 500 meeting visits and a full plan', async () => {
  const ten = await readFile('target/budget/ten-years.json');
  results.stored_ten_years_bytes = ten.length;
});

test.afterAll(async () => {
  await mkdir('target/budget', { recursive: true });
  await writeFile('target/budget/timings.json', JSON.stringify(results, null, 2));
});
