// The safety-net plan: every pillar editable (add, edit, delete, undo, reload), the guided
// start, the strength of the net and the review rhythm, print and wallet card, sharing,
// markup in every text field, and axe on every plan screen.
import { readFile } from 'node:fs/promises';
import { test, expect, axeViolations, openRecords, PLAN_KEY } from './fixtures.js';

test.use({ bypassCSP: true });

const stored = async (page) => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY)).data;

/** A plan with something in every pillar. */
export function fullPlan() {
  return JSON.stringify({
    app: 'safety-net', version: 1, revision: 1, saved_at: '2026-11-23T10:00:00.000Z',
    data: {
      // Started in October: the first review is due 30 days on (version 3 reads this).
      settings: { started: '2026-10-01' },
      care: {
        medications: [{ id: 'm1', kind: 'buprenorphine_naloxone', name: 'Suboxone', dose: '8 mg', schedule: 'Every morning', prescriber: 'Dr. Lee', pharmacy: 'Main Street', next_refill: '2026-12-01', notes: '' }],
        appointments: [{ id: 'a1', kind: 'dental', with_whom: 'Dr. Park', at: '2026-12-02T09:30:00', place: 'Riverside Clinic', notes: '' }],
        therapy: [{ id: 't1', provider: 'Ms. Ortiz', kind: 'cbt', next_session: null, working_on: 'Saying no', phone: '' }],
      },
      people: [
        { id: 'p1', name: 'Sam', role: 'sponsor', phone: '555 010 2030', call_in_crisis: true, best_times: 'Evenings', crisis_message: 'Call me?', notes: '' },
        { id: 'p2', name: 'Maya', role: 'family', phone: '555 010 4000', call_in_crisis: false, best_times: '', crisis_message: '', notes: '' },
      ],
      keep_distance: [{ id: 'k1', text: 'Old dealer Mike' }],
      goals: [{ id: 'g1', area: 'education', goal: 'Get my GED', next_step: 'Call the centre', done: false }],
      relapse: {
        reasons: [{ id: 'r1', text: 'Be there for Maya' }],
        triggers: [{ id: 'tr1', kind: 'feeling', text: 'Lonely' }],
        warning_signs: [{ id: 'w1', text: 'Isolating' }],
        coping: [{ id: 'c1', text: 'Walk round the block', trigger_ids: ['tr1'] }],
        places_to_avoid: [{ id: 'pl1', text: 'The old corner' }],
      },
      crisis_steps: [{ id: 'cs1', text: 'Call Sam' }],
      slip_steps: [{ id: 's1', text: 'Tell my doctor' }],
      loved_ones: { what_to_know: 'I am trying', how_to_help: 'Ask how I am', boundaries: 'No drinking around me' },
      naloxone_kits: [{ id: 'n1', location: 'Kitchen drawer', kind: 'nasal_spray', expires: '2028-01-31', doses: 2, who_knows: 'Jo', others_trained: true, notes: '' }],
    },
  });
}

async function seed(page, plan = fullPlan()) {
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, plan]);
}

async function add(page, label, text) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(text);
  await page.locator('form', { has: field }).getByRole('button', { name: 'Add' }).click();
}

