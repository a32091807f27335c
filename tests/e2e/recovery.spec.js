import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, PLAN_KEY } from './fixtures.js';

const DAMAGED = '{"app":"safety-net","version":1,"revision":12,"saved_at":"2026-11-20T08:00:00.000Z","data":{"relapse":{"reasons":[{"id":"a1","text":"Be there for Ma';

test('corrupt storage shows the recovery screen, offers the data for download and never replaces it', async ({ app, page }) => {
  await app.open('/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PLAN_KEY, DAMAGED]);
  await page.reload();

  await expect(page.getByRole('heading', { name: 'Your saved plan could not be opened' })).toBeVisible();
  await expect(page.getByText('Nothing has been deleted.')).toBeVisible();
  // Other screens show the same, and help still works.
  await page.goto('/plan');
  await expect(page.getByRole('heading', { name: 'Your saved plan could not be opened' })).toBeVisible();
  await page.getByRole('banner').getByRole('link', { name: 'Get help' }).click();
  await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
  await page.goBack();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the saved data' }).click(),
  ]);
  expect((await readFile(await download.path())).toString()).toBe(DAMAGED);

  // Still exactly as it was, and a copy was put aside.
  expect(await app.storedRaw()).toBe(DAMAGED);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('safety-net:quarantine:')).map((k) => localStorage.getItem(k)));
  expect(kept).toEqual([DAMAGED]);

  await page.getByRole('button', { name: 'Start a new plan' }).click();
  await expect(page.getByRole('heading', { name: 'My plan', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: /^Relapse prevention/ }).click();
  await app.addReason('Starting again');
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Saved data that could not be opened' });
  await expect(section).toBeVisible();
  const [again] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download' }).click()]);
  expect((await readFile(await again.path())).toString()).toBe(DAMAGED);
});

test('a saved plan with a part in the wrong form: the recovery screen names the place', async ({ app, page }) => {
  await app.open('/');
  const wrong = '{"app":"safety-net","version":1,"revision":3,"saved_at":"2026-11-20T08:00:00.000Z","data":{"people":[{"id":"a","name":7,"role":"sponsor","phone":"1","call_in_crisis":true,"best_times":"","crisis_message":"","notes":""}]}}';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PLAN_KEY, wrong]);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your saved plan could not be opened' })).toBeVisible();
  // The quick reader says what; the reader that tracks the place (in the screen's chunk) says where.
  await expect(page.getByText('What went wrong: Part of the plan is not in the expected form: plan.people[0].name: invalid type: integer `7`, expected a string.')).toBeVisible();
  expect(await app.storedRaw()).toBe(wrong);
});

test('the recovery screen restores a backup in place of the damaged data, which stays kept aside', async ({ app, page }, info) => {
  await app.open('/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PLAN_KEY, DAMAGED]);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your saved plan could not be opened' })).toBeVisible();
  const file = info.outputPath('good.json');
  await writeFile(file, JSON.stringify({ app: 'safety-net', kind: 'backup', version: 1, data: { relapse: { reasons: [{ id: 'r1', text: 'From the backup' }] } } }));
  await page.getByLabel('Import a backup…').setInputFiles(file);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace my plan' }).click();
  await expect(page.getByRole('heading', { name: 'Your saved plan could not be opened' })).toHaveCount(0);
  expect(await app.storedReasons()).toEqual(['From the backup']);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('safety-net:quarantine:')).map((k) => localStorage.getItem(k)));
  expect(kept).toEqual([DAMAGED]);
});
