// Every field of every record editor, through the screens: a record is added in each list,
// every field of it is typed into, and each value is then found in localStorage under the
// field's own name (data-field) — so a field that wrote somewhere else would be caught.
import { test, expect, PLAN_KEY } from './fixtures.js';

test.use({ timezoneId: 'America/New_York' });

/** Every object in a JSON tree. */
function objects(v, out = []) {
  if (Array.isArray(v)) v.forEach((x) => objects(x, out));
  else if (v && typeof v === 'object') {
    out.push(v);
    Object.values(v).forEach((x) => objects(x, out));
  }
  return out;
}

/** Types a value into every field of the last record of `scope`; returns what to expect stored. */
async function fillEveryField(page, scope, tag) {
  const expected = [];
  const fields = scope.locator('[data-field]');
  const n = await fields.count();
  for (let i = 0; i < n; i += 1) {
    const el = fields.nth(i);
    if (!(await el.isVisible())) continue;
    const key = await el.getAttribute('data-field');
    const tagName = await el.evaluate((e) => e.tagName);
    const type = await el.getAttribute('type');
    if (tagName === 'P') continue; // a note about the record, not a field
    if (tagName === 'FIELDSET') {
      await el.getByRole('checkbox').first().check();
      expected.push([key, 'a link']);
    } else if (tagName === 'SELECT') {
      const value = await el.locator('option').last().getAttribute('value');
      await el.selectOption(value);
      expected.push([key, value]);
    } else if (type === 'checkbox') {
      await el.check();
      expected.push([key, true]);
    } else {
      const [typed, stored] = {
        sleep_minutes: ['7.5', 450],
        review_every_days: ['14', 14],
      }[key] ?? {
        date: ['2026-11-20', '2026-11-20'],
        'datetime-local': ['2026-12-03T09:30', '2026-12-03T09:30:00'],
        time: ['19:30', '19:30:00'],
        number: ['5', 5],
      }[type] ?? [`${tag} ${key}`, `${tag} ${key}`];
      await el.fill(typed);
      await el.blur();
      expected.push([key, stored]);
    }
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  }
  return expected;
}

async function expectStored(page, expected, where) {
  const data = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY)).data;
  const all = objects(data);
  for (const [key, value] of expected) {
    if (key === 'attended_on') {
      expect(data.meetings.attendance.some((a) => a.date === value), `${where}: attended on ${value}`).toBe(true);
      continue;
    }
    if (key === 'attended') {
      expect(data.meetings.attendance.length, `${where}: attended`).toBeGreaterThan(0);
      continue;
    }
    // A choice is stored as its word, or (mood) as its number.
    const found = all.some((o) => (value === 'a link'
      ? Array.isArray(o[key]) && o[key].length > 0
      : o[key] !== undefined && String(o[key]) === String(value)));
    expect(found, `${where}: ${key} = ${JSON.stringify(value)} is stored`).toBe(true);
  }
  return expected.length;
}

const LIST_SCREENS = ['/plan/people', '/plan/crisis', '/plan/relapse', '/plan/care', '/plan/slip', '/plan/therapy', '/plan/goals', '/meetings', '/meetings/find', '/recovery'];

test('every field of every list is typed in and found in storage under its own name', async ({ app, page }) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2026-11-23T10:00:00-05:00') });
  let total = 0;
  for (const path of LIST_SCREENS) {
    await app.open(path);
    const sections = page.locator('section.card').filter({ has: page.locator('form.add:not([hidden])') });
    const count = await sections.count();
    for (let s = 0; s < count; s += 1) {
      const section = sections.nth(s);
      const id = await section.getAttribute('id');
      const add = section.locator('form.add input');
      await add.fill(`New ${id}`);
      await add.press('Enter');
      const record = section.locator('li.record').last();
      await expect(record).toBeVisible();
      total += await expectStored(page, await fillEveryField(page, record, id), `${path}#${id}`);
    }
  }
  // The forms of one part of the plan: the letter to loved ones, the check-in, the review rhythm.
  for (const path of ['/plan/loved-ones', '/checkin', '/settings']) {
    await app.open(path);
    const scope = page.getByRole('main');
    total += await expectStored(page, await fillEveryField(page, scope, path), path);
  }
  expect(total, 'fields typed into').toBeGreaterThan(80);
});
