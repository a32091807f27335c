// Crisis and naloxone: help from every screen, the overdose steps and the re-dose timer,
// the person's own crisis contacts, and naloxone kits that never silently expire.
import { test, expect, axeViolations, openRecords, PLAN_KEY } from './fixtures.js';

test.use({ bypassCSP: true });

const STEP_TITLES = [
  'Check if they respond', 'Give naloxone', 'Call 911', 'Not breathing, or only gasping: start CPR',
  'Watch, and give another dose if needed', 'Stay with them',
];

/** A stored plan with one crisis contact, coping strategies and reasons. */
function seededPlan() {
  return JSON.stringify({
    app: 'safety-net', version: 1, revision: 1, saved_at: '2026-11-23T10:00:00.000Z',
    data: {
      people: [
        {
          id: 'p1', name: 'Sam', role: 'sponsor', phone: '(555) 010-2030', call_in_crisis: true,
          best_times: '', crisis_message: "It's a bad night. Can you call me?", notes: '',
        },
        {
          id: 'p2', name: 'Not in crisis list', role: 'friend', phone: '555 010 9999', call_in_crisis: false,
          best_times: '', crisis_message: '', notes: '',
        },
      ],
      relapse: {
        reasons: [{ id: 'r1', text: 'Be there for Maya' }],
        coping: [{ id: 'c1', text: 'Walk round the block', trigger_ids: [] }],
      },
      crisis_steps: [
        { id: 's1', text: 'Leave the room and go outside' },
        { id: 's2', text: 'Call Sam' },
      ],
    },
  });
}

const ROUTES = ['/', '/plan', '/settings', '/help', '/overdose', '/no-such-page'];

test('from every screen, Get help reaches 911 and the overdose steps in two taps', async ({ app, page }) => {
  for (const route of ROUTES) {
    await app.open(route);
    await page.getByRole('banner').getByRole('link', { name: 'Get help' }).click(); // tap 1
    const call = page.getByRole('main').getByRole('link', { name: 'Call 911' });
    await expect(call, route).toHaveAttribute('href', 'tel:911'); // tap 2 would call
    const box = await call.boundingBox();
    expect(box.height, 'the 911 button is at least 56 px tall').toBeGreaterThanOrEqual(56);
    expect(box.width, 'and full width').toBeGreaterThan(300);
    await page.getByRole('link', { name: 'Someone may be overdosing: what to do' }).click(); // tap 2
    await expect(page.getByRole('heading', { name: 'Someone may be overdosing', level: 1 }), route).toBeVisible();
    await expect(page).toHaveURL(/\/overdose$/);
  }
});

test('the overdose steps work on first open: one at a time with Next and Back, or all at once', async ({ app, page }) => {
  await app.open('/overdose');
  expect(await app.storedRaw(), 'nothing stored just by reading').toBeNull();
  await expect(page.getByText('Step 1 of 6')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: STEP_TITLES[0] })).toBeVisible();
  const card = page.locator('section.step');
  await expect(card.getByText("If they don't wake, give naloxone now (next step).", { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back' })).toBeDisabled();
  for (let i = 1; i < STEP_TITLES.length; i += 1) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(`Step ${i + 1} of 6`)).toBeVisible();
    const heading = page.getByRole('heading', { level: 2, name: STEP_TITLES[i] });
    await expect(heading).toBeVisible();
    await expect(heading, 'focus moves to the new step').toBeFocused();
    // Only the call step has its own Call 911 inside the card, with speaker and stay.
    await expect(card.getByRole('link', { name: 'Call 911' })).toHaveCount(STEP_TITLES[i] === 'Call 911' ? 1 : 0);
    if (STEP_TITLES[i] === 'Call 911') {
      await expect(card.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
      await expect(card).toContainText('Put the phone on speaker and stay with them.');
    }
    if (STEP_TITLES[i].includes('CPR')) {
      await expect(card).toContainText('Push hard and fast in the center of the chest');
      await expect(card).toContainText('If you are trained, give 2 breaths after every 30 pushes. If not, keep pushing: hands-only CPR.');
      await expect(card).toContainText('American Heart Association');
      await expect(card).not.toContainText('every 5 seconds');
    }
  }
  await expect(card).toContainText('If they become very sleepy again or stop breathing, give another dose. You may need every dose in the pack.');
  await expect(card).toContainText('If you truly have to step away, roll them onto their side first');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await expect(page.locator('section.step').getByText('Naloxone wears off in about 30 to 90 minutes')).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 2, name: STEP_TITLES[4] })).toBeVisible();
  await expect(page.locator('section.step').getByText('every 2–3 minutes')).toBeVisible();

  await page.getByRole('button', { name: 'All steps' }).click();
  await expect(page.getByRole('button', { name: 'All steps' })).toHaveAttribute('aria-pressed', 'true');
  const list = page.getByRole('list').filter({ has: page.getByRole('heading', { name: 'Stay with them' }) });
  await expect(list.getByRole('heading', { level: 2 })).toHaveText(STEP_TITLES);
  await expect(page.getByText('Step 1 of 6')).toBeHidden();
  for (const section of ['Signs of an overdose', 'When they wake up', "Don't", 'Good Samaritan laws']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByText('recovery position').first()).toBeVisible();
  // One instruction about staying: no bare "Don't leave them alone" beside it.
  await expect(page.getByText("Don't leave them alone")).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'When they wake up' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'When they wake up' }) })).first())
    .toContainText('If they become very sleepy again or stop breathing, give another dose.');
  // Big type on this screen: body text at least 18 px.
  const size = await page.locator('.od .source').first().evaluate((el) => parseFloat(getComputedStyle(el.parentElement).fontSize));
  expect(size).toBeGreaterThanOrEqual(18);
});

