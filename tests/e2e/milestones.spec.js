// Milestones and daily check-ins: the counter in the person's own calendar days (and real
// hours across a daylight-saving night), a celebration shown once, a slip that keeps the
// history, the check-in kept and edited, trends drawn from 90 days, the CSV file, the gentle
// notice on Today, and axe on these screens. The device's zone and clock are fixed.
import { readFile } from 'node:fs/promises';
import { test, expect, axeViolations, openRecords, PLAN_KEY } from './fixtures.js';

test.use({ bypassCSP: true, timezoneId: 'America/New_York' });

const stored = async (page) => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY)).data;

/** Opens the app with this plan data already saved (as the app stores it). */
async function withPlan(page, app, data, path = '/') {
  await app.open('/settings');
  const base = await stored(page).catch(() => null);
  await page.evaluate(([k, d]) => localStorage.setItem(k, JSON.stringify({
    app: 'safety-net', version: 2, revision: 1, saved_at: '2026-11-23T10:00:00.000Z', data: d,
  })), [PLAN_KEY, { ...(base ?? {}), ...data }]);
  await app.open(path);
}

async function setStart(page, date, time) {
  await page.locator('#start-date').fill(date);
  await page.locator('#start-date').blur();
  if (time) {
    await page.locator('#start-time').fill(time);
    await page.locator('#start-time').blur();
  }
}

test('set the date: the counter counts calendar days, with hours in the first days', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:30:00-05:00') }); // Monday morning, New York
  await app.open('/');
  await expect(page.getByTestId('counter')).toContainText('Set the date your recovery began');
  await page.getByRole('link', { name: 'My recovery' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My recovery' })).toBeVisible();
  // A date in the future is refused, clearly, and nothing is stored.
  await setStart(page, '2026-11-25');
  await expect(page.getByRole('alert')).toHaveText('That date is in the future. Choose today or a day before.');
  expect(await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY), 'nothing stored').toBeNull();
  await setStart(page, '2026-11-21', '20:00');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('counter')).toContainText('2 days (37 hours) in recovery');
  await expect(page.getByText('Next: 1 week on Saturday, November 28 (5 days to go).')).toBeVisible();
  expect((await stored(page)).recovery).toMatchObject({ start_date: '2026-11-21', start_time: '20:00:00' });
  // Backdated a year: the hours are no longer shown; Today counts the same.
  await setStart(page, '2025-10-01');
  await expect(page.getByTestId('counter')).toHaveText('418 days in recovery');
  await app.open('/');
  await expect(page.getByTestId('today-recovery')).toContainText('418 days in recovery');
  await page.reload();
  await expect(page.getByTestId('counter')).toHaveText('418 days in recovery');
});

test('the night the clocks go forward has 23 hours, and the day still counts once', async ({ app, page }) => {
  // 8 March 2026, 2 am: New York springs forward.
  await page.clock.install({ time: new Date('2026-03-08T22:00:00-04:00') });
  await app.open('/recovery');
  await setStart(page, '2026-03-07', '22:00');
  await expect(page.getByTestId('counter')).toContainText('1 day (23 hours) in recovery');
});

test('travel west after setting today: the count stays at day 0, never below', async ({ app, page, browser }) => {
  await page.clock.install({ time: new Date('2026-11-23T02:00:00-05:00') });
  await app.open('/recovery');
  await setStart(page, '2026-11-23');
  await expect(page.getByTestId('counter')).toHaveText('0 days (2 hours) in recovery');
  const raw = await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY);
  // The same moment in Los Angeles is still 22 November.
  const west = await browser.newContext({ timezoneId: 'America/Los_Angeles' });
  await west.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, raw]);
  const p2 = await west.newPage();
  await p2.clock.install({ time: new Date('2026-11-23T02:00:00-05:00') });
  await p2.goto('/recovery');
  await expect(p2.getByTestId('counter')).toContainText('0 days');
  await expect(p2.getByTestId('counter')).not.toContainText('-');
  await west.close();
});

