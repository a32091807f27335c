// Screenshots of every screen at 360 px in light and dark (target/screenshots/), for people
// to look at; and the assertion a screenshot can't make: nothing is wider than the screen.
import { test, expect } from './fixtures.js';

const SCREENS = [
  ['today-empty', '/', 'Today'],
  ['plan', '/plan', 'My plan'],
  ['help', '/help', 'Get help now'],
  ['settings', '/settings', 'Settings'],
  ['not-found', '/no-such-page', "This page isn't here"],
];

for (const scheme of ['light', 'dark']) {
  test(`every screen fits 320 and 360 px wide (${scheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 740 });
      for (const [name, path, heading] of SCREENS) {
        await app.open(path);
        await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
        if (width === 360) await page.screenshot({ path: `target/screenshots/${name}-${scheme}.png`, fullPage: true });
      }
    }
    // The plain overdose-steps page.
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 740 });
      await page.goto('/naloxone.html');
      await expect(page.getByRole('heading', { name: 'Someone may be overdosing', level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `naloxone.html at ${width}px`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: `target/screenshots/naloxone-static-${scheme}.png`, fullPage: true });
    // With something in it, and the recovery screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await app.open('/plan');
    await app.addReason('Be there for Maya');
    await app.addReason('Keep my job at the garage');
    await page.screenshot({ path: `target/screenshots/plan-filled-${scheme}.png`, fullPage: true });
    await app.open('/');
    await page.screenshot({ path: `target/screenshots/today-${scheme}.png`, fullPage: true });
    await page.evaluate(() => localStorage.setItem('safety-net:plan', '{"app":"safety-net","vers'));
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your saved plan could not be opened' })).toBeVisible();
    await page.screenshot({ path: `target/screenshots/recovery-${scheme}.png`, fullPage: true });
  });
}
