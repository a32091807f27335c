// Community support: my meetings on Today at the right time, attendance in one tap, the
// fit journal, the calendar file in the device's time zone, the directory with sources,
// referral scripts and the first-meeting checklist.
import { readFile } from 'node:fs/promises';
import { test, expect, axeViolations, PLAN_KEY, openRecords } from './fixtures.js';

test.use({ bypassCSP: true, timezoneId: 'America/Chicago' });

const stored = async (page) => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY)).data;

async function addMeeting(page, name, day, time) {
  await page.getByLabel('Add a meeting: its name').fill(name);
  await page.getByRole('region', { name: 'My meetings' }).getByRole('button', { name: 'Add' }).click();
  // A new meeting is added at the end of the list.
  const row = page.getByRole('region', { name: 'My meetings' }).locator('li.record').last();
  await expect(row.getByLabel('Name', { exact: true })).toHaveValue(name);
  await row.getByRole('group', { name: 'Days' }).getByRole('checkbox', { name: day }).check();
  await row.getByLabel('Starts at').fill(time);
  await row.getByLabel('Starts at').blur();
  return row;
}

test('a meeting added shows on Today at the right time, is marked attended in one tap, and stays after a reload', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T08:00:00-06:00') }); // a Monday morning, Chicago
  await app.open('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  await addMeeting(page, 'Hope Group', 'Monday', '19:00');
  await addMeeting(page, 'Morning SMART', 'Monday', '07:30');
  await addMeeting(page, 'Wednesday Step Study', 'Wednesday', '18:00');
  await expect.poll(async () => (await stored(page)).meetings.list.map((m) => [m.name, m.days, m.time]))
    .toEqual([['Hope Group', ['Mon'], '19:00:00'], ['Morning SMART', ['Mon'], '07:30:00'], ['Wednesday Step Study', ['Wed'], '18:00:00']]);
  await app.open('/');
  const today = page.getByTestId('meetings-today');
  await expect(today).toContainText('Next: Hope Group at 7:00 pm');
  await expect(today.getByRole('listitem')).toHaveText([/7:30 am Morning SMART/, /7:00 pm Hope Group/]);
  await today.getByRole('button', { name: 'I went: 7:30 am Morning SMART' }).click();
  await expect(today.getByRole('button', { name: 'I went: 7:30 am Morning SMART' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await stored(page)).meetings.attendance.map((a) => a.date)).toEqual(['2026-11-23']);
  await page.reload();
  await expect(page.getByTestId('meetings-today').getByRole('button', { name: 'I went: 7:30 am Morning SMART' })).toHaveText('Went ✓');
  await app.open('/meetings');
  await expect(page.getByTestId('attendance')).toHaveText('1 meeting this week · 1 week in a row with a meeting · 1 in all');
  await expect(page.getByTestId('weekly-counts')).toHaveText('Meetings by week: week of Monday, November 23: 1; week of Monday, November 16: 0; week of Monday, November 9: 0; week of Monday, November 2: 0.');
  await expect(page.getByRole('heading', { level: 3, name: 'Monday' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Wednesday' })).toBeVisible();
  // Tuesday: nothing today.
  await page.clock.setSystemTime(new Date('2026-11-24T08:00:00-06:00'));
  await app.open('/');
  await expect(page.getByTestId('meetings-today')).toBeHidden();
});

test('the fit journal asks after three visits, and the calendar file is in the device time zone', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T08:00:00-06:00') });
  await app.open('/meetings');
  const row = await addMeeting(page, 'Hope Group', 'Monday', '19:00');
  await row.getByRole('group', { name: 'Days' }).getByRole('checkbox', { name: 'Thursday' }).check();
  await expect(row.getByText('Not been yet. Try three or four meetings before deciding')).toBeVisible();
  await row.getByLabel('I went today').check();
  await expect(row.getByText('Been once.')).toBeVisible();
  const id = (await stored(page)).meetings.list[0].id;
  await page.evaluate(([k, mid]) => {
    const s = JSON.parse(localStorage.getItem(k));
    s.data.meetings.attendance.unshift({ meeting_id: mid, date: '2026-11-09' }, { meeting_id: mid, date: '2026-11-16' });
    localStorage.setItem(k, JSON.stringify(s));
  }, [PLAN_KEY, id]);
  await page.reload();
  // The app, not the start-up shell (whose heading is Today's).
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('main h1')).toBeVisible();
  await openRecords(page);
  await expect(page.locator('li.record').getByText('Been 3 times. Does it fit? Keep going, or try another group.')).toBeVisible();
  await page.getByLabel('What I liked').fill('People stayed to talk');
  await page.getByLabel('What I liked').blur();
  await page.getByLabel('Keep going or try another?').selectOption('keep');
  await expect.poll(async () => (await stored(page)).meetings.list[0].decision).toBe('keep');
  expect((await stored(page)).meetings.list[0].liked).toBe('People stayed to talk');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to my calendar (.ics file)' }).click()]);
  expect(download.suggestedFilename()).toBe('safety-net-meetings.ics');
  const ics = (await readFile(await download.path())).toString();
  expect(ics).toContain('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n');
  expect(ics).toContain('DTSTART;TZID=America/Chicago:20261123T190000\r\n');
  expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TH\r\n');
  expect(ics).toContain('SUMMARY:Hope Group\r\n');
  // The browser's own zone rules, found from Date: Chicago, -6 standard, -5 daylight.
  expect(ics).toContain('BEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0600\r\nTZOFFSETTO:-0500\r\nDTSTART:20260308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n');
  expect(ics).toContain('BEGIN:STANDARD\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600\r\nDTSTART:20261101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n');
  await expect(page.getByRole('status').filter({ hasText: 'Saved safety-net-meetings.ics' })).toBeVisible();
});

test('finding support: every directory entry has a source, scripts copy, the checklist is kept', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open('/meetings/find');
  const entries = page.locator('li.resource');
  await expect(entries).toHaveCount(9);
  for (const entry of await entries.all()) {
    await expect(entry.getByText(/^Source: \S/)).toBeVisible();
    const link = entry.getByRole('link').first();
    await expect(link).toHaveAttribute('href', /^https:\/\//);
    await expect(link).toHaveAttribute('target', '_blank');
  }
  for (const name of ['SAMHSA National Helpline', 'FindTreatment.gov', 'Narcotics Anonymous meeting search', 'SMART Recovery', 'Nar-Anon Family Groups', 'Pills Anonymous', 'Heroin Anonymous', 'Celebrate Recovery', '988 Suicide & Crisis Lifeline']) {
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
  }
  // US numbers said to be US; medication for OUD beside NA, PA and HA.
  await expect(page.getByText('US numbers. Elsewhere, call your local emergency number.')).toBeVisible();
  for (const name of ['Narcotics Anonymous meeting search', 'Pills Anonymous', 'Heroin Anonymous']) {
    await expect(entries.filter({ has: page.getByRole('heading', { name }) })).toContainText('Taking methadone or buprenorphine? Some groups limit');
  }
  await expect(entries.filter({ hasText: 'each group decides' })).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Copy: Asking for a peer recovery specialist' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy: Asking a hospital or clinic social worker' })).toBeVisible();
  await expect(page.getByText('naloxone prescription')).toHaveCount(0);
  await page.getByRole('button', { name: 'Copy: Asking a doctor' }).click();
  await expect(page.getByText('Copied: Asking a doctor.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("I'm in recovery from opioid use");
  const first = page.getByRole('region', { name: 'Before my first meeting' });
  await first.getByRole('button', { name: 'Add all of these' }).click();
  await expect(first.getByLabel('To do')).toHaveCount(9);
  await first.getByLabel('Done').nth(3).check();
  await first.getByLabel('To do').nth(1).fill('Bus 12 to Elm St, leave at 6:15');
  await first.getByLabel('To do').nth(1).blur();
  const later = page.getByRole('region', { name: 'After the first few meetings' });
  await later.getByRole('button', { name: '+ Ask about a sponsor or mentor' }).click();
  await expect.poll(async () => (await stored(page)).meetings.first_meeting.map((i) => [i.text.slice(0, 20), i.done])).toEqual([
    ['Check the format: in', false], ['Bus 12 to Elm St, le', false], ['Arrive 10 minutes ea', false],
    ["Remember: I don't ha", true], ['Open meetings welcom', false], ['There is no fee; giv', false],
    ['I can stay anonymous', false], ['“Higher power” means', false], ['Arrange childcare or', false],
  ]);
  expect((await stored(page)).meetings.after_first_few.map((i) => i.text)).toEqual(['Ask about a sponsor or mentor']);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Before my first meeting' }).getByLabel('Done').nth(3)).toBeChecked();
});

test('markup in a meeting name stays text on Today and in the week', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T08:00:00-06:00') });
  await app.open('/meetings');
  const payload = '<img src=x onerror="window.__xss=1">';
  await addMeeting(page, payload, 'Monday', '19:00');
  await expect(page.locator('main').getByText(`7:00 pm: ${payload}`)).toBeVisible();
  await app.open('/');
  await expect(page.getByTestId('meetings-today')).toContainText(payload);
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on the meeting screens at 320 px (${scheme})`, async ({ app, page }) => {
    await page.clock.install({ time: new Date('2026-11-23T08:00:00-06:00') });
    await page.setViewportSize({ width: 320, height: 740 });
    await page.emulateMedia({ colorScheme: scheme });
    await app.open('/meetings');
    expect(await axeViolations(page), '/meetings empty').toEqual([]);
    await addMeeting(page, 'Hope Group', 'Monday', '19:00');
    await page.getByLabel('I went today').check();
    for (const path of ['/meetings', '/meetings/find', '/']) {
      await app.open(path);
      expect(await axeViolations(page), path).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at 320 px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `target/screenshots/meetings${path.replace(/\//g, '-')}-${scheme}.png`, fullPage: true });
    }
  });
}

test('the four navigation links fit a 320 px screen without scrolling', async ({ app, page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  await app.open('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const [scroll, client] = await nav.evaluate((n) => [n.scrollWidth, n.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
  await expect(nav.getByRole('link')).toHaveText(['Today', 'My plan', 'Meetings', 'Settings']);
});

test('the directory works offline: it is part of the app, with the helpline and 988 one tap away', async ({ app, page, context }) => {
  await app.open('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('link', { name: 'Finding support and your first meeting' }).click();
  await expect(page.locator('li.resource')).toHaveCount(9);
  await expect(page.getByRole('link', { name: 'Call 1-800-662-4357 (1-800-662-HELP)' })).toHaveAttribute('href', 'tel:18006624357');
  await expect(page.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
  await expect(page.getByRole('region', { name: 'Before my first meeting' })).toBeVisible();
});
