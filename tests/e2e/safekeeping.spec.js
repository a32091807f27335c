// Never the only copy (issue #19): the last backup known, a gentle and rare reminder, the
// Safari warning, an import that compares before it replaces, moving to a new phone, and
// the share sheet where there is one.
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, PLAN_KEY } from './fixtures.js';

test.use({ timezoneId: 'America/New_York' });

const IOS_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const MAC_SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

function stored(data, savedAt = '2026-11-20T15:00:00.000Z') {
  return JSON.stringify({ app: 'safety-net', version: 4, revision: 7, saved_at: savedAt, data });
}

async function preload(page, data, savedAt) {
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, stored(data, savedAt)]);
}

const reasons = [{ id: 'r1', text: 'For Maya' }];
const checkins = (days) => days.map((date) => ({ date }));

async function saveBackup(page, name = 'Export a backup') {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), text: (await readFile(await download.path())).toString() };
}

test('the last backup is known: none yet, then its date and what it held, then what changed since', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-12-01T10:00:00-05:00') });
  await preload(page, { relapse: { reasons }, checkins: checkins(['2026-11-29', '2026-11-30']), settings: { started: '2026-10-01' } });
  await app.open('/settings');
  await expect(page.getByTestId('last-backup')).toHaveText('No backup yet');
  const file = await saveBackup(page);
  expect(file.name).toBe('safety-net-backup-2026-12-01.json');
  await expect(page.getByRole('status').filter({ hasText: 'Backup file made' })).toBeVisible();
  await expect(page.getByTestId('last-backup')).toHaveText('Last backup: today (nothing changed since)');
  // The file carries when it was made and what it held; so does the plan on the phone.
  const held = JSON.parse(file.text).data.settings.last_backup;
  expect(held).toMatchObject({ on: '2026-12-01', held: { reasons: 1, checkins: 2 } });
  expect(held.at).toMatch(/^2026-12-01T15:00:\d\d$/);
  expect((await app.stored()).data.settings.last_backup).toEqual(held);

  // Twelve days later, with three more check-ins.
  await page.clock.setSystemTime(new Date('2026-12-13T10:00:00-05:00'));
  await page.evaluate(([k]) => {
    const s = JSON.parse(localStorage.getItem(k));
    s.data.checkins.push({ date: '2026-12-11' }, { date: '2026-12-12' }, { date: '2026-12-13' });
    localStorage.setItem(k, JSON.stringify(s));
  }, [PLAN_KEY]);
  await app.open('/settings');
  await expect(page.getByTestId('last-backup')).toHaveText('Last backup: 12 days ago (3 daily check-ins since)');
});

test('Today reminds gently and rarely: not on an empty plan, not in the first week, quiet a week after "Not now"', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-12-01T10:00:00-05:00') });
  // Started three days ago: the first week, no card.
  await preload(page, { relapse: { reasons }, settings: { started: '2026-11-28' } });
  await app.open('/');
  await expect(page.getByTestId('today-recovery')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keep a copy of your plan' })).toHaveCount(0);

  // Ten days in: the card, with no backup yet.
  await page.clock.setSystemTime(new Date('2026-12-08T10:00:00-05:00'));
  await app.open('/');
  const card = page.getByRole('region', { name: 'Keep a copy of your plan' });
  await expect(card).toContainText('No backup yet.');
  await card.getByRole('button', { name: 'Not now' }).click();
  await expect(card).toHaveCount(0);
  expect((await app.stored()).data.settings.backup_quiet_until).toBe('2026-12-15');
  // Quiet for a week, then back.
  await page.clock.setSystemTime(new Date('2026-12-14T10:00:00-05:00'));
  await app.open('/');
  await expect(page.getByTestId('today-recovery')).toBeVisible();
  await expect(card).toHaveCount(0);
  await page.clock.setSystemTime(new Date('2026-12-15T10:00:00-05:00'));
  await app.open('/');
  await expect(card).toBeVisible();
  await page.screenshot({ path: 'target/screenshots/today-backup-reminder.png' });
  // Saved from the card: it says so, and is gone on the next visit.
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Save a backup now' }).click()]);
  expect(download.suggestedFilename()).toBe('safety-net-backup-2026-12-15.json');
  await expect(card.getByRole('status')).toContainText('Backup file made');
  await app.open('/');
  await expect(page.getByTestId('today-recovery')).toBeVisible();
  await expect(card).toHaveCount(0);
  // Off in Settings: never again, even months later.
  await app.open('/settings');
  await page.getByLabel('Remind me to save a backup').selectOption({ label: 'Never' });
  await expect.poll(async () => (await app.stored()).data.settings.backup_every_days).toBe(0);
  await page.clock.setSystemTime(new Date('2027-06-15T10:00:00-04:00'));
  await app.open('/');
  await expect(page.getByTestId('today-recovery')).toBeVisible();
  await expect(card).toHaveCount(0);
});