// [pillar, add label, first text, field to edit, its new value, where it is stored, noun]
const PILLARS = [
  ['people', 'Add a person: their name', 'Sam', 'Phone', '555 010 2030', (d) => d.people.map((x) => [x.name, x.phone]), 'person'],
  ['people', 'Add a person or place', 'Old dealer Mike', 'Person or place', 'Old dealer Mike, Elm St', (d) => d.keep_distance.map((x) => [x.text, x.text]), 'entry'],
  ['crisis', 'Add a step', 'Call Sam', 'Step', 'Call Sam first', (d) => d.crisis_steps.map((x) => [x.text, x.text]), 'step'],
  ['relapse', 'Add a trigger', 'Payday', 'Trigger', 'Payday Friday', (d) => d.relapse.triggers.map((x) => [x.text, x.text]), 'trigger'],
  ['relapse', 'Add a warning sign', 'Isolating', 'Warning sign', 'Isolating at home', (d) => d.relapse.warning_signs.map((x) => [x.text, x.text]), 'warning sign'],
  ['relapse', 'Add a coping strategy', 'Walk', 'Coping strategy', 'Walk round the block', (d) => d.relapse.coping.map((x) => [x.text, x.text]), 'strategy'],
  ['relapse', 'Add a place to avoid', 'The corner', 'Place', 'The old corner', (d) => d.relapse.places_to_avoid.map((x) => [x.text, x.text]), 'place'],
  ['care', 'Add a medication: its name', 'Suboxone', 'Dose', '8 mg', (d) => d.care.medications.map((x) => [x.name, x.dose]), 'medication'],
  ['care', 'Add an appointment: with whom', 'Dr. Park', 'Where', 'Riverside Clinic', (d) => d.care.appointments.map((x) => [x.with_whom, x.place]), 'appointment'],
  ['slip', 'Add a step', 'Tell my doctor', 'Step', 'Tell my doctor today', (d) => d.slip_steps.map((x) => [x.text, x.text]), 'step'],
  ['therapy', 'Add a therapist or program', 'Ms. Ortiz', "What I'm working on", 'Saying no', (d) => d.care.therapy.map((x) => [x.provider, x.working_on]), 'entry'],
  ['goals', 'Add a goal', 'Get my GED', 'Next small step', 'Call the centre', (d) => d.goals.map((x) => [x.goal, x.next_step]), 'goal'],
];

test('every pillar: add, edit, delete, undo, reload, still there', async ({ app, page }) => {
  for (const [slug, addLabel, text, fieldLabel, value, read, noun] of PILLARS) {
    const where = `${slug}: ${addLabel}`;
    await app.open(`/plan/${slug}`);
    const section = page.getByRole('region').filter({ has: page.getByLabel(addLabel, { exact: true }) });
    await add(page, addLabel, text);
    const field = section.getByLabel(fieldLabel, { exact: true }).last();
    await field.fill(value);
    await field.blur();
    // Entries are renamed by the edit; records keep their name and gain the field.
    const renames = read({ people: [], keep_distance: [{ text: 1 }], crisis_steps: [{ text: 1 }], slip_steps: [{ text: 1 }], relapse: { triggers: [{ text: 1 }], warning_signs: [{ text: 1 }], coping: [{ text: 1 }], places_to_avoid: [{ text: 1 }] }, care: { medications: [], appointments: [], therapy: [] }, goals: [] }).length > 0;
    await expect.poll(async () => read(await stored(page)).at(-1), where).toEqual(renames ? [value, value] : [text, value]);
    const count = read(await stored(page)).length;
    const name = read(await stored(page)).at(-1)[0];
    await section.getByRole('button', { name: `Delete this ${noun}: ${name}` }).click();
    await expect.poll(async () => read(await stored(page)).length, where).toBe(count - 1);
    // "Deleted — Undo" is in view, announced, with focus on Undo.
    const undo = page.getByTestId('toast').getByRole('button', { name: 'Undo' });
    await expect(undo, where).toBeFocused();
    await expect(page.getByTestId('toast'), where).toBeInViewport();
    await undo.click();
    await expect.poll(async () => read(await stored(page)).length, where).toBe(count);
    await page.reload();
    // The app, not the start-up shell (whose heading is Today's).
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.locator('main h1')).toBeVisible();
    await openRecords(page);
    await expect(section.getByLabel(fieldLabel, { exact: true }).last(), where).toHaveValue(value);
  }
});

