import { readFile, writeFile } from 'node:fs/promises';
import { test, expect } from './fixtures.js';

async function exportBackup(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export a backup', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^safety-net-backup-\d{4}-\d{2}-\d{2}\.json$/);
  return readFile(await download.path());
}

test('export, delete everything, import: the plan is back byte for byte, and a second export is the same plan', async ({ app, page }, info) => {
  await app.open('/plan/relapse');
  await app.addReason('Be there for Maya');
  await app.addReason('Keep my job');
  await page.getByLabel('Add a warning sign').fill('Skipping meetings');
  await page.getByLabel('Add a warning sign').press('Enter');
  await app.expectSaved();

  await page.getByRole('link', { name: 'Settings' }).click();
  const first = await exportBackup(page);
  const file = info.outputPath('backup.json');
  await writeFile(file, first);
  expect(JSON.parse(first.toString())).toMatchObject({ app: 'safety-net', kind: 'backup', version: 4 });

  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByText('Everything has been deleted from this device.')).toBeVisible();
  expect(await app.stored()).toBeNull();

  await page.getByLabel('Import a backup…').setInputFiles(file);
  const dialog = page.getByRole('alertdialog', { name: 'Replace your plan with this backup?' });
  await expect(dialog).toContainText('2 reasons for recovery, 1 warning sign');
  await expect(dialog).toContainText('nothing yet (an empty plan)');
  // The question has the focus (a screen reader reads it; the next tab is in it).
  await expect(dialog).toBeFocused();
  await dialog.getByRole('button', { name: 'Replace my plan' }).click();
  await expect(page.getByText('Backup imported.')).toBeVisible();
  await expect(page.getByLabel('Import a backup…')).toBeFocused();
  expect(await app.storedReasons()).toEqual(['Be there for Maya', 'Keep my job']);

  // The plan in storage is the backup's, byte for byte.
  const raw = await app.storedRaw();
  expect(raw.slice(raw.indexOf('"data":') + 7, -1)).toBe(JSON.stringify(JSON.parse(first.toString()).data));
  // A second backup is the same plan; only its own record (when, what it held) is new.
  const second = await exportBackup(page);
  const without = (b) => { const j = JSON.parse(b.toString()); delete j.data.settings.last_backup; return JSON.stringify(j, null, 2); };
  expect(without(second)).toBe(without(first));
  expect(JSON.parse(second.toString()).data.settings.last_backup.held).toMatchObject({ reasons: 2, warning_signs: 1 });
});

test('cancelling an import changes nothing', async ({ app, page }, info) => {
  await app.open('/plan/relapse');
  await app.addReason('Mine');
  const before = await app.storedRaw();
  const other = {
    app: 'safety-net', kind: 'backup', version: 1,
    data: { relapse: { reasons: [{ id: 'abc-1', text: 'Theirs' }] } },
  };
  const file = info.outputPath('other.json');
  await writeFile(file, JSON.stringify(other));
  await page.goto('/settings');
  await page.getByLabel('Import a backup…').setInputFiles(file);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('1 reason for recovery');
  await expect(dialog).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  // Focus goes back to where it was.
  await expect(page.getByLabel('Import a backup…')).toBeFocused();
  expect(await app.storedRaw()).toBe(before);
});

for (const [name, content, message] of [
  ['a file from another app', '{"contacts":[{"name":"Dana"}]}', 'This is not a Safety Net plan or backup.'],
  ['a truncated backup', '{"app":"safety-net","kind":"backup","version":1,"data":{"relapse":{"rea', 'cut short'],
  ['a backup from a newer version', '{"app":"safety-net","kind":"backup","version":9,"data":{}}', 'newer version of Safety Net'],
  ['a spreadsheet', 'name,phone\nDana,555-0100\n', 'not readable'],
  ['an empty file', '', 'This file is empty.'],
  // The place is named by the reader that tracks it (in a chunk: the import is in Settings).
  ['a backup with a part in the wrong form',
    '{"app":"safety-net","kind":"backup","version":1,"data":{"people":[{"id":"a","name":7,"role":"sponsor","phone":"1","call_in_crisis":true,"best_times":"","crisis_message":"","notes":""}]}}',
    'Part of the plan is not in the expected form: plan.people[0].name: invalid type: integer `7`, expected a string.'],
]) {
  test(`importing ${name} is refused with a clear message and changes nothing`, async ({ app, page }, info) => {
    await app.open('/plan/relapse');
    await app.addReason('Mine');
    const before = await app.storedRaw();
    const file = info.outputPath('bad.json');
    await writeFile(file, content);
    await page.goto('/settings');
    await page.getByLabel('Import a backup…').setInputFiles(file);
    const alert = page.getByRole('alert').filter({ hasText: "can't be imported" });
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('Nothing has been changed.');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    expect(await app.storedRaw()).toBe(before);
  });
}