test('reaching a milestone with a fixed clock: celebrated once, on Today and My recovery', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T08:00:00-05:00') });
  await withPlan(page, app, { recovery: { start_date: '2026-10-24', start_time: null, slips: [], personal: [], celebrated: ['hours-24', 'days-7'] } });
  // 30 days on 23 November: the orange key tag.
  const card = page.getByTestId('celebration');
  await expect(card).toContainText('30 days in recovery');
  await expect(card).toContainText('In NA, this is the orange key tag.');
  await page.screenshot({ path: 'target/screenshots/milestone-celebration-light.png', fullPage: true });
  await card.getByRole('button', { name: 'Thank you' }).click();
  await expect(card).toHaveCount(0);
  await expect.poll(async () => (await stored(page)).recovery.celebrated).toEqual(['2026-10-24/hours-24', '2026-10-24/days-7', '2026-10-24/days-30']);
  await page.reload();
  await expect(page.getByTestId('today-recovery')).toContainText('30 days in recovery');
  await expect(page.getByTestId('today-hard-moment')).toBeVisible();
  await expect(page.getByTestId('celebration')).toHaveCount(0);
  await app.open('/recovery');
  await expect(page.getByTestId('celebration')).toHaveCount(0);
});

test('a slip keeps the history: the longest streak, total days and the steps for after a slip', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T08:00:00-05:00') });
  await withPlan(page, app, {
    recovery: { start_date: '2026-08-01', start_time: null, slips: [], personal: [], celebrated: ['hours-24', 'days-7', 'days-30', 'days-60', 'days-90'] },
    slip_steps: [{ id: 'slip-a', text: 'Call Dana the same day' }],
    people: [{ id: 'p-1', name: 'Dana', role: 'sponsor', phone: '555 010 2030', call_in_crisis: true, best_times: '', crisis_message: 'Can you call me?', notes: '' }],
  }, '/recovery');
  await expect(page.getByTestId('counter')).toContainText('114 days in recovery');
  await page.getByLabel('When').fill('2026-11-20');
  await page.getByLabel(/A few words/).fill('After the party');
  await page.getByRole('button', { name: 'Record the slip' }).click();
  const after = page.getByTestId('after-slip');
  await expect(after).toBeVisible();
  await expect(after).toContainText('Your days in recovery before this still count.');
  await expect(after.getByRole('listitem').first()).toHaveText('Call Dana the same day');
  await expect(after).toContainText('Your tolerance is lower now.');
  await expect(after.getByRole('link', { name: 'Call Never Use Alone (US): 1-800-484-3731' })).toHaveAttribute('href', 'tel:18004843731');
  await expect(after.getByRole('link', { name: 'Call Dana' })).toHaveAttribute('href', 'tel:5550102030');
  await expect(after.getByRole('link', { name: 'Text Dana' })).toHaveAttribute('href', /^sms:5550102030/);
  await expect(page.getByTestId('counter')).toContainText('2 days');
  await expect(page.getByTestId('totals')).toHaveText('Longest streak: 111 days. Days in recovery in all: 113.');
  await expect(page.getByTestId('timeline').getByRole('listitem')).toHaveText([
    'Saturday, November 21 to now: 2 days',
    'Saturday, August 1 to a slip on Friday, November 20: 111 days',
  ]);
  const s = (await stored(page)).recovery;
  expect(s.start_date).toBe('2026-08-01');
  expect(s.slips.map((x) => [x.date, x.note])).toEqual([['2026-11-20', 'After the party']]);
  await page.screenshot({ path: 'target/screenshots/recovery-after-slip-light.png', fullPage: true });
  // A slip can be corrected, or deleted and brought back: nothing goes silently.
  const slips = page.getByRole('region', { name: 'Slips' });
  await openRecords(page);
  await slips.getByRole('button', { name: /^Delete this slip/ }).click();
  await expect(page.getByTestId('totals')).toHaveText('Longest streak: 114 days. Days in recovery in all: 114.');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('totals')).toHaveText('Longest streak: 111 days. Days in recovery in all: 113.');
  await page.reload();
  await expect(page.getByTestId('totals')).toHaveText('Longest streak: 111 days. Days in recovery in all: 113.');
  // A future slip date is refused.
  await page.getByLabel('When').fill('2026-11-30');
  await page.getByRole('button', { name: 'Record the slip' }).click();
  await expect(page.getByRole('alert')).toHaveText('That date is in the future. Choose today or a day before.');
  expect((await stored(page)).recovery.slips).toHaveLength(1);
});

