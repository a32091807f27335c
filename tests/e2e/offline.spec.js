import { test, expect } from './fixtures.js';

test('after one online visit the app opens offline, deep links included', async ({ app, page, context }) => {
  await app.open('/');
  // The worker is active once everything is precached; it then takes over this page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  // The app itself, not the start-up shell (which has the same heading).
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();

  for (const [path, heading] of [['/settings', 'Settings'], ['/plan', 'My plan'], ['/help', 'Get help now']]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }
  await page.goto('/meetings/find');
  await expect(page.locator('li.resource')).toHaveCount(9);
  await expect(page.getByRole('heading', { level: 3, name: 'SAMHSA National Helpline' })).toBeVisible();
  await page.goto('/recovery');
  await expect(page.getByRole('heading', { name: 'My recovery', level: 1 })).toBeVisible();
  // The plain overdose pages, English and Spanish, are precached too.
  await page.goto('/naloxone.html');
  await page.getByRole('link', { name: 'En español' }).click();
  await expect(page.getByRole('heading', { name: 'Alguien podría estar teniendo una sobredosis', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.goto('/plan/relapse');
  await app.addReason('Written while offline');
  expect(await app.storedReasons()).toEqual(['Written while offline']);
  await context.setOffline(false);
});

test('Today opens with no chunk; every other screen arrives with its chunk, online and offline', async ({ app, page, context }) => {
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.split('/').pop()); });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  // The first load is the main module alone: Today, Get help and the overdose steps.
  expect(wasm.filter((f) => f !== 'app_bg.wasm'), 'chunks fetched for Today').toEqual([]);
  await page.getByRole('banner').getByRole('link', { name: 'Get help' }).click();
  await page.getByRole('link', { name: 'Someone may be overdosing: what to do' }).click();
  await expect(page.getByRole('heading', { name: 'Someone may be overdosing', level: 1 })).toBeVisible();
  expect(wasm.filter((f) => f !== 'app_bg.wasm'), 'chunks fetched for Get help and the overdose steps').toEqual([]);

  // Installed: the service worker has precached every chunk.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('safety-net-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname).filter((p) => p.endsWith('.wasm'));
  });
  expect(cached.length, 'every chunk precached').toBeGreaterThan(10);

  await context.setOffline(true);
  const screens = [
    ['/plan', 'My plan'], ['/plan/people', 'Support people'], ['/plan/crisis', 'In a crisis'],
    ['/plan/relapse', 'Relapse prevention'], ['/plan/care', 'Medication and care'], ['/plan/slip', 'If I slip'],
    ['/plan/therapy', 'Therapy and counseling'], ['/plan/goals', 'Life goals'], ['/plan/loved-ones', 'My loved ones'],
    ['/plan/review', 'Support people'], ['/plan/print', 'Print or save as PDF'], ['/plan/share', 'Share with loved ones'],
    ['/meetings', 'Meetings'], ['/meetings/find', 'Finding support'], ['/recovery', 'My recovery'],
    ['/checkin', 'Check in'], ['/start', 'Three people you can call'], ['/settings', 'Settings'],
  ];
  for (const [path, heading] of screens) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 }), path).toBeVisible();
  }
  await context.setOffline(false);
});