test('ordered steps move, ideas are added with one tap, coping links to triggers, loved ones are kept', async ({ app, page }) => {
  await app.open('/plan/slip');
  await expect(page.getByTestId('pillar-status')).toHaveText(/^Not started/);
  await expect(page.getByRole('button', { name: 'Add all of these' })).toBeVisible();
  await page.getByRole('button', { name: '+ Contact my sponsor the same day' }).click();
  await expect(page.getByRole('button', { name: 'Add all of these' })).toBeHidden();
  await page.getByRole('button', { name: '+ Tell my doctor or prescriber' }).click();
  await expect(page.getByRole('button', { name: '+ Tell my doctor or prescriber' })).toBeHidden();
  await page.getByRole('button', { name: 'Move up: Tell my doctor or prescriber' }).click();
  await expect.poll(async () => (await stored(page)).slip_steps.map((s) => s.text))
    .toEqual(['Tell my doctor or prescriber', 'Contact my sponsor the same day']);
  await expect(page.getByRole('button', { name: 'Move up: Tell my doctor or prescriber' })).toBeDisabled();
  await page.getByRole('button', { name: '+ Go to an extra meeting' }).click();
  await expect(page.getByTestId('pillar-status')).toHaveText(/^In place/);
  await expect(page.getByText('Your tolerance is lower now')).toBeVisible();
  await expect(page.getByTestId('tolerance').getByRole('link', { name: 'Call Never Use Alone (US): 1-800-484-3731' }))
    .toHaveAttribute('href', 'tel:18004843731');

  await app.open('/plan/relapse');
  await page.getByRole('button', { name: '+ Lonely' }).click();
  await page.getByRole('button', { name: '+ Tired' }).click();
  await page.getByRole('button', { name: '+ Call my sponsor' }).click();
  const links = page.getByRole('group', { name: 'It helps with these triggers' });
  await links.getByRole('checkbox', { name: 'Tired' }).check();
  await expect.poll(async () => {
    const d = await stored(page);
    return d.relapse.coping[0].trigger_ids.map((id) => d.relapse.triggers.find((t) => t.id === id).text);
  }).toEqual(['Tired']);
  // Deleting the trigger unlinks it; undo links it again.
  await page.getByRole('button', { name: 'Delete this trigger: Tired' }).click();
  await expect.poll(async () => (await stored(page)).relapse.coping[0].trigger_ids.length).toBe(0);
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await stored(page)).relapse.coping[0].trigger_ids.length).toBe(1);
  await page.reload();
  // The app, not the start-up shell (whose heading is Today's).
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('main h1')).toBeVisible();
  await openRecords(page);
  await expect(page.getByRole('group', { name: 'It helps with these triggers' }).getByRole('checkbox', { name: 'Tired' })).toBeChecked();

  await app.open('/plan/loved-ones');
  await page.getByLabel('My boundaries').fill("I won't come to parties with drinking");
  await page.getByLabel('My boundaries').blur();
  await expect.poll(async () => (await stored(page)).loved_ones.boundaries).toBe("I won't come to parties with drinking");
  await page.reload();
  await expect(page.getByLabel('My boundaries')).toHaveValue("I won't come to parties with drinking");
  // Leaving the app while typing keeps what was typed.
  await page.getByLabel('What I want you to know').fill('Typed, then the app was left');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect.poll(async () => (await stored(page)).loved_ones.what_to_know).toBe('Typed, then the app was left');
});