test('personal milestones are added with their dates and kept', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T08:00:00-05:00') });
  await app.open('/recovery');
  await page.getByLabel('Add a milestone').fill('First paycheck');
  await page.getByRole('region', { name: 'My own milestones' }).getByRole('button', { name: 'Add' }).click();
  const row = page.getByRole('region', { name: 'My own milestones' }).locator('li.record').last();
  await row.getByLabel('Date').fill('2026-11-13');
  await row.getByLabel('Date').blur();
  await expect.poll(async () => (await stored(page)).recovery.personal.map((m) => [m.title, m.date])).toEqual([['First paycheck', '2026-11-13']]);
  await page.reload();
  await expect(page.getByRole('region', { name: 'My own milestones' }).getByLabel('Milestone', { exact: true })).toHaveValue('First paycheck');
});

test('check in, reload, edit; yesterday filled in late', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T21:00:00-05:00') });
  await withPlan(page, app, {
    care: { medications: [{ id: 'med-1', kind: 'buprenorphine_naloxone', name: 'Suboxone', dose: '8 mg', schedule: 'morning', prescriber: '', pharmacy: '', next_refill: null, notes: '' }], appointments: [], therapy: [] },
  }, '/');
  await page.getByRole('link', { name: 'Check in (30 seconds)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in' })).toBeVisible();
  const form = page.getByTestId('checkin');
  await expect(form.getByRole('heading', { level: 2 })).toHaveText('Monday, November 23');
  await form.getByLabel('Mood').selectOption('4');
  await form.getByLabel(/^Craving/).fill('3');
  await form.getByLabel(/^Craving/).blur();
  await form.getByLabel('Hours of sleep').fill('7.5');
  await form.getByLabel('Hours of sleep').blur();
  await form.getByRole('checkbox', { name: 'Suboxone' }).check();
  await form.getByLabel('I went to a meeting').check();
  await form.getByLabel('A note').fill('Good day at work');
  await form.getByLabel('A note').blur();
  await expect.poll(async () => (await stored(page)).checkins).toEqual([expect.objectContaining({
    date: '2026-11-23', mood: 4, craving: 3, sleep_minutes: 450, medications_taken: ['med-1'], went_to_meeting: true, note: 'Good day at work',
  })]);
  await page.reload();
  await expect(form.getByLabel(/^Craving/)).toHaveValue('3');
  await expect(form.getByLabel('Hours of sleep')).toHaveValue('7.5');
  await form.getByLabel(/^Craving/).fill('6');
  await form.getByLabel(/^Craving/).blur();
  await expect.poll(async () => (await stored(page)).checkins.map((c) => c.craving)).toEqual([6]);
  // Yesterday, filled in late: its own record, today's unchanged.
  await page.getByRole('button', { name: 'Yesterday' }).click();
  await expect(form.getByRole('heading', { level: 2 })).toHaveText('Sunday, November 22');
  await expect(form.getByLabel(/^Craving/)).toHaveValue('');
  await form.getByLabel(/^Craving/).fill('2');
  await form.getByLabel(/^Craving/).blur();
  await expect.poll(async () => (await stored(page)).checkins.map((c) => [c.date, c.craving])).toEqual([['2026-11-22', 2], ['2026-11-23', 6]]);
  await app.open('/');
  await expect(page.getByTestId('today-recovery')).toContainText('You checked in today.');
});

/** 90 days of check-ins ending on 23 November 2026: craving 2 for 60 days, then 5. */
function ninetyDays() {
  const out = [];
  for (let i = 89; i >= 0; i--) {
    const d = new Date(Date.UTC(2026, 10, 23 - i)).toISOString().slice(0, 10);
    out.push({ date: d, mood: 3, craving: i >= 30 ? 2 : 5, stress: 4, sleep_minutes: 420, medications_taken: [], went_to_meeting: i % 7 === 0, contacted_support: false, triggers: [], warning_signs: [], coping_used: [], note: i === 0 ? 'said "no", then, left' : '' });
  }
  return out;
}

