// Everyday use that feels right (issue #15): where the naloxone is, the overdose steps on
// one screen, Today's week ahead, an answer on a bad day, private things kept out of print,
// milestones for every streak, short lists, onboarding in order, and the small things.
import { test, expect, axeViolations, PLAN_KEY } from './fixtures.js';

test.use({ timezoneId: 'America/New_York', bypassCSP: true });

function storedPlan(data, version = 2) {
  return JSON.stringify({ app: 'safety-net', version, revision: 1, saved_at: '2026-12-01T10:00:00.000Z', data });
}

async function withPlan(page, data) {
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, storedPlan(data)]);
}

const KITS = [
  { id: 'k1', location: 'Kitchen drawer', kind: 'nasal_spray', expires: null, doses: 2, who_knows: '', others_trained: false, notes: '' },
  { id: 'k2', location: 'My backpack', kind: 'nasal_spray', expires: null, doses: 2, who_knows: '', others_trained: false, notes: '' },
];

test('Get help and the overdose steps say where the naloxone is, right after Call 911', async ({ app, page }) => {
  await withPlan(page, { naloxone_kits: KITS });
  for (const path of ['/help', '/overdose']) {
    await app.open(path);
    const where = page.getByTestId('naloxone-where').first();
    await expect(where).toHaveText('Naloxone: Kitchen drawer; My backpack');
    const call = page.getByRole('main').getByRole('link', { name: 'Call 911' }).first();
    const [c, w] = [await call.boundingBox(), await where.boundingBox()];
    expect(w.y, `${path}: just after Call 911`).toBeGreaterThan(c.y);
    expect(w.y - (c.y + c.height), `${path}: the next thing`).toBeLessThan(40);
  }
  // And in the step that gives it.
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.locator('section.step').getByTestId('naloxone-where')).toHaveText('Naloxone: Kitchen drawer; My backpack');
});

/** Whether the element is on screen and not covered by anything else (no scrolling needed). */
async function visibleWithoutScrolling(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight || r.height === 0) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
    return el.contains(hit);
  });
}

for (const size of ['100%', '200%']) {
  test(`the step-by-step overdose view fits one 360 × 740 screen at ${size} text`, async ({ app, page }) => {
    // The text size is the phone's from the start.
    await page.addInitScript((s) => document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = s; }), size);
    await app.open('/overdose');
    const bar = page.getByRole('group', { name: 'Steps' });
    for (let i = 0; i < 6; i += 1) {
      if (i > 0) await bar.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByText(`Step ${i + 1} of 6`)).toBeVisible();
      await page.waitForTimeout(100);
      const heading = page.locator('#step-title');
      for (const [what, el] of [
        ['the step', heading],
        ['Back', bar.getByRole('button', { name: 'Back' })],
        ['Next', bar.getByRole('button', { name: 'Next' })],
        ['Call 911', bar.getByRole('link', { name: 'Call 911' })],
      ]) {
        expect(await visibleWithoutScrolling(el), `step ${i + 1}: ${what} visible at ${size}`).toBe(true);
      }
    }
    await expect(bar.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
    // The sources are behind a small disclosure.
    const sources = page.locator('section.step details.source');
    await expect(sources.locator('summary')).toHaveText('Sources');
    await expect(sources).not.toHaveAttribute('open', '');
    await page.screenshot({ path: `target/screenshots/overdose-step-360-${size === '100%' ? 'text-100' : 'text-200'}.png` });
  });
}

const MEETING = {
  id: 'm1', name: 'Wednesday Hope', fellowship: 'narcotics_anonymous', format: 'in_person', address: '12 Elm St', link: '',
  access: 'open', style: 'discussion', days: ['Wed'], time: '19:00:00', duration_minutes: 60, notes: '',
  liked: '', disliked: '', decision: 'undecided',
};