test('the guided start builds a minimal net in a few steps, and can be skipped', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00') });
  await app.open('/');
  await page.getByRole('link', { name: 'Start my safety net' }).click();
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  for (const [name, phone] of [['Sam', '555 010 2030'], ['Maya', '555 010 4000'], ['Jo', '555 010 5000']]) {
    await add(page, 'Add a person: their name', name);
    await page.getByLabel('Phone').last().fill(phone);
    await page.getByLabel('Phone').last().blur();
  }
  await page.getByLabel('Call me in a crisis (they said yes)').first().check();
  await page.getByRole('button', { name: 'Next' }).click();
  // The text to send each of them in a crisis, written now.
  await expect(page.getByRole('heading', { level: 1, name: 'What to text them in a crisis' })).toBeFocused();
  await expect(page.locator('[data-field="name"]').first()).toHaveText('Sam');
  await page.getByLabel('Text to send them in a crisis').first().fill('Bad night. Can you call me?');
  await page.getByLabel('Text to send them in a crisis').first().blur();
  expect(await axeViolations(page), 'guided start, crisis text').toEqual([]);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Three triggers, and what you'll do instead" })).toBeFocused();
  // Ideas for what to do instead come with the field; anything can be typed.
  await page.getByRole('button', { name: '+ Angry' }).click();
  const ideas = await page.getByLabel("What I'll do instead").getAttribute('list');
  await expect(page.locator(`datalist[id="${ideas}"] option`)).toHaveCount(6);
  await page.getByRole('button', { name: 'Delete this trigger: Angry' }).click();
  for (const [trigger, instead] of [['Hungry', 'Eat something'], ['Lonely', 'Call my sponsor'], ['Tired', 'Rest before deciding']]) {
    await page.getByRole('button', { name: `+ ${trigger}` }).click();
    await page.getByLabel("What I'll do instead").last().fill(instead);
    await page.getByLabel("What I'll do instead").last().blur();
  }
  expect(await axeViolations(page), 'guided start, triggers').toEqual([]);
  await page.screenshot({ path: 'target/screenshots/start-triggers.png', fullPage: true });
  await page.getByRole('button', { name: 'Next' }).click();
  await add(page, 'Add a kit: where is it kept?', 'Backpack');
  await page.getByRole('button', { name: 'Next' }).click();
  // The recovery date, optional.
  await expect(page.getByRole('heading', { level: 1, name: 'When did your recovery begin?' })).toBeFocused();
  await page.locator('#start-date').fill('2026-11-01');
  await page.locator('#start-date').blur();
  expect(await axeViolations(page), 'guided start, recovery date').toEqual([]);
  await page.screenshot({ path: 'target/screenshots/start-recovery-date.png', fullPage: true });
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your safety net has started' })).toBeVisible();
  const d = await stored(page);
  expect(d.settings.guided_start).toBe('done');
  expect(d.reviews).toEqual(['2026-11-23']);
  expect(d.people.map((p) => p.name)).toEqual(['Sam', 'Maya', 'Jo']);
  expect(d.people[0].call_in_crisis).toBe(true);
  expect(d.people[0].crisis_message).toBe('Bad night. Can you call me?');
  expect(d.recovery.start_date).toBe('2026-11-01');
  expect(d.relapse.triggers.map((t) => t.text)).toEqual(['Hungry', 'Lonely', 'Tired']);
  expect(d.relapse.coping.map((c) => [c.text, d.relapse.triggers.find((t) => t.id === c.trigger_ids[0]).text]))
    .toEqual([['Eat something', 'Hungry'], ['Call my sponsor', 'Lonely'], ['Rest before deciding', 'Tired']]);
  expect(d.naloxone_kits.map((k) => k.location)).toEqual(['Backpack']);
  await page.getByRole('link', { name: 'See my plan' }).click();
  for (const pillar of ['Support people', 'Relapse prevention']) {
    await expect(page.getByRole('link', { name: new RegExp(pillar) })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: /^Support people.*In place/ })).toBeVisible();
  await app.open('/');
  await expect(page.getByTestId('guided-offer')).toHaveCount(0);
});

test('an empty "If I slip" takes all the suggested steps in one tap, each then editable', async ({ app, page }) => {
  await app.open('/plan/slip');
  await page.getByRole('button', { name: 'Add all of these' }).click();
  await expect.poll(async () => (await stored(page)).slip_steps.map((s) => s.text)).toEqual([
    'Contact my sponsor the same day', 'Tell my doctor or prescriber', 'Go to an extra meeting', "Don't use alone",
    'Carry naloxone: my tolerance is lower now', 'Be kind to myself: one slip does not erase my recovery',
  ]);
  await page.getByLabel('Step', { exact: true }).nth(3).fill("Don't use alone: call Never Use Alone, 1-800-484-3731");
  await page.getByLabel('Step', { exact: true }).nth(3).blur();
  await expect.poll(async () => (await stored(page)).slip_steps[3].text).toBe("Don't use alone: call Never Use Alone, 1-800-484-3731");
});

test('the guided start can be put off from Today, or left half way', async ({ app, page }) => {
  await app.open('/');
  await page.getByTestId('guided-offer').getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByTestId('guided-offer')).toHaveCount(0);
  expect((await stored(page)).settings.guided_start).toBe('skipped');
  await page.reload();
  await expect(page.getByTestId('guided-offer')).toHaveCount(0);
  // Started again from the plan, and left half way: what was added stays.
  await app.open('/start');
  await add(page, 'Add a person: their name', 'Sam');
  await page.getByRole('button', { name: 'Skip the guide for now' }).click();
  await expect(page).toHaveURL(/\/plan$/);
  expect((await stored(page)).people.map((p) => p.name)).toEqual(['Sam']);
});

