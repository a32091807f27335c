import { test, expect, fillStorage, freeStorage } from './fixtures.js';

test('when storage is full the change stays on screen, the last good copy is untouched, and export is offered', async ({ app, page }) => {
  await app.open('/plan/relapse');
  await app.addReason('Saved before the disk filled up');
  const good = await app.storedRaw();

  await page.evaluate(fillStorage);

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

  await page.evaluate(freeStorage);
  await banner.getByRole('button', { name: 'Try saving again' }).click();
  await app.expectSaved();
  expect(await app.storedReasons()).toEqual(['Saved before the disk filled up', 'Written when storage was full']);
});