test("Today shows the week ahead in time order, and a refill that is due", async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-12-07T10:00:00-05:00') }); // a Monday
  await withPlan(page, {
    care: {
      medications: [{ id: 'med1', kind: 'buprenorphine_naloxone', name: 'Suboxone', dose: '8 mg', schedule: '', prescriber: 'Dr. Lee', pharmacy: 'Main St Pharmacy', next_refill: '2026-12-08', notes: '' }],
      appointments: [
        { id: 'a1', kind: 'prescriber', with_whom: 'Dr. Lee', at: '2026-12-09T09:30:00', place: 'Riverside Clinic', notes: '' },
        { id: 'a0', kind: 'dental', with_whom: 'Dr. Park', at: '2026-12-07T08:00:00', place: '', notes: '' },
        { id: 'a9', kind: 'dental', with_whom: 'Dr. Later', at: '2026-12-20T08:00:00', place: '', notes: '' },
      ],
      therapy: [{ id: 't1', provider: 'Ms. Ortiz', kind: 'cbt', next_session: '2026-12-10T16:00:00', working_on: '', phone: '' }],
    },
    meetings: { list: [MEETING] },
  });
  await app.open('/');
  const coming = page.getByTestId('coming-up');
  await expect(coming.getByRole('listitem')).toHaveText([
    /^Tomorrow\s*Refill: Suboxone\s*Main St Pharmacy$/,
    /^Wednesday, December 9, 9:30 am\s*Appointment: Dr. Lee\s*Riverside Clinic$/,
    /^Wednesday, December 9, 7:00 pm\s*Meeting: Wednesday Hope\s*12 Elm St$/,
    /^Thursday, December 10, 4:00 pm\s*Therapy: Ms. Ortiz$/,
  ]);
  // A refill due tomorrow is a notice too.
  await expect(page.getByTestId('refill-due')).toContainText('Your Suboxone refill is due tomorrow, Tuesday, December 8.');
  await page.screenshot({ path: 'target/screenshots/today-coming-up-light.png', fullPage: true });
  // Each is a tap to its details.
  await coming.getByRole('link', { name: /Appointment: Dr. Lee/ }).click();
  await expect(page).toHaveURL(/\/plan\/care#appointments$/);
  // Overdue: said plainly.
  await page.clock.setSystemTime(new Date('2026-12-11T10:00:00-05:00'));
  await app.open('/');
  await expect(page.getByTestId('refill-due')).toContainText('was due 3 days ago, on Tuesday, December 8');
  expect(await axeViolations(page)).toEqual([]);
});

test('Today says nothing of the week when nothing is coming', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-12-07T10:00:00-05:00') });
  await withPlan(page, { relapse: { reasons: [{ id: 'r1', text: 'Maya' }] } });
  await app.open('/');
  // The lower cards are drawn (the last of them), so their absence means something.
  await expect(page.getByTestId('today-hard-moment')).toBeVisible();
  await expect(page.getByTestId('coming-up')).toHaveCount(0);
  await expect(page.getByTestId('refill-due')).toHaveCount(0);
});

test('a hard day in the check-in gets an answer: coping for the triggers met, my people, Get help', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-12-07T21:00:00-05:00') });
  await withPlan(page, {
    people: [{ id: 'p1', name: 'Dana', role: 'sponsor', phone: '(555) 010-2030', call_in_crisis: true, best_times: '', crisis_message: 'Rough night. Call me?', notes: '' }],
    relapse: {
      triggers: [{ id: 'tr1', kind: 'feeling', text: 'Lonely' }, { id: 'tr2', kind: 'time', text: 'Payday' }],
      coping: [
        { id: 'c1', text: 'Walk round the block', trigger_ids: [] },
        { id: 'c2', text: 'Call Dana', trigger_ids: ['tr1'] },
        { id: 'c3', text: 'Pay rent first', trigger_ids: ['tr2'] },
      ],
    },
  });
  await app.open('/checkin');
  const form = page.getByTestId('checkin');
  // A calm day: just "Saved."
  await form.getByLabel('Craving, 0 (none) to 10 (strongest)').fill('3');
  await form.getByLabel('Craving, 0 (none) to 10 (strongest)').blur();
  await expect(form.getByText('Saved.', { exact: true })).toBeVisible();
  await expect(page.getByTestId('hard-day')).toHaveCount(0);
  // Craving 9 and the Lonely trigger.
  await form.getByLabel('Craving, 0 (none) to 10 (strongest)').fill('9');
  await form.getByLabel('Craving, 0 (none) to 10 (strongest)').blur();
  await form.getByRole('group', { name: 'Triggers I met' }).getByRole('checkbox', { name: 'Lonely' }).check();
  const card = page.getByTestId('hard-day');
  await expect(card).toContainText('This sounds like a hard day.');
  await expect(card.getByRole('list').first().getByRole('listitem')).toHaveText(['Call Dana']);
  await expect(card.getByRole('link', { name: 'Call Dana' })).toHaveAttribute('href', 'tel:5550102030');
  await expect(card.getByRole('link', { name: 'Text Dana' })).toHaveAttribute('href', /^sms:5550102030\?body=Rough/);
  await expect(card.getByRole('link', { name: 'Get help' })).toHaveAttribute('href', '/help');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'target/screenshots/checkin-hard-day-light.png', fullPage: true });
  // Very low mood alone is a hard day too; each tick box sits under its own heading.
  await expect(form.getByRole('heading', { level: 3, name: 'Support' })).toBeVisible();
  const support = form.getByLabel('I went to a meeting');
  const [heading, box] = [await form.getByRole('heading', { level: 3, name: 'Support' }).boundingBox(), await support.boundingBox()];
  expect(box.y).toBeGreaterThan(heading.y);
});

