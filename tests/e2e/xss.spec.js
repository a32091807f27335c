import { test, expect } from './fixtures.js';

const PAYLOADS = ['<img src=x onerror=alert(1)>', '"><script>alert(2)</script>', "javascript:alert('3')"];

test('markup typed into a field is stored and shown as text', async ({ app, page }) => {
  await app.open('/plan/relapse');
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

test('markup in a kit location stays text in the plan, on Today and on Get help', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2027-01-20T09:00:00') });
  await app.open('/plan/crisis');
  for (const p of PAYLOADS) {
    await page.getByLabel('Add a kit: where is it kept?').fill(p);
    await page.getByRole('region', { name: 'Naloxone kits' }).getByRole('button', { name: 'Add' }).click();
  }
  const dates = page.getByLabel('Expiration date (on the box)');
  await expect(dates).toHaveCount(PAYLOADS.length);
  for (let i = 0; i < PAYLOADS.length; i += 1) {
    await dates.nth(i).fill('2027-01-31');
    await dates.nth(i).blur();
  }
  await app.expectSaved();
  await expect.poll(async () => (await app.stored()).data.naloxone_kits.map((k) => k.location)).toEqual(PAYLOADS);
  await page.getByRole('link', { name: 'Today' }).click();
  const notices = page.getByTestId('kit-notice');
  await expect(notices).toHaveCount(PAYLOADS.length);
  for (const [i, p] of PAYLOADS.entries()) await expect(notices.nth(i)).toContainText(`The naloxone kit in ${p} expires in 11 days`);
  expect(await page.locator('main img, main script').count()).toBe(0);
});