test('after 50 changes the reminder comes back before the 30 days are up; an empty plan never gets it', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-12-01T10:00:00-05:00') });
  await preload(page, { settings: { started: '2026-10-01' } });
  await app.open('/');
  await expect(page.getByTestId('today-recovery')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keep a copy of your plan' })).toHaveCount(0);
  await page.evaluate(([k]) => {
    const s = JSON.parse(localStorage.getItem(k));
    s.data.relapse = { reasons: [{ id: 'r1', text: 'For Maya' }] };
    s.data.settings.last_backup = { at: '2026-11-28T15:00:00', on: '2026-11-28', changes: 7, held: {} };
    s.revision = 56;
    localStorage.setItem(k, JSON.stringify(s));
  }, [PLAN_KEY]);
  await app.open('/');
  await expect(page.getByTestId('today-recovery')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keep a copy of your plan' })).toHaveCount(0);
  await page.evaluate(([k]) => {
    const s = JSON.parse(localStorage.getItem(k));
    s.revision = 57;
    localStorage.setItem(k, JSON.stringify(s));
  }, [PLAN_KEY]);
  await app.open('/');
  await expect(page.getByRole('region', { name: 'Keep a copy of your plan' })).toContainText('Last backup: 3 days ago (50 changes since)');
});

for (const [name, ua] of [['iPhone', IOS_SAFARI], ['Mac', MAC_SAFARI]]) {
  test(`Safari in a tab (${name}): Today and Settings warn about the 7 days, say how to add it to the home screen, and offer a backup`, async ({ browser }) => {
    const context = await browser.newContext({ userAgent: ua, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto('/');
    const notice = page.getByRole('region', { name: 'Safari may delete your plan' });
    await expect(notice).toContainText('after 7 days');
    await expect(notice).toContainText('tap Share, then Add to Home Screen');
    await expect(notice.getByRole('button', { name: 'Save a backup now' })).toBeVisible();
    if (name === 'iPhone') await page.screenshot({ path: 'target/screenshots/safari-notice-today.png' });
    await page.goto('/settings');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(notice).toBeVisible();
    await context.close();
    // From the home screen, no notice: display-mode standalone (as every browser reports
    // it for an installed app; emulated here, since a test tab is never installed), and
    // iOS's own navigator.standalone.
    for (const how of ['display-mode', 'navigator.standalone']) {
      const installed = await browser.newContext({ userAgent: ua, viewport: { width: 360, height: 740 } });
      await installed.addInitScript((how) => {
        if (how === 'navigator.standalone') {
          Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true });
        } else {
          const real = window.matchMedia.bind(window);
          window.matchMedia = (q) => (/display-mode:\s*standalone/.test(q) ? { matches: true, media: q, addEventListener() {}, removeEventListener() {} } : real(q));
        }
      }, how);
      const p = await installed.newPage();
      for (const path of ['/', '/settings']) {
        await p.goto(path);
        await expect(p.locator('main h1').first()).toBeVisible();
        await expect(p.locator('main p.loading')).toHaveCount(0);
        await expect(p.getByRole('heading', { name: 'Safari may delete your plan' }), `${how} ${path}`).toHaveCount(0);
      }
      await installed.close();
    }
  });
}

test('other browsers get no Safari notice', async ({ app, page }) => {
  await app.open('/');
  await expect(page.getByRole('heading', { name: 'Safari may delete your plan' })).toHaveCount(0);
  await app.open('/settings');
  await expect(page.getByRole('heading', { name: 'Safari may delete your plan' })).toHaveCount(0);
});

test('restore a person can trust: the import compares, nothing changes before yes, and the plan is the backup byte for byte', async ({ app, page }, info) => {
  await page.clock.install({ time: new Date('2026-11-10T10:00:00-05:00') });
  await preload(page, { relapse: { reasons }, checkins: checkins(['2026-11-09']), settings: { started: '2026-10-01' } }, '2026-11-10T14:00:00.000Z');
  await app.open('/settings');
  const backup = await saveBackup(page);
  const file = info.outputPath(backup.name);
  await writeFile(file, backup.text);
  // Three weeks on: twelve more check-ins and a support person.
  await page.clock.setSystemTime(new Date('2026-12-01T10:00:00-05:00'));
  await app.open('/recovery');
  await page.evaluate(([k]) => {
    const s = JSON.parse(localStorage.getItem(k));
    for (let d = 18; d <= 29; d++) s.data.checkins.push({ date: `2026-11-${d}` });
    localStorage.setItem(k, JSON.stringify(s));
  }, [PLAN_KEY]);
  await app.open('/plan/people');
  await page.getByLabel('Add a person: their name').fill('Sam');
  await page.getByLabel('Add a person: their name').press('Enter');
  await app.expectSaved();
  await app.open('/settings');
  const before = await app.storedRaw();
  await page.getByLabel('Import a backup…').setInputFiles(file);
  const dialog = page.getByRole('alertdialog', { name: 'Replace your plan with this backup?' });
  const compared = dialog.getByTestId('import-comparison');
  await expect(compared).toContainText('It was made on Tuesday, November 10, 2026.');
  await expect(compared).toContainText('This backup is 3 weeks older than your plan.');
  await expect(compared).toContainText('lost if you replace: 1 support person and 12 daily check-ins.');
  await page.screenshot({ path: 'target/screenshots/import-comparison.png', fullPage: true });
  expect(await app.storedRaw()).toBe(before);
  await dialog.getByRole('button', { name: 'Replace my plan' }).click();
  await expect(page.getByText('Backup imported.')).toBeVisible();
  // The plan in storage is the backup's plan, byte for byte.
  const raw = await app.storedRaw();
  const data = raw.slice(raw.indexOf('"data":') + 7, -1);
  expect(data).toBe(JSON.stringify(JSON.parse(backup.text).data));
});

test('moving to a new phone: the guide reads at 360 px with large text, nothing cut off', async ({ app, page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await app.open('/settings');
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  const guide = page.getByRole('region', { name: 'Moving to a new phone' });
  await expect(guide.getByRole('listitem')).toHaveCount(5);
  await expect(guide).toContainText('Send the file to yourself');
  await expect(guide).toContainText('Import a backup…');
  await expect(guide.locator('.address')).toHaveText(new URL(page.url()).origin);
  await guide.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await guide.screenshot({ path: 'target/screenshots/new-phone-guide-360-200pc.png' });
});

test('where the browser can share files, the backup goes to the share sheet; closing it sends nothing', async ({ app, page }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.canShare = (d) => !!(d && d.files && d.files.length);
    navigator.share = async (d) => {
      if (window.__cancel) throw new DOMException('closed', 'AbortError');
      window.__shared.push({ name: d.files[0].name, type: d.files[0].type, text: await d.files[0].text() });
    };
  });
  await app.open('/plan/relapse');
  await app.addReason('For Maya');
  await app.open('/settings');
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Export a backup', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'handed on' })).toBeVisible();
  const shared = await page.evaluate(() => window.__shared);
  expect(shared).toHaveLength(1);
  expect(shared[0].name).toMatch(/^safety-net-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(shared[0].type).toBe('application/json');
  expect(JSON.parse(shared[0].text).data.relapse.reasons[0].text).toBe('For Maya');
  await page.evaluate(() => { window.__cancel = true; });
  await page.getByRole('button', { name: 'Export a backup', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was sent' })).toBeVisible();
  expect(downloads).toBe(0);
  // Only the backup that left is remembered: the closed share sheet changed nothing.
  const kept = (await app.stored()).data.settings.last_backup;
  expect(kept.at).toBe(JSON.parse(shared[0].text).data.settings.last_backup.at);
  await expect(page.getByTestId('last-backup')).toHaveText('Last backup: today (nothing changed since)');
});
