import { test, expect, App } from './fixtures.js';

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
