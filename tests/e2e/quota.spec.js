import { test, expect } from './fixtures.js';

test('when storage is full the change stays on screen, the last good copy is untouched, and export is offered', async ({ app, page }) => {
  await app.open('/plan');
  await app.addReason('Saved before the disk filled up');
  const good = await app.storedRaw();

  await page.evaluate(() => {
    let chunk = 1 << 20;
    let i = 0;
    while (chunk > 0) {
      try {
        localStorage.setItem(`filler-${i}`, 'x'.repeat(chunk));
        i += 1;
      } catch {
        chunk = Math.floor(chunk / 2);
      }
    }
  });

  await page.getByLabel('Add a reason').fill('Written when storage was full');
  await page.getByLabel('Add a reason').press('Enter');
  const banner = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  await expect(banner).toContainText('storage for Safety Net is full');
  await expect(banner.getByRole('button', { name: 'Export a backup now' })).toBeVisible();
  await expect(app.reasonFields().nth(1)).toHaveValue('Written when storage was full');
  expect(await app.storedRaw()).toBe(good);

  // Exporting works even now, and includes the unsaved change.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Export a backup now' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  expect((await readFile(await download.path())).toString()).toContain('Written when storage was full');

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await banner.getByRole('button', { name: 'Try saving again' }).click();
  await app.expectSaved();
  expect(await app.storedReasons()).toEqual(['Saved before the disk filled up', 'Written when storage was full']);
});