test('the re-dose timer prompts another dose at 2 minutes, counts doses, is announced, and follows the person', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T22:00:00') });
  await app.open('/overdose');
  // From here on the clock moves only when the test moves it: an installed clock runs on in
  // real time, and on a loaded machine a second could pass between the tap and `runFor`.
  await page.clock.pauseAt(new Date('2026-11-23T22:01:00'));
  const strip = page.getByTestId('dose-timer');
  const live = page.locator('[aria-live="assertive"]');
  await expect(strip).toBeHidden();
  await page.getByRole('button', { name: 'I gave a dose of naloxone' }).click();
  await expect(strip).toBeVisible();
  await expect(strip).toContainText('Dose 1 given. Next dose in 2:00');
  await expect(live).toHaveText(/Dose 1 given\. Stay with them/);
  await expect(strip.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');

  await page.clock.runFor(119_000);
  await expect(strip).toContainText('Next dose in 0:01');
  await expect(strip).not.toContainText('Give another dose now');
  await page.clock.runFor(1_000);
  await expect(strip).toContainText('Give another dose now if they are not responding (2:00 since dose 1)');
  await expect(live).toHaveText(/2 minutes since dose 1\. If they are not responding, give another dose now/);

  // Switching screens (the overdose steps hide the navigation bar; the header leads on):
  // the timer keeps running and 911 stays one tap away.
  await page.getByRole('banner').getByRole('link', { name: 'Safety Net' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }).click();
  await expect(page.getByRole('heading', { name: 'My plan', level: 1 })).toBeVisible();
  await expect(strip).toBeVisible();
  await expect(strip.getByRole('link', { name: 'Call 911' })).toBeVisible();
  await strip.getByRole('button', { name: 'I gave another dose' }).click();
  await expect(strip).toContainText('Dose 2 given. Next dose in 2:00');
  await expect(live).toHaveText(/Dose 2 given/);
  await page.clock.runFor(120_000);
  await expect(strip).toContainText('since dose 2');
  await strip.getByRole('button', { name: 'Stop the timer' }).click();
  await expect(strip).toBeHidden();
});

test('Get help shows my crisis contacts (call, or text my own message), my coping strategies and reasons, and the national lines', async ({ app, page }) => {
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, seededPlan()]);
  await app.open('/help');
  const people = page.getByRole('region', { name: 'My people' });
  await expect(people.getByRole('link', { name: 'Call Sam' })).toHaveAttribute('href', 'tel:5550102030');
  await expect(people.getByRole('link', { name: 'Text Sam' })).toHaveAttribute(
    'href', 'sms:5550102030?body=It%27s%20a%20bad%20night.%20Can%20you%20call%20me%3F',
  );
  await expect(page.getByText('Not in crisis list')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'What helps me' })).toBeVisible();
  await expect(page.getByText('Walk round the block')).toBeVisible();
  await expect(page.getByText('Be there for Maya')).toBeVisible();
  // My own crisis steps, in my order, between 911 and my people.
  const steps = page.getByTestId('my-crisis-steps');
  await expect(steps.getByRole('listitem')).toHaveText(['Leave the room and go outside', 'Call Sam']);
  const y = async (l) => (await l.boundingBox()).y;
  const call911 = page.getByRole('main').getByRole('link', { name: 'Call 911' });
  expect(await y(call911)).toBeLessThan(await y(steps));
  expect(await y(steps)).toBeLessThan(await y(people));
  const lines = page.getByRole('region', { name: 'Crisis lines' });
  await expect(lines).toContainText('US numbers. Elsewhere, call your local emergency number.');
  await expect(lines.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
  await expect(lines.getByRole('link', { name: 'Text 988' })).toHaveAttribute('href', 'sms:988');
  await expect(lines).toContainText('In Spanish: call 988 and press 2, or text AYUDA to 988.');
  await expect(lines.getByRole('link', { name: /Call 1-800-662-4357/ })).toHaveAttribute('href', 'tel:18006624357');
  await expect(lines.getByRole('link', { name: 'Call 1-800-222-1222' })).toHaveAttribute('href', 'tel:18002221222');
  await expect(lines.getByRole('heading', { name: 'Never Use Alone (US)' })).toBeVisible();
  await expect(lines).toContainText('Source: Never Use Alone Inc., neverusealone.com');
  await expect(lines.getByRole('link', { name: 'Call 1-800-484-3731' })).toHaveAttribute('href', 'tel:18004843731');
});