test('trends: 90 days of check-ins drawn as SVG with a summary in words, and the CSV file', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T12:00:00-05:00') });
  await withPlan(page, app, { checkins: ninetyDays() }, '/checkin');
  const charts = page.getByTestId('charts');
  await page.getByRole('button', { name: '90 days' }).click();
  await expect(page.getByRole('button', { name: '90 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(charts.locator('svg')).toHaveCount(3);
  await expect(page.getByTestId('streaks')).toHaveText('Check-ins: 90 days in a row (longest 90). Meetings: 13 weeks in a row.');
  const craving = charts.locator('svg').first();
  // The chart is a picture of the summary under it, which screen readers read instead.
  await expect(craving).toHaveAttribute('aria-hidden', 'true');
  // One point per day with a check-in.
  expect(await craving.locator('circle').count()).toBe(90);
  await expect(charts).toContainText('Craving (0–10) over the last 90 days: 90 check-ins, average 3, lowest 2, highest 5.');
  await expect(charts).toContainText('average 3');
  await page.screenshot({ path: 'target/screenshots/checkin-trends-light.png', fullPage: true });
  await page.getByRole('button', { name: '7 days' }).click();
  expect(await charts.locator('svg').first().locator('circle').count()).toBe(7);
  await expect(charts).toContainText('Craving (0–10) over the last 7 days: 7 check-ins, average 5');
  // CSV
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my check-ins (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('safety-net-check-ins.csv');
  const csv = await readFile(await file.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines).toHaveLength(91);
  expect(lines[0]).toBe('date,mood,craving,stress,sleep_hours,medications_taken,meeting,support_contact,triggers,warning_signs,coping_used,note');
  expect(lines[1].startsWith('2026-08-26,3,2,4,7,')).toBe(true);
  expect(lines[90]).toBe('2026-11-23,3,5,4,7,,yes,no,,,,"said ""no"", then, left"');
});

test('when craving rises, Today says so gently with the person\'s own coping and people', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T12:00:00-05:00') });
  const rising = [1, 2, 4, 6, 7].map((craving, i) => ({ date: `2026-11-${19 + i}`, mood: null, craving, stress: null, sleep_minutes: null, medications_taken: [], went_to_meeting: false, contacted_support: false, triggers: [], warning_signs: i === 4 ? ['w-1'] : [], coping_used: [], note: '' }));
  await withPlan(page, app, {
    checkins: rising,
    relapse: { reasons: [], triggers: [], warning_signs: [{ id: 'w-1', text: 'Skipping meals' }], coping: [{ id: 'c-1', text: 'Walk round the block', trigger_ids: [] }], places_to_avoid: [] },
    people: [{ id: 'p-1', name: 'Dana', role: 'sponsor', phone: '555 010 2030', call_in_crisis: true, best_times: '', crisis_message: '', notes: '' }],
  });
  const notice = page.getByTestId('gentle-notice');
  await expect(notice).toContainText('Over the last few days your craving has been going up and you noticed Skipping meals.');
  await expect(notice).toContainText('Walk round the block');
  await expect(notice.getByRole('link', { name: 'Call Dana' })).toHaveAttribute('href', 'tel:5550102030');
  await page.screenshot({ path: 'target/screenshots/today-gentle-notice-light.png', fullPage: true });
  // The warning signs are the plan's own, ticked in the check-in.
  await app.open('/checkin');
  await expect(page.getByTestId('checkin').getByRole('group', { name: 'Warning signs I noticed' }).getByRole('checkbox', { name: 'Skipping meals' })).toBeChecked();
  // Calm days: no notice.
  const calm = rising.map((c) => ({ ...c, craving: 2, warning_signs: [] }));
  await withPlan(page, app, { checkins: calm });
  await expect(page.getByTestId('today-recovery')).toBeVisible();
  await expect(page.getByTestId('gentle-notice')).toHaveCount(0);
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing on My recovery, Check in and Today at 320 px (${scheme})`, async ({ app, page }) => {
    await page.clock.install({ time: new Date('2026-11-23T12:00:00-05:00') });
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 320, height: 740 });
    await withPlan(page, app, {
      checkins: ninetyDays(),
      recovery: { start_date: '2026-10-24', start_time: null, slips: [{ id: 's-1', date: '2026-09-01', note: '' }], personal: [], celebrated: [] },
    }, '/recovery');
    for (const path of ['/recovery', '/checkin', '/']) {
      await app.open(path);
      if (path === '/checkin') await page.getByRole('button', { name: '90 days' }).click();
      expect(await axeViolations(page), `${path} ${scheme}`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at 320 px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `target/screenshots/m5${path.replace(/\//g, '-') || '-'}-320-${scheme}.png`, fullPage: true });
    }
  });
}

test('markup typed into a slip note, a milestone and a check-in stays text', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T12:00:00-05:00') });
  const payload = '<img src=x onerror="window.__xss=1">';
  await withPlan(page, app, {
    recovery: { start_date: '2026-08-01', start_time: null, slips: [], personal: [], celebrated: [] },
    relapse: { reasons: [], triggers: [], warning_signs: [], coping: [{ id: 'c-1', text: payload, trigger_ids: [] }], places_to_avoid: [] },
    people: [{ id: 'p-1', name: payload, role: 'sponsor', phone: '555 010 2030', call_in_crisis: true, best_times: '', crisis_message: payload, notes: '' }],
    slip_steps: [{ id: 'slip-a', text: payload }],
  }, '/recovery');
  await page.getByLabel(/A few words/).fill(payload);
  await page.getByRole('button', { name: 'Record the slip' }).click();
  await expect(page.getByTestId('after-slip')).toContainText(payload);
  await page.getByLabel('Add a milestone').fill(payload);
  await page.getByRole('region', { name: 'My own milestones' }).getByRole('button', { name: 'Add' }).click();
  await app.open('/checkin');
  await page.getByTestId('checkin').getByLabel('A note').fill(payload);
  await page.getByTestId('checkin').getByLabel('A note').blur();
  await expect.poll(async () => (await stored(page)).checkins.map((c) => c.note)).toEqual([payload]);
  const rising = [1, 3, 6].map((craving, i) => ({ date: `2026-11-${21 + i}`, mood: null, craving, stress: null, sleep_minutes: null, medications_taken: [], went_to_meeting: false, contacted_support: false, triggers: [], warning_signs: [], coping_used: ['c-1'], note: payload }));
  const data = await stored(page);
  await withPlan(page, app, { ...data, checkins: rising }, '/');
  await expect(page.getByTestId('gentle-notice')).toContainText(payload);
  await app.open('/recovery');
  await expect(page.getByRole('region', { name: 'My own milestones' }).getByLabel('Milestone', { exact: true })).toHaveValue(payload);
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect((await stored(page)).recovery.slips.map((s) => s.note)).toEqual([payload]);
});

test('hours of sleep take a decimal without the field being marked invalid', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T21:00:00-05:00') });
  await app.open('/checkin');
  const sleep = page.getByTestId('checkin').getByLabel('Hours of sleep');
  await sleep.fill('6.5');
  await sleep.blur();
  expect(await sleep.evaluate((el) => el.validity.valid)).toBe(true);
  await expect.poll(async () => (await stored(page)).checkins.map((c) => c.sleep_minutes)).toEqual([390]);
  // More than a day is not a night's sleep: a message beside the field, nothing stored,
  // the saved 6.5 hours kept. The same for a number that would overflow.
  for (const bad of ['30', '1092.9']) {
    await sleep.fill(bad);
    await sleep.blur();
    await expect(sleep).toHaveAttribute('aria-invalid', 'true');
    const message = page.locator(`#${await sleep.getAttribute('aria-describedby')}`);
    await expect(message).toHaveText('Enter hours from 0 to 24, like 7 or 7.5.');
    await expect(sleep).toHaveValue(bad);
    expect((await stored(page)).checkins.map((c) => c.sleep_minutes)).toEqual([390]);
  }
  const craving = page.getByTestId('checkin').getByLabel('Craving, 0 (none) to 10 (strongest)');
  await craving.fill('12');
  await craving.blur();
  await expect(page.getByText('Enter a whole number from 0 to 10.')).toBeVisible();
  expect((await stored(page)).checkins.map((c) => c.craving ?? null)).toEqual([null]);
  await craving.fill('7');
  await craving.blur();
  await expect.poll(async () => (await stored(page)).checkins.map((c) => c.craving)).toEqual([7]);
  await expect(page.getByText('Enter a whole number from 0 to 10.')).toBeHidden();
  // Fixing the sleep field clears its message.
  await sleep.fill('8');
  await sleep.blur();
  await expect(sleep).not.toHaveAttribute('aria-invalid', 'true');
  await expect.poll(async () => (await stored(page)).checkins.map((c) => c.sleep_minutes)).toEqual([480]);
});
