import { test, expect, App, PLAN_KEY } from './fixtures.js';
import { readFile } from 'node:fs/promises';

test("a change in one tab shows in the other without a reload, and neither overwrites the other", async ({ context }) => {
  const a = new App(await context.newPage());
  const b = new App(await context.newPage());
  await a.open('/plan/relapse');
  await b.open('/plan/relapse');

  await a.addReason('From tab A');
  await expect(b.reasonFields()).toHaveCount(1);
  await expect(b.reasonFields().first()).toHaveValue('From tab A');

  await b.addReason('From tab B');
  await expect(a.reasonFields()).toHaveCount(2);
  await expect(a.reasonFields().nth(1)).toHaveValue('From tab B');
  expect(await a.storedReasons()).toEqual(['From tab A', 'From tab B']);

  // Today in tab B also follows along.
  await b.page.getByRole('link', { name: 'Today' }).click();
  await a.addReason('Third, from A');
  await expect(b.page.getByRole('listitem').filter({ hasText: 'Third, from A' })).toBeVisible();
});

test('text being typed in one tab is never replaced when another tab saves; the person chooses', async ({ context }) => {
  const a = new App(await context.newPage());
  const b = new App(await context.newPage());
  await a.open('/plan/relapse');
  await a.addReason('First');
  await b.open('/plan/relapse');
  await expect(b.reasonFields()).toHaveCount(1);

  // B is mid-sentence in the reason…
  const field = b.reasonFields().first();
  await field.click();
  await field.press('End');
  await field.pressSequentially(', and my daughter Maya');
  // …when A saves another change.
  await a.addReason('Second, from A');
  const banner = b.page.getByRole('alert').filter({ hasText: 'Your plan was also changed in another tab or window.' });
  await expect(banner).toBeVisible();
  // B's field keeps every character typed, and the stored plan still has A's change.
  await expect(field).toHaveValue('First, and my daughter Maya');
  await expect(field).toBeFocused();
  expect(await b.storedReasons()).toEqual(['First', 'Second, from A']);

  // B keeps its version: what was typed is saved, by choice.
  await banner.getByRole('button', { name: 'Keep this version' }).click();
  await b.expectSaved();
  expect(await b.storedReasons()).toEqual(['First, and my daughter Maya']);
  await expect(a.reasonFields()).toHaveCount(1);
  await expect(a.reasonFields().first()).toHaveValue('First, and my daughter Maya');

  // Without typing in progress, a save in another tab just shows up.
  await a.addReason('Later, from A');
  await expect(b.reasonFields()).toHaveCount(2);
  await expect(banner).toHaveCount(0);
});

test('another tab saves while this one is still reading years of check-ins: this tab shows that save, and saves over nothing', async ({ context }) => {
  // Ten years of check-ins are read a few hundred at a turn (src/state.rs); a save by
  // another tab between two turns is read, not lost under the older text.
  const years = await readFile('target/budget/ten-years.json', 'utf8');
  await context.addInitScript(([k, v]) => {
    if (!localStorage.getItem(k)) localStorage.setItem(k, v);
    window.addEventListener('storage', () => performance.mark('test-storage-event'));
  }, [PLAN_KEY, years]);
  const a = new App(await context.newPage());
  const cdp = await context.newCDPSession(a.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  const marked = (name) => a.page.evaluate((n) => performance.getEntriesByName(n).length > 0, name);
  await a.page.goto('/plan/relapse');
  await expect.poll(() => marked('sn-opening'), { intervals: [20] }).toBe(true);
  // Tab B (a page of the app's own that does not read the plan) saves a new revision.
  const b = await context.newPage();
  await b.goto('/naloxone.html');
  await b.evaluate((k) => {
    const doc = JSON.parse(localStorage.getItem(k));
    doc.revision += 1;
    doc.data.relapse.reasons.push({ id: 'from-tab-b', text: 'From tab B' });
    localStorage.setItem(k, JSON.stringify(doc));
  }, PLAN_KEY);
  await expect.poll(() => marked('sn-opened'), { timeout: 30_000 }).toBe(true);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const at = await a.page.evaluate(() => Object.fromEntries(['sn-opening', 'test-storage-event', 'sn-opened']
    .map((n) => [n, performance.getEntriesByName(n)[0]?.startTime])));
  expect(at['test-storage-event'], 'B saved while A was reading').toBeGreaterThan(at['sn-opening']);
  expect(at['test-storage-event'], 'B saved while A was reading').toBeLessThan(at['sn-opened']);
  await expect(a.page.locator('main p.loading')).toHaveCount(0, { timeout: 20_000 });
  await expect(a.reasonFields().last()).toHaveValue('From tab B', { timeout: 20_000 });
  await a.addReason('From tab A');
  const reasons = await a.storedReasons();
  expect(reasons.slice(-2)).toEqual(['From tab B', 'From tab A']);
  await expect(a.page.getByRole('alert').filter({ hasText: 'also changed in another tab' })).toHaveCount(0);
});
