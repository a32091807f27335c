// Screenshots of every screen at 360 px in light and dark (target/screenshots/), for people
// to look at; and the assertion a screenshot can't make: nothing is wider than the screen.
import { test, expect, brokenWords, headerInOneRow, navigationOnScreen, openRecords, choicesShownWhole, everyChoiceShownWhole } from './fixtures.js';

const SCREENS = [
  ['today-empty', '/', 'Today'],
  ['plan', '/plan', 'My plan'],
  ['help', '/help', 'Get help now'],
  ['overdose', '/overdose', 'Someone may be overdosing'],
  ['settings', '/settings', 'Settings'],
  ['my-recovery', '/recovery', 'My recovery'],
  ['checkin', '/checkin', 'Check in'],
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
    // The plain overdose-steps pages, English and Spanish.
    for (const [file, heading] of [['naloxone.html', 'Someone may be overdosing'], ['naloxone-es.html', 'Alguien podría estar teniendo una sobredosis']]) {
      for (const width of [320, 360]) {
        await page.setViewportSize({ width, height: 740 });
        await page.goto(`/${file}`);
        await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${file} at ${width}px`).toBeLessThanOrEqual(0);
      }
      await page.screenshot({ path: `target/screenshots/${file.replace('.html', '')}-static-${scheme}.png`, fullPage: true });
    }
    // With something in it, and the recovery screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await app.open('/plan/relapse');
    await app.addReason('Be there for Maya');
    await app.addReason('Keep my job at the garage');
    await page.screenshot({ path: `target/screenshots/plan-filled-${scheme}.png`, fullPage: true });
    await app.open('/plan/crisis');
    await page.getByLabel('Add a kit: where is it kept?').fill('Kitchen drawer');
    await page.getByRole('region', { name: 'Naloxone kits' }).getByRole('button', { name: 'Add' }).click();
    await page.getByLabel('Expiration date (on the box)').fill('2020-01-31');
    await page.getByLabel('Expiration date (on the box)').blur();
    await app.expectSaved();
    await page.getByRole('region', { name: 'Naloxone kits' }).screenshot({ path: `target/screenshots/kits-${scheme}.png` });
    await app.open('/');
    await expect(page.getByTestId('kit-notice')).toBeVisible();
    await page.screenshot({ path: `target/screenshots/today-${scheme}.png`, fullPage: true });
    await app.open('/overdose');
    await page.getByRole('button', { name: 'I gave a dose of naloxone' }).click();
    await page.screenshot({ path: `target/screenshots/overdose-timer-${scheme}.png` });
    await page.getByRole('button', { name: 'All steps' }).click();
    await page.screenshot({ path: `target/screenshots/overdose-all-${scheme}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Stop the timer' }).click();
    await app.open('/');
    await page.evaluate(() => localStorage.setItem('safety-net:plan', '{"app":"safety-net","vers'));
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your saved plan could not be opened' })).toBeVisible();
    await page.screenshot({ path: `target/screenshots/recovery-${scheme}.png`, fullPage: true });
  });
}

test('at 200% text size every screen still fits 360 px and nothing is cut off (and nothing runs off at 320 or 280 px, or with 200% page zoom)', async ({ app, page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [name, path, heading] of SCREENS) {
    await app.open(path);
    // The browser's text-size setting scales the root font size.
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at 200% text`).toBeLessThanOrEqual(0);
    // No word is broken across lines (a line may break only between words or at a hyphen).
    const broken = await brokenWords(page);
    expect(broken, `${name}: words broken across lines at 200% text`).toEqual([]);
    // Every text field stays wide enough to type in.
    const narrow = await page.evaluate(() => [...document.querySelectorAll('input[type=text]')]
      .filter((el) => el.getClientRects().length && el.getBoundingClientRect().width < 150)
      .map((el) => el.getAttribute('aria-label') || el.id));
    expect(narrow, `${name}: text fields too narrow`).toEqual([]);
    await page.screenshot({ path: `target/screenshots/${name}-text-200.png`, fullPage: true });
    // Narrower phones: nothing wider than the screen (a time field, a checkbox's words
    // beside it, a pillar's name ran off it).
    // And a phone's page zoom (Chrome on Android's accessibility zoom), which makes the page
    // itself narrower: 200% on 360 px is a 180 px page at 100% text.
    for (const [width, text] of [[320, '200%'], [280, '200%'], [180, '100%']]) {
      await page.evaluate((s) => { document.documentElement.style.fontSize = s; }, text);
      await page.setViewportSize({ width, height: 740 });
      const off = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(off, `${name} at ${text} text on ${width} px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 360, height: 740 });
  }
});