test('strength of the net and the review rhythm with a fixed clock', async ({ app, page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00') });
  await app.open('/plan');
  await expect(page.getByTestId('next')).toContainText('Add three people you can call');
  await expect(page.getByRole('link', { name: /^Support people.*Not started/ })).toBeVisible();
  await seed(page);
  await app.open('/');
  await expect(page.getByTestId('review-due')).toContainText('Time to review your plan');
  await app.open('/plan');
  await expect(page.getByRole('link', { name: /^Support people.*Started/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^My loved ones.*In place/ })).toBeVisible();
  await page.getByTestId('review').getByRole('link', { name: 'Review my plan' }).click();
  for (let i = 1; i < 8; i += 1) {
    await expect(page.getByText(`Review ${i} of 8`)).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'My loved ones' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reviewed on Monday, November 23' })).toContainText('Your next review is on Wednesday, December 23.');
  expect((await stored(page)).reviews).toEqual(['2026-11-23']);
  await app.open('/');
  await expect(page.getByTestId('review-due')).toHaveCount(0);
  await page.clock.setSystemTime(new Date('2026-12-22T09:00:00'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('review-due')).toHaveCount(0);
  await page.clock.setSystemTime(new Date('2026-12-23T09:00:00'));
  await page.reload();
  await expect(page.getByTestId('review-due')).toContainText('Last reviewed Monday, November 23.');
  // A shorter rhythm, chosen in Settings.
  await page.clock.setSystemTime(new Date('2026-11-30T09:00:00'));
  await app.open('/settings');
  await page.getByLabel('Every how many days').fill('7');
  await page.getByLabel('Every how many days').blur();
  await expect.poll(async () => (await stored(page)).settings.review_every_days).toBe(7);
  await app.open('/');
  await expect(page.getByTestId('review-due')).toBeVisible();
});

test('print: the whole plan on Letter and A4 pages, and a wallet card at credit-card size', async ({ app, page }) => {
  await seed(page);
  await page.addInitScript(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await app.open('/plan/print');
  await page.getByRole('button', { name: 'Print my plan' }).click();
  await expect.poll(() => page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByTestId('card-front')).toBeHidden();
  const printout = page.locator('.printout');
  for (const text of ['Sam, Sponsor, 555 010 2030, call in a crisis', '1. Call Sam', 'Kitchen drawer', '988']) {
    await expect(printout).toContainText(text);
  }
  // Private parts are not printed unless ticked: not the dealer, not the medication.
  await expect(printout).not.toContainText('Old dealer Mike');
  await expect(printout).not.toContainText('Suboxone');
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('My medication and care (private)').check();
  await page.emulateMedia({ media: 'print' });
  await expect(printout).toContainText('Suboxone, 8 mg, Every morning, prescriber: Dr. Lee, pharmacy: Main Street, next refill Tuesday, December 1, 2026');
  await expect(printout).toContainText('Dr. Park, Wednesday, December 2, 2026, 9:30 am, Riverside Clinic');
  await expect(printout).not.toContainText('Old dealer Mike');
  for (const [format, width, height] of [['Letter', 816, 1056], ['A4', 794, 1123]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `target/screenshots/print-plan-${format}.png`, fullPage: true });
    const pdf = await page.pdf({ format, path: `target/screenshots/plan-${format}.pdf` });
    expect(pdf.subarray(0, 5).toString(), format).toBe('%PDF-');
  }
  await page.emulateMedia({ media: 'screen' });
  // The card names its owner and, if they choose, their medication for OUD.
  await page.getByLabel('My first name, for the card').fill('Jordan');
  await page.getByLabel('My first name, for the card').blur();
  await expect(page.getByTestId('card-front')).not.toContainText('I take');
  await page.getByLabel(/Show my medication for opioid use disorder on the card/).check();
  await page.getByRole('button', { name: 'Print a wallet card' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(printout).toBeHidden();
  const front = page.getByTestId('card-front');
  await expect(front).toContainText('In an emergency call 911');
  await expect(front).toContainText('Sam: 555 010 2030');
  await expect(front).toContainText('My name: Jordan');
  await expect(front).toContainText('I take: Buprenorphine with naloxone: Suboxone, 8 mg');
  await expect(front).toContainText('Naloxone: Kitchen drawer');
  await expect(page.getByTestId('card-back')).toContainText('Walk round the block');
  await expect(page.getByTestId('card-back')).toContainText('SAMHSA Helpline: 1-800-662-4357');
  await expect(page.getByTestId('card-back')).toContainText('US numbers. Elsewhere, call your local emergency number.');
  const box = await front.boundingBox();
  // 85.6 × 54 mm at 96 px per inch.
  expect(Math.round(box.width)).toBe(Math.round((85.6 / 25.4) * 96));
  expect(Math.round(box.height)).toBe(Math.round((54 / 25.4) * 96));
  await page.locator('.wallet').screenshot({ path: 'target/screenshots/print-wallet-card.png' });
});

test('share: exactly the chosen sections, through the share sheet, copy or a file; private ones only when chosen', async ({ app, page, context }) => {
  await seed(page);
  await page.addInitScript(() => { navigator.share = (data) => { window.__shared = data; return Promise.resolve(); }; });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open('/plan/share');
  await expect(page.getByRole('checkbox', { name: 'People and places I keep my distance from (private)' })).not.toBeChecked();
  await expect(page.getByTestId('share-text')).not.toContainText('Old dealer Mike');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: 'My warning signs' }).check();
  await page.getByRole('checkbox', { name: 'If I slip' }).check();
  const expected = 'From my recovery safety net\n\nMy warning signs\n- Isolating\n\nIf I slip\n1. Tell my doctor\n';
  await expect(page.getByTestId('share-text')).toHaveText(expected);
  await page.getByRole('button', { name: 'Share…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'share sheet' })).toBeVisible();
  expect(await page.evaluate(() => window.__shared.text)).toBe(expected);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Copied. Paste it into a message.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await page.getByRole('checkbox', { name: 'People and places I keep my distance from (private)' }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as a text file' }).click()]);
  const file = (await readFile(await download.path())).toString();
  expect(file).toBe(`${expected}\nPeople and places I keep my distance from\n- Old dealer Mike\n`);
});

const PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

test('markup typed into every text field of the plan stays text, everywhere it is shown', async ({ app, page }) => {
  const pillars = ['people', 'crisis', 'relapse', 'care', 'slip', 'therapy', 'goals', 'loved-ones'];
  for (const slug of pillars) {
    await app.open(`/plan/${slug}`);
    for (const form of await page.locator('form.add').all()) {
      await form.getByRole('textbox').fill(PAYLOAD);
      await form.getByRole('button', { name: 'Add' }).click();
    }
    const fields = page.locator('main .record input[type="text"], main .record input[type="tel"], main .record textarea, main .letter textarea');
    const n = await fields.count();
    expect(n, slug).toBeGreaterThan(0);
    for (let i = 0; i < n; i += 1) {
      await fields.nth(i).fill(PAYLOAD);
      await fields.nth(i).blur();
    }
    await app.expectSaved();
    for (let i = 0; i < n; i += 1) await expect(fields.nth(i)).toHaveValue(PAYLOAD);
  }
  const raw = await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY);
  expect(raw.split('<img src=x').length - 1, 'stored as typed').toBeGreaterThan(30);
  for (const path of ['/plan', ...pillars.map((s) => `/plan/${s}`), '/plan/print', '/plan/share', '/', '/help']) {
    await app.open(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.locator('main img, main script').count(), path).toBe(0);
    expect(await page.evaluate(() => window.__xss), path).toBeUndefined();
  }
  await expect(page.getByRole('main')).toContainText(PAYLOAD);
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on every plan screen at 320 px (${scheme})`, async ({ app, page }) => {
    await page.setViewportSize({ width: 320, height: 740 });
    await page.emulateMedia({ colorScheme: scheme });
    await seed(page);
    const screens = ['/plan', '/plan/people', '/plan/crisis', '/plan/relapse', '/plan/care', '/plan/slip', '/plan/therapy', '/plan/goals', '/plan/loved-ones', '/plan/review', '/plan/print', '/plan/share', '/start'];
    for (const path of screens) {
      await app.open(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await axeViolations(page), path).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at 320 px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `target/screenshots/plan${path.replace(/\//g, '-')}-${scheme}.png`, fullPage: true });
    }
  });
}
