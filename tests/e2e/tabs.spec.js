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
