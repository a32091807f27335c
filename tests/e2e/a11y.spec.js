// axe-core on every screen at 320 px, light and dark, empty and with content.
import { test, expect, axeViolations } from './fixtures.js';

test.use({ bypassCSP: true, viewport: { width: 320, height: 740 } });

const SCREENS = [
  ['/', 'Today'],
  ['/plan', 'My plan'],
  ['/help', 'Get help now'],
  ['/settings', 'Settings'],
  ['/no-such-page', "This page isn't here"],
];

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on any screen (${scheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open('/plan/relapse');
    await app.addReason('Be there for Maya');
    await page.getByRole('button', { name: 'Delete this reason: Be there for Maya' }).click();
    await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
    expect(await axeViolations(page), 'plan with an undo bar').toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    for (const [path, heading] of SCREENS) {
      await app.open(path);
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.goto('/naloxone.html');
    expect(await axeViolations(page), '/naloxone.html').toEqual([]);
  });

  test(`axe finds no violations on the recovery screen and the import dialog (${scheme})`, async ({ app, page }, info) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open('/settings');
    const { writeFile } = await import('node:fs/promises');
    const file = info.outputPath('b.json');
    await writeFile(file, '{"app":"safety-net","kind":"backup","version":1,"data":{}}');
    await page.getByLabel('Import a backup…').setInputFiles(file);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    expect(await axeViolations(page), 'import dialog').toEqual([]);
    await page.evaluate(() => localStorage.setItem('safety-net:plan', '{"app":"safety-net","ver'));
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your saved plan could not be opened' })).toBeVisible();
    expect(await axeViolations(page), 'recovery screen').toEqual([]);
  });
}

test('the axe harness does report a real violation', async ({ app, page }) => {
  await app.open('/');
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'text';
    document.querySelector('main').append(input);
  });
  expect((await axeViolations(page)).join('\n')).toContain('label');
});
