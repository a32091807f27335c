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
  // Ten years of check-ins are read over several turns (src/state.rs): the text taken from
  // the store (sn-opening), then the plan up to its check-ins, then the check-ins a
  // thousand at a turn (each turn marks sn-read). Here another document of the app's
  // origin (an empty frame, as another tab would) saves a new revision in the turn the
  // check-ins begin to be read. Its storage event comes through the browser, at a time of
  // the browser's choosing: so that it always comes between two turns of reading
  // check-ins (and never after the last, as on a busy machine it could), the page's timers,
  // the reading's turns among them, wait for it from that turn on.
  const years = await readFile('target/budget/ten-years.json', 'utf8');
  await context.addInitScript(([k, v]) => {
    if (window.top !== window) return;
    if (!localStorage.getItem(k)) localStorage.setItem(k, v);
    let seen;
    const event = new Promise((resolve) => { seen = resolve; });
    let holding = false;
    window.addEventListener('storage', () => {
      performance.mark('test-storage-event');
      seen();
    });
    const later = window.setTimeout.bind(window);
    window.setTimeout = (f, ms, ...args) => (holding
      ? later(() => event.then(() => (typeof f === 'function' ? f(...args) : undefined)), ms)
      : later(f, ms, ...args));
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      const entry = mark(name, ...rest);
      if (name === 'sn-read' && performance.getEntriesByName('sn-read').length === 2
        && !sessionStorage.getItem('test-saved')) {
        sessionStorage.setItem('test-saved', '1');
        holding = true;
        event.then(() => { holding = false; });
        const other = document.createElement('iframe');
        document.body.append(other);
        const doc = JSON.parse(other.contentWindow.localStorage.getItem(k));
        doc.revision += 1;
        doc.data.relapse.reasons.push({ id: 'from-tab-b', text: 'From tab B' });
        other.contentWindow.localStorage.setItem(k, JSON.stringify(doc));
        other.remove();
      }
      return entry;
    };
  }, [PLAN_KEY, years]);
  const a = new App(await context.newPage());
  await a.open('/plan/relapse');
  const at = await a.page.evaluate(() => Object.fromEntries(['sn-opening', 'test-storage-event', 'sn-read', 'sn-opened']
    .map((n) => [n, performance.getEntriesByName(n).map((e) => e.startTime)])));
  expect(at['sn-opening'].length, 'the plan was read in turns').toBe(1);
  expect(at['test-storage-event'].length, 'the other save was seen').toBe(1);
  expect(at['sn-read'].length, 'check-ins were being read').toBeGreaterThanOrEqual(2);
  expect(at['test-storage-event'][0]).toBeGreaterThan(at['sn-read'][1]);
  expect(at['test-storage-event'][0]).toBeLessThan(at['sn-opened'][0]);
  await expect(a.reasonFields().last()).toHaveValue('From tab B');
  await a.addReason('From tab A');
  const reasons = await a.storedReasons();
  expect(reasons.slice(-2)).toEqual(['From tab B', 'From tab A']);
  await expect(a.page.getByRole('alert').filter({ hasText: 'also changed in another tab' })).toHaveCount(0);
});