test('meetings ticked in check-ins count on Meetings, once each', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00-05:00') });
  await withPlan(page, {
    checkins: ['2026-11-03', '2026-11-10', '2026-11-17'].map((date) => ({ date, went_to_meeting: true })),
  });
  await app.open('/meetings');
  await expect(page.getByTestId('attendance')).toHaveText('0 meetings this week · 3 weeks in a row with a meeting · 3 in all');
  await app.open('/checkin');
  await expect(page.getByTestId('streaks')).toContainText('Meetings: 3 weeks in a row.');
});

test("a meeting gone to on another day can be marked afterwards, not in the future", async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00-05:00') });
  await withPlan(page, { meetings: { list: [MEETING] } });
  await app.open('/meetings');
  await page.locator('details.record-details > summary').first().click();
  const field = page.getByLabel('I went on another day');
  await field.fill('2026-11-30');
  await field.blur();
  await expect(page.getByText('That date is in the future. Choose today or a day before.')).toBeVisible();
  await field.fill('2026-11-18');
  await field.blur();
  await expect(page.getByTestId('attendance')).toContainText('1 in all');
  await expect(page.locator('li.record').getByText('Been once.')).toBeVisible();
});

test("after a slip, the new streak's 24 hours, 1 week and 30 days are each celebrated once, and both streaks' milestones are listed", async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-09-15T09:00:00-04:00') });
  // Recovery since June 1: every milestone of that streak already celebrated.
  await withPlan(page, {
    recovery: { start_date: '2026-06-01', start_time: null, slips: [], personal: [], celebrated: ['hours-24', 'days-7', 'days-30', 'days-60', 'days-90'] },
  });
  await app.open('/recovery');
  await expect(page.getByTestId('celebration')).toHaveCount(0);
  await page.getByLabel('When').fill('2026-09-15');
  await page.getByLabel('A few words, if you like (only for you)').fill('After 106 days');
  await page.getByRole('button', { name: 'Record the slip' }).click();
  await expect(page.getByTestId('after-slip')).toBeVisible();
  for (const [day, label] of [['2026-09-17', '24 hours'], ['2026-09-23', '1 week'], ['2026-10-16', '30 days']]) {
    await page.clock.setSystemTime(new Date(`${day}T09:00:00-04:00`));
    await app.open('/');
    const card = page.getByTestId('celebration');
    await expect(card, day).toContainText(`${label} in recovery`);
    await card.getByRole('button', { name: 'Thank you' }).click();
    await expect(card).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('today-hard-moment')).toBeVisible();
    await expect(page.getByTestId('celebration'), `${label} once`).toHaveCount(0);
  }
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY)).data;
  expect(stored.recovery.celebrated.filter((k) => k.startsWith('2026-09-16/'))).toEqual(['2026-09-16/hours-24', '2026-09-16/days-7', '2026-09-16/days-30']);
  await app.open('/recovery');
  const reached = page.getByTestId('milestones-reached');
  await expect(reached.locator('> li > strong')).toHaveText(['Since Wednesday, September 16', 'Monday, June 1 to Tuesday, September 15']);
  await expect(reached.locator('> li').first()).toContainText('30 days on Friday, October 16');
  await expect(reached.locator('> li').nth(1)).toContainText('90 days on Sunday, August 30');
});

