import { test, expect } from './fixtures.js';

const PAYLOADS = ['<img src=x onerror=alert(1)>', '"><script>alert(2)</script>', "javascript:alert('3')"];

test('markup typed into a field is stored and shown as text', async ({ app, page }) => {
  await app.open('/plan');
  for (const p of PAYLOADS) await app.addReason(p);
  expect(await app.storedReasons()).toEqual(PAYLOADS);

  await page.reload();
  for (const [i, p] of PAYLOADS.entries()) await expect(app.reasonFields().nth(i)).toHaveValue(p);
  await page.getByRole('link', { name: 'Today' }).click();
  for (const p of PAYLOADS) await expect(page.getByRole('listitem').filter({ hasText: p })).toHaveCount(1);
  // Nothing was turned into an element.
  expect(await page.locator('main img, main script').count()).toBe(0);
  // (The app fixture fails the test if any alert dialog opened.)
});
