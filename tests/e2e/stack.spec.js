// The WebAssembly stack is 128 KiB (build.rs), not Rust's 1 MiB. These tests read how deep
// the app's stack has ever gone, straight from the wasm memory: Rust puts the stack first
// in memory, growing down from 128 KiB towards 0, and memory is zero until it is used, so
// the lowest byte that is not zero marks the deepest the stack has been. Each test fails if
// that passes half the stack: the rest is the margin.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { test, expect, PLAN_KEY } from './fixtures.js';

const STACK = 128 * 1024;

/** Keeps the app's memory where the test can read it (the page's own code never sees it). */
async function watchMemory(context) {
  await context.addInitScript(() => {
    const keep = (result) => {
      const exports = (result.instance || result).exports;
      if (!window.__wasmMemory && exports && exports.memory instanceof WebAssembly.Memory) {
        window.__wasmMemory = exports.memory;
      }
      return result;
    };
    const streaming = WebAssembly.instantiateStreaming;
    const plain = WebAssembly.instantiate;
    if (streaming) WebAssembly.instantiateStreaming = (...a) => streaming.apply(WebAssembly, a).then(keep);
    WebAssembly.instantiate = (...a) => plain.apply(WebAssembly, a).then(keep);
  });
}

/** The deepest the stack has been, in bytes. */
async function stackUsed(page) {
  const { lowest, top } = await page.evaluate((size) => {
    const bytes = new Uint8Array(window.__wasmMemory.buffer, 0, size);
    let i = 0;
    while (i < size && bytes[i] === 0) i += 1;
    // The top of the stack is always in use: if it were zero, the stack would not end at
    // 128 KiB (the build would have lost its stack size).
    let top = 0;
    for (let j = size - 64; j < size; j += 1) top |= bytes[j];
    return { lowest: i, top };
  }, STACK);
  expect(top, 'the stack ends at 128 KiB').not.toBe(0);
  return STACK - lowest;
}

test.describe.configure({ mode: 'serial' });

const results = {};

test('ten years of data on every main screen stays far within the stack', async ({ app, page, context }) => {
  const big = await readFile('target/budget/ten-years.json', 'utf8');
  await watchMemory(context);
  await context.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, big]);
  // Each page load is a new module and memory: measured before the next one.
  let deepest = 0;
  await app.open('/');
  await expect(page.getByTestId('today-recovery')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [link, h1] of [['My plan', 'My plan'], ['Meetings', 'Meetings'], ['Settings', 'Settings']]) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page.locator('main h1').first()).toHaveText(h1, { timeout: 20_000 });
    await expect(page.locator('main p.loading')).toHaveCount(0);
  }
  deepest = Math.max(deepest, await stackUsed(page));
  for (const path of ['/recovery', '/checkin', '/plan/relapse', '/plan/review', '/meetings/find', '/help', '/overdose']) {
    await app.open(path);
    deepest = Math.max(deepest, await stackUsed(page));
  }
  expect(deepest).toBeGreaterThan(0);
  expect(deepest).toBeLessThan(STACK / 2);
  results.ten_years_screens = deepest;
});

test('a backup nested as deep as the reader goes, through the old-version migration, is refused within the stack', async ({ app, page, context }, info) => {
  await watchMemory(context);
  await app.open('/settings');
  // 125 levels of arrays under a version-1 backup's data: parsed whole (serde_json stops
  // at 128), migrated, then refused as not a plan's form.
  const nested = `${'['.repeat(125)}${']'.repeat(125)}`;
  const file = info.outputPath('deep.json');
  await writeFile(file, `{"app":"safety-net","kind":"backup","version":1,"data":{"meetings":{},"care":${nested}}}`);
  await page.getByLabel('Import a backup…').setInputFiles(file);
  const alert = page.getByRole('alert').filter({ hasText: "can't be imported" });
  await expect(alert).toContainText('Nothing has been changed.');
  const used = await stackUsed(page);
  expect(used).toBeGreaterThan(0);
  expect(used).toBeLessThan(STACK / 2);
  results.deep_backup = used;
});

test('a stored plan nested as deep as the reader goes opens the recovery screen within the stack', async ({ page, context }) => {
  await watchMemory(context);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const nested = `${'['.repeat(125)}${']'.repeat(125)}`;
  const raw = `{"app":"safety-net","version":1,"revision":2,"saved_at":"2026-01-01T00:00:00.000Z","data":{"meetings":{},"care":${nested}}}`;
  await context.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, raw]);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your saved plan could not be opened' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).some((x) => x.startsWith('safety-net:quarantine:')))).toBe(true);
  expect(await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY)).toBe(raw);
  const used = await stackUsed(page);
  expect(used).toBeGreaterThan(0);
  expect(used).toBeLessThan(STACK / 2);
  expect(errors).toEqual([]);
  results.deep_stored_plan = used;
});

test.afterAll(async () => {
  // For the budget report (scripts/budget.mjs), beside the timings.
  await mkdir('target/playwright', { recursive: true });
  await writeFile('target/playwright/stack.json', JSON.stringify({ stack_bytes: STACK, used_bytes: results }, null, 2));
});