test('lists stay short: 20 people and 20 triggers are compact rows that open to edit; delete shows Undo in view', async ({ app, page }) => {
  const people = Array.from({ length: 20 }, (_, i) => ({
    id: `p${i}`, name: `Person ${i + 1}`, role: 'friend', phone: `555 010 ${String(1000 + i)}`, call_in_crisis: i < 2,
    best_times: 'evenings', crisis_message: 'Call me?', notes: 'Met at group',
  }));
  const triggers = Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, kind: 'feeling', text: `Trigger ${i + 1}` }));
  await withPlan(page, { people, relapse: { triggers } });
  for (const [path, bound] of [['/plan/people', 3200], ['/plan/relapse', 4200]]) {
    await app.open(path);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, `${path} is ${height} px tall`).toBeLessThan(bound);
  }
  await app.open('/plan/people');
  const row = page.locator('details.record-details').first();
  await expect(row.locator('summary')).toContainText('Person 1');
  await expect(row.locator('summary')).toContainText('Friend, 555 010 1000, call in a crisis');
  await expect(page.getByRole('textbox', { name: 'Phone' })).toHaveCount(0);
  await row.locator('summary').click();
  await expect(row.getByLabel('Phone')).toHaveValue('555 010 1000');
  await page.screenshot({ path: 'target/screenshots/people-compact-light.png' });
  // Delete: no question, a toast in view with Undo, focused and announced.
  await row.getByRole('button', { name: 'Delete this person: Person 1' }).click();
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('Deleted “Person 1”.');
  await expect(toast).toBeInViewport();
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Person 1”.' })).toHaveCount(1);
  await page.screenshot({ path: 'target/screenshots/people-deleted-toast-light.png' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('details.record-details > summary').first()).toContainText('Person 1');
  expect(await axeViolations(page)).toEqual([]);
});

test('"Copied" shows in view too', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open('/meetings/find');
  await page.getByRole('button', { name: 'Copy: Asking a doctor' }).click();
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('Copied: Asking a doctor.');
  await expect(toast).toBeInViewport();
});

test('onboarding in order: no review reminder beside the welcome, nor before a first period has passed', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-01T09:00:00-04:00') });
  await app.open('/');
  await expect(page.getByTestId('guided-offer')).toBeVisible();
  await expect(page.getByTestId('review-due')).toHaveCount(0);
  await app.open('/plan/relapse');
  await app.addReason('For Maya');
  const started = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY)).data.settings.started;
  expect(started).toBe('2026-11-01');
  await page.clock.setSystemTime(new Date('2026-11-30T09:00:00-05:00'));
  await app.open('/');
  await expect(page.getByTestId('review-due')).toHaveCount(0);
  await page.clock.setSystemTime(new Date('2026-12-01T09:00:00-05:00'));
  await app.open('/');
  await expect(page.getByTestId('review-due')).toContainText('Time to review your plan');
});

test('counts read right: "1 medication", "1 slip", "1 week"', async ({ app, page }, info) => {
  await app.open('/settings');
  const backup = {
    app: 'safety-net', kind: 'backup', version: 3,
    data: {
      care: { medications: [{ id: 'med1', kind: 'methadone', name: 'Methadone', dose: '', schedule: '', prescriber: '', pharmacy: '', next_refill: null, notes: '' }] },
      recovery: { start_date: '2026-01-01', slips: [{ id: 's1', date: '2026-02-01', note: '' }] },
    },
  };
  const file = info.outputPath('one-of-each.json');
  await (await import('node:fs/promises')).writeFile(file, JSON.stringify(backup));
  await page.getByLabel('Import a backup…').setInputFiles(file);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('1 medication, 1 slip recorded');
  await expect(dialog).not.toContainText('1 medications');
});
