import { test, expect } from './fixtures.js';

test('after one online visit the app opens offline, deep links included', async ({ app, page, context }) => {
  await app.open('/');
  // The worker is active once everything is precached; it then takes over this page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();

  for (const [path, heading] of [['/settings', 'Settings'], ['/plan', 'My plan'], ['/help', 'Get help now']]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }
  // The directory of "Finding support" is a file of its own, kept offline too.
  await page.goto('/meetings/find');
  await expect(page.locator('li.resource')).toHaveCount(9);
  await expect(page.getByRole('heading', { level: 3, name: 'SAMHSA National Helpline' })).toBeVisible();
  await page.goto('/recovery');
  await expect(page.getByRole('heading', { name: 'My recovery', level: 1 })).toBeVisible();
  await page.goto('/plan/relapse');
  await app.addReason('Written while offline');
  expect(await app.storedReasons()).toEqual(['Written while offline']);
  await context.setOffline(false);
});
