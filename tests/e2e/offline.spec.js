import { test, expect } from './fixtures.js';

test('after one online visit the app opens offline, deep links included', async ({ app, page, context }) => {
  await app.open('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit's page is not controlled; reload once online so the worker serves it.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();

  for (const [path, heading] of [['/settings', 'Settings'], ['/plan', 'My plan'], ['/help', 'Get help now']]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }
  await page.goto('/plan');
  await app.addReason('Written while offline');
  expect(await app.storedReasons()).toEqual(['Written while offline']);
  await context.setOffline(false);
});
