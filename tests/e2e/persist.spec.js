import { test, expect } from './fixtures.js';

test('a reason added to the plan is saved and still there after a reload', async ({ app, page }) => {
  await app.open('/plan/relapse');
  await app.addReason('Be there for Maya');
  expect(await app.storedReasons()).toEqual(['Be there for Maya']);
  const stored = await app.stored();
  expect(stored).toMatchObject({ app: 'safety-net', version: 4, revision: 1 });

  await page.reload();
  await expect(app.reasonFields()).toHaveCount(1);
  await expect(app.reasonFields().first()).toHaveValue('Be there for Maya');

  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: "Why I'm doing this" })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Be there for Maya' })).toBeVisible();
});

test("after the first save the app has asked the browser to keep the data, and Settings shows the answer", async ({ app, page }) => {
  await app.open('/settings');
  await expect(page.getByTestId('persistence')).not.toHaveText('Checking…');
  await page.goto('/plan/relapse');
  await app.addReason('Be there for Maya');
  await page.getByRole('link', { name: 'Settings' }).click();
  // Headless Chromium decides by site engagement; either answer is shown in words.
  await expect(page.getByTestId('persistence')).toHaveText(/^(Protected: the browser will not clear|Not protected yet:)/);
  const answer = await page.evaluate(() => navigator.storage.persisted());
  await expect(page.getByTestId('persistence')).toHaveText(answer ? /^Protected/ : /^Not protected yet/);
});

test('editing, deleting and undoing a reason are each saved', async ({ app, page }) => {
  await app.open('/plan/relapse');
  await app.addReason('First');
  await app.addReason('Second');
  await app.reasonFields().first().fill('First, edited');
  await app.reasonFields().first().press('Tab');
  await expect.poll(() => app.storedReasons()).toEqual(['First, edited', 'Second']);

  await page.getByRole('button', { name: 'Delete this reason: First, edited' }).click();
  await expect.poll(() => app.storedReasons()).toEqual(['Second']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => app.storedReasons()).toEqual(['First, edited', 'Second']);
  await page.reload();
  await expect(app.reasonFields()).toHaveCount(2);
});