test('with an empty plan Get help is still complete', async ({ app, page }) => {
  await app.open('/help');
  await expect(page.getByRole('main').getByRole('link', { name: 'Call 911' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'My people' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Crisis lines' }).getByRole('listitem')).toHaveCount(4);
});

test('naloxone kits: added in the plan, kept, and Today warns 30 days before expiry and after it', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-12-31T09:00:00') });
  await app.open('/');
  await expect(page.getByTestId('no-kit')).toContainText('Where is your naloxone?');
  await page.getByRole('link', { name: 'Add a naloxone kit' }).click();
  await expect(page.getByRole('heading', { name: 'Naloxone kits' })).toBeVisible();
  await page.getByLabel('Add a kit: where is it kept?').fill('Kitchen drawer');
  await page.getByRole('region', { name: 'Naloxone kits' }).getByRole('button', { name: 'Add' }).click();
  await expect(page.getByLabel('Where it\'s kept')).toHaveValue('Kitchen drawer');
  await page.getByLabel('Expiration date (on the box)').fill('2027-01-31');
  await page.getByLabel('Expiration date (on the box)').blur();
  await page.getByLabel('Kind').selectOption('injectable');
  await page.getByLabel('Doses in the kit').fill('1');
  await page.getByLabel('Doses in the kit').blur();
  await page.getByLabel('Who else knows where it is').fill('My roommate Jo');
  await page.getByLabel('Who else knows where it is').blur();
  await page.getByLabel('They have been shown how to use it').check();
  await app.expectSaved();
  await expect(page.getByText('How to store naloxone')).toBeVisible();
  const kits = async () => (await app.stored()).data.naloxone_kits;
  await expect.poll(kits).toEqual([expect.objectContaining({
    location: 'Kitchen drawer', kind: 'injectable', expires: '2027-01-31', doses: 1,
    who_knows: 'My roommate Jo', others_trained: true,
  })]);

  // 31 days ahead: no warning yet.
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(page.getByTestId('no-kit')).toHaveCount(0);
  await expect(page.getByTestId('kit-notice')).toHaveCount(0);

  // 30 days ahead.
  await page.clock.setSystemTime(new Date('2027-01-01T09:00:00'));
  await page.reload();
  await expect(page.getByTestId('kit-notice')).toHaveText(/The naloxone kit in Kitchen drawer expires in 30 days, on Sunday, January 31\./);

  // Expired.
  await page.clock.setSystemTime(new Date('2027-02-01T09:00:00'));
  await page.reload();
  await expect(page.getByTestId('kit-notice')).toContainText('expired on Sunday, January 31.');
  await expect(page.getByTestId('kit-notice')).toContainText('an expired kit is still better than none');

  // Delete with undo.
  await app.open('/plan/crisis');
  await openRecords(page);
  await page.getByRole('button', { name: 'Delete this kit: Kitchen drawer' }).click();
  await expect.poll(kits).toEqual([]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await kits()).length).toBe(1);
  await expect(page.getByLabel('Where it\'s kept')).toHaveValue('Kitchen drawer');
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on the crisis, overdose, timer and kit screens at 320 px (${scheme})`, async ({ app, page }) => {
    test.info().annotations.push({ type: 'viewport', description: '320' });
    await page.setViewportSize({ width: 320, height: 740 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, seededPlan()]);
    await app.open('/help');
    expect(await axeViolations(page), '/help with contacts').toEqual([]);
    await app.open('/overdose');
    expect(await axeViolations(page), '/overdose one step').toEqual([]);
    await page.getByRole('button', { name: 'All steps' }).click();
    expect(await axeViolations(page), '/overdose all steps').toEqual([]);
    await page.getByRole('button', { name: 'I gave a dose of naloxone' }).click();
    await expect(page.getByTestId('dose-timer')).toBeVisible();
    expect(await axeViolations(page), 'timer running').toEqual([]);
    await page.getByRole('button', { name: 'Stop the timer' }).click();
    await app.open('/plan/crisis');
    await page.getByLabel('Add a kit: where is it kept?').fill('Backpack');
    await page.getByRole('region', { name: 'Naloxone kits' }).getByRole('button', { name: 'Add' }).click();
    await page.getByText('How to store naloxone').click();
    expect(await axeViolations(page), '/plan with a kit').toEqual([]);
    await app.open('/');
    expect(await axeViolations(page), 'Today with a kit').toEqual([]);
  });
}
