// One clock: the app left open past midnight, or brought back after a night in the
// background, moves to the new day without a reload; and a phone clock set back years, or a
// backup from a phone with a wrong clock, never crashes the app.
import { test, expect, PLAN_KEY } from './fixtures.js';

test.use({ timezoneId: 'America/New_York' });

function storedPlan(data) {
  return JSON.stringify({ app: 'safety-net', version: 2, revision: 1, saved_at: '2026-11-23T10:00:00.000Z', data });
}

test('left open at 23:57, the app moves to the new day at midnight without a reload', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-12-01T23:57:00-05:00') });
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, storedPlan({
    recovery: { start_date: '2026-11-21' },
    meetings: {
      list: [{
        id: 'm1', name: 'Wednesday Hope', fellowship: 'narcotics_anonymous', format: 'in_person', address: '', link: '',
        access: 'open', style: 'discussion', days: ['Wed'], time: '19:00:00', duration_minutes: 60, notes: '',
        liked: '', disliked: '', decision: 'undecided',
      }],
    },
    naloxone_kits: [{ id: 'k1', location: 'Kitchen drawer', kind: 'nasal_spray', expires: '2027-01-01', doses: 2, who_knows: '', others_trained: false, notes: '' }],
  })]);
  await app.open('/');
  const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);
  await expect(page.getByTestId('today-date')).toHaveText('Tuesday, December 1');
  await expect(page.getByTestId('counter')).toHaveText('10 days in recovery');
  await expect(page.getByTestId('meetings-today')).toBeHidden();
  await expect(page.getByTestId('kit-notice')).toHaveCount(0);

  await page.clock.runFor(5 * 60 * 1000);
  await expect(page.getByTestId('today-date')).toHaveText('Wednesday, December 2');
  await expect(page.getByTestId('counter')).toHaveText('11 days in recovery');
  // Wednesday's meeting is today now, and the kit is within 30 days of expiring.
  await expect(page.getByTestId('meetings-today')).toContainText('Wednesday Hope');
  await expect(page.getByTestId('kit-notice')).toContainText('expires in 30 days');
  // The check-in's "Today" is the new day.
  await page.getByRole('link', { name: 'Check in (30 seconds)' }).click();
  await expect(page.getByTestId('checkin').getByRole('heading', { level: 2 })).toHaveText('Wednesday, December 2');
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads);
});

test('back in the foreground after a night in the background, Today is today', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-12-01T22:00:00-05:00') });
  await app.open('/');
  await expect(page.getByTestId('today-date')).toHaveText('Tuesday, December 1');
  // The phone sleeps: no timers run. Then it wakes in the morning.
  await page.clock.setSystemTime(new Date('2026-12-02T07:30:00-05:00'));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByTestId('today-date')).toHaveText('Wednesday, December 2');
});

test('a phone clock set back to 2023 shows day 0 with a plain word, and never crashes', async ({ app, page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, storedPlan({
    recovery: { start_date: '2026-01-10', slips: [{ id: 's1', date: '2026-06-01', note: '' }], personal: [], celebrated: [] },
    checkins: [{ date: '2026-11-20', craving: 4 }],
    reviews: ['2026-11-01'],
  })]);
  await page.clock.install({ time: new Date('2023-03-01T09:00:00-05:00') });
  for (const path of ['/', '/recovery', '/checkin', '/plan', '/meetings', '/plan/print']) {
    await app.open(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await app.open('/recovery');
  await expect(page.getByTestId('counter')).toHaveText('0 days in recovery');
  await expect(page.getByTestId('future-date')).toContainText("check the phone's date");
  expect(errors).toEqual([]);
});