// The header stays on screen as the page scrolls, so it must not take the screen: at 200% text
// it was two rows (the brand, then Get help) and with the navigation took 47% of 360 x 740.
test('the fixed header keeps one row; at 200% text it and the navigation leave two thirds of the screen', async ({ app, page }) => {
  await app.open('/help');
  const banner = page.getByRole('banner');
  const brand = banner.getByRole('link', { name: 'Safety Net' });
  const help = banner.getByRole('link', { name: 'Get help' });
  await expect(brand).toBeVisible();
  expect(await headerInOneRow(page), 'one row at 100%').toBe(true);
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  // No room for the brand beside Get help: it is left out (Today is in the navigation).
  await expect(brand).toBeHidden();
  await expect(help).toBeVisible();
  expect(await headerInOneRow(page), 'one row at 200%').toBe(true);
  const fixed = (await banner.boundingBox()).height
    + (await page.getByRole('navigation', { name: 'Main' }).boundingBox()).height;
  expect(fixed, 'header and navigation, px of 740').toBeLessThanOrEqual(740 / 3);
  // Scrolled to the end, Get help is still one tap away.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(help).toBeInViewport();
  await page.screenshot({ path: 'target/screenshots/help-header-text-200.png' });
});

// With large text the four navigation links did not fit one row and the bar scrolled
// sideways: at 125% on 360 px "Settings" was cut off, at 200% "Meetings" and "Settings" were
// out of sight until swiped. Now they are two rows of two, all on screen, no taller than the
// one row was at 200%.
// And at 300% on 280 px Get help ran off the screen's left edge: the header's controls too
// stay on screen, in one row, at every size.
test('with large text Get help and every navigation link stay on screen; the links in two rows no taller than one was', async ({ app, page }) => {
  for (const width of [280, 320, 360, 412]) {
    await page.setViewportSize({ width, height: 740 });
    await app.open('/');
    for (const size of ['100%', '125%', '150%', '200%', '300%']) {
      await page.evaluate((s) => { document.documentElement.style.fontSize = s; }, size);
      const nav = await navigationOnScreen(page);
      const at = `${width} px, ${size} text`;
      expect(await headerInOneRow(page), `${at}: the header in one row, Get help wholly on screen`).toBe(true);
      expect(nav.onScreen, `${at}: every link wholly on screen`).toBe(true);
      expect(nav.pageEndAbove, `${at}: the page's end is above the bar`).toBe(true);
      expect(nav.lowest, `${at}: each link at least 44 px high`).toBeGreaterThanOrEqual(44);
      if (size === '100%' && width >= 360) expect(nav.rows, `${at}: one row`).toBe(1);
      expect(nav.rows, `${at}: at most two rows`).toBeLessThanOrEqual(2);
      if (size === '200%') {
        expect(nav.rows, `${at}: two rows`).toBe(2);
        // The one row it replaces was 3.5 rem high (112 px at 200%).
        expect(nav.height, `${at}: bar height`).toBeLessThanOrEqual(113);
        // The current page is marked by its own words, underlined: a bar along the top of
        // its cell would sit under the link above it.
        const mark = await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' })
          .evaluate((a) => `${getComputedStyle(a).textDecorationLine} ${getComputedStyle(a).boxShadow}`);
        expect(mark, `${at}: the current link's mark`).toBe('underline none');
      }
    }
  }
  // On Meetings, its link bold (the widest), at the largest text on a narrow screen.
  await page.setViewportSize({ width: 280, height: 740 });
  await app.open('/meetings');
  await page.evaluate(() => { document.documentElement.style.fontSize = '300%'; });
  const widest = await navigationOnScreen(page);
  expect(widest.onScreen && widest.pageEndAbove && widest.rows === 2, JSON.stringify(widest)).toBe(true);
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.screenshot({ path: 'target/screenshots/navigation-text-200.png' });
});

test('a choice shows all its words in its box: the medication kinds at 100%, and every choice of every list at 200%, on 360 px', async ({ app, page }) => {
  test.slow();
  await page.setViewportSize({ width: 360, height: 740 });
  await app.open('/plan/care');
  const add = page.getByLabel('Add a medication: its name');
  await add.fill('Sublocade');
  await add.press('Enter');
  const section = page.locator('section.card').filter({ has: add });
  const kind = section.locator('li.record').last().getByLabel('Kind');
  await openRecords(page);
  for (const size of ['100%', '200%']) {
    await page.evaluate((s) => { document.documentElement.style.fontSize = s; }, size);
    expect((await choicesShownWhole(kind, `medication kind at ${size}`)).problems).toEqual([]);
  }
  await kind.selectOption({ label: 'Buprenorphine monthly injection (e.g. Sublocade)' });
  await kind.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'target/screenshots/choice-text-200.png' });
  const every = await everyChoiceShownWhole(page, (path) => app.open(path));
  expect(every.problems).toEqual([]);
  expect(every.seen, 'choices looked at').toBeGreaterThan(50);
});
