// Everyday use that feels right (issue #15): where the naloxone is, the overdose steps on
// one screen, Today's week ahead, an answer on a bad day, private things kept out of print,
// milestones for every streak, short lists, onboarding in order, and the small things.
import { test, expect, axeViolations, PLAN_KEY } from './fixtures.js';

test.use({ timezoneId: 'America/New_York' });

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
