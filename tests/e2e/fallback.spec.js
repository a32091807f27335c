// When the app cannot start (here: no WebAssembly), the overdose steps still work.
import { test, expect } from './fixtures.js';

test('without WebAssembly the start page says so and the static overdose steps still work', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('/');
  await expect(page.getByText('Safety Net could not start in this browser.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Emergency: call 911' })).toHaveAttribute('href', 'tel:911');
  await page.getByRole('link', { name: 'Someone may be overdosing: what to do' }).click();
  await expect(page.getByRole('heading', { name: 'Someone may be overdosing', level: 1 })).toBeVisible();
  const steps = page.getByRole('list').filter({ has: page.getByRole('heading', { name: 'Give naloxone' }) });
  await expect(steps.getByRole('heading', { level: 3 })).toHaveText([
    'Check if they respond', 'Give naloxone', 'Call 911', 'Help them breathe',
    'Watch, and give another dose if needed', 'Stay with them',
  ]);
  await expect(page.getByText('2–3 minutes').first()).toBeVisible();
});

test('the overdose steps page opens offline, and from Get help in two taps', async ({ app, page, context }) => {
  await app.open('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.getByRole('banner').getByRole('link', { name: 'Get help' }).click();
  await page.getByRole('link', { name: 'Someone may be overdosing: what to do' }).click();
  await expect(page.getByRole('heading', { name: 'Someone may be overdosing', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call 911' }).first()).toHaveAttribute('href', 'tel:911');
});
