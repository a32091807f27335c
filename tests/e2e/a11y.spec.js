// axe-core on every screen at 320 px, light and dark, empty and with content.
import { test, expect, axeViolations, PLAN_KEY } from './fixtures.js';

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
    for (const plain of ['/naloxone.html', '/naloxone-es.html']) {
      await page.goto(plain);
      expect(await axeViolations(page), plain).toEqual([]);
    }
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

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on the lock screen, Today's backup card and the Safari notice (${scheme})`, async ({ browser }) => {
    const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 740 }, userAgent: ua, colorScheme: scheme, timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-12-01T10:00:00-05:00') });
    await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, JSON.stringify({
      app: 'safety-net', version: 4, revision: 3, saved_at: '2026-11-20T15:00:00.000Z',
      data: { relapse: { reasons: [{ id: 'r1', text: 'For Maya' }] }, settings: { started: '2026-10-01', guided_start: 'done' } },
    })]);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Keep a copy of your plan' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Safari may delete your plan' })).toBeVisible();
    expect(await axeViolations(page), 'Today with the backup card and the Safari notice').toEqual([]);
    await page.goto('/settings');
    await page.getByLabel('Passcode', { exact: true }).fill('246810');
    await page.getByLabel('The passcode again').fill('246810');
    await page.getByRole('button', { name: 'Turn on the lock' }).click();
    await expect(page.getByText('The lock is on. Safety Net now asks')).toBeVisible({ timeout: 20_000 });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Safety Net is locked', level: 1 })).toBeVisible();
    await page.getByText('Forgot the passcode?').click();
    expect(await axeViolations(page), 'the lock screen, with "Forgot the passcode?" open').toEqual([]);
    await context.close();
  });
}

// Forced colors (Windows contrast themes) draw no backgrounds and no box shadows: Get help
// and Call 911 were bare words, and the current page in the navigation was marked by bold
// alone.
test('in forced colors Get help and Call 911 keep an edge, and the current page is underlined', async ({ app, page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ forcedColors: 'active' });
  const edge = (el) => el.evaluate((e) => {
    const cs = getComputedStyle(e);
    return `${cs.borderTopStyle} ${parseFloat(cs.borderTopWidth) >= 2} ${cs.borderTopColor !== 'rgba(0, 0, 0, 0)'}`;
  });
  await app.open('/overdose');
  expect(await edge(page.getByRole('banner').getByRole('link', { name: 'Get help' })), 'Get help').toBe('solid true true');
  await expect(page.getByRole('link', { name: 'Call 911' })).toHaveCount(2);
  for (const call of await page.getByRole('link', { name: 'Call 911' }).all()) {
    expect(await edge(call), 'Call 911').toBe('solid true true');
  }
  const today = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' });
  await app.open('/');
  expect(await today.evaluate((a) => getComputedStyle(a).textDecorationLine), 'the current page').toBe('underline');
  await page.screenshot({ path: 'target/screenshots/forced-colors-today.png' });
});
