import { test, expect, PLAN_KEY } from './fixtures.js';

test('after one online visit the app opens offline, deep links included', async ({ app, page, context }) => {
  await app.open('/');
  // The worker is active once everything is precached; it then takes over this page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  // The app itself, not the start-up shell (which has the same heading).
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();

  for (const [path, heading] of [['/settings', 'Settings'], ['/plan', 'My plan'], ['/help', 'Get help now']]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }
  await page.goto('/meetings/find');
  await expect(page.locator('li.resource')).toHaveCount(9);
  await expect(page.getByRole('heading', { level: 3, name: 'SAMHSA National Helpline' })).toBeVisible();
  await page.goto('/recovery');
  await expect(page.getByRole('heading', { name: 'My recovery', level: 1 })).toBeVisible();
  // The plain overdose pages, English and Spanish, are precached too.
  await page.goto('/naloxone.html');
  await page.getByRole('link', { name: 'En español' }).click();
  await expect(page.getByRole('heading', { name: 'Alguien podría estar teniendo una sobredosis', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.goto('/plan/relapse');
  await app.addReason('Written while offline');
  expect(await app.storedReasons()).toEqual(['Written while offline']);
  await context.setOffline(false);
});

test('Today opens with no chunk; every other screen arrives with its chunk, online and offline', async ({ app, page, context }) => {
  const wasm = [];
  page.on('request', (r) => { if (/\.(wasm|pack)$/.test(r.url())) wasm.push(new URL(r.url()).pathname.split('/').pop()); });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  // The first load is the main module alone: Today, Get help and the overdose steps.
  expect(wasm.filter((f) => f !== 'app_bg.wasm'), 'chunks fetched for Today').toEqual([]);
  await page.getByRole('banner').getByRole('link', { name: 'Get help' }).click();
  await page.getByRole('link', { name: 'Someone may be overdosing: what to do' }).click();
  await expect(page.getByRole('heading', { name: 'Someone may be overdosing', level: 1 })).toBeVisible();
  expect(wasm.filter((f) => f !== 'app_bg.wasm'), 'chunks fetched for Get help and the overdose steps').toEqual([]);

  // Installed: the service worker has precached every chunk.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('safety-net-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname).filter((p) => /\.(wasm|pack)$/.test(p));
  });
  expect(cached.length, 'every chunk precached').toBeGreaterThan(10);
  expect(cached.filter((p) => /\/(split_plan_reader\.wasm|plan_reader\.pack)$/.test(p)), 'the plan’s reader precached').toHaveLength(2);

  await context.setOffline(true);
  const screens = [
    ['/plan', 'My plan'], ['/plan/people', 'Support people'], ['/plan/crisis', 'In a crisis'],
    ['/plan/relapse', 'Relapse prevention'], ['/plan/care', 'Medication and care'], ['/plan/slip', 'If I slip'],
    ['/plan/therapy', 'Therapy and counseling'], ['/plan/goals', 'Life goals'], ['/plan/loved-ones', 'My loved ones'],
    ['/plan/review', 'Support people'], ['/plan/print', 'Print or save as PDF'], ['/plan/share', 'Share with loved ones'],
    ['/meetings', 'Meetings'], ['/meetings/find', 'Finding support'], ['/recovery', 'My recovery'],
    ['/checkin', 'Check in'], ['/start', 'Three people you can call'], ['/settings', 'Settings'],
  ];
  for (const [path, heading] of screens) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 }), path).toBeVisible();
  }
  await context.setOffline(false);
});

test.describe('the plan’s reader', () => {
  // (Every fetch seen here, none answered by a service worker.)
  test.use({ serviceWorkers: 'block' });

  test('a first visit fetches it only once a plan is stored; a plan stored here waits for it, and when it cannot come the person is told, nothing is lost, and Try again opens the plan', async ({ app, page, context }) => {
    const wasm = [];
    page.on('request', (r) => { if (/\.(wasm|pack)$/.test(r.url())) wasm.push(new URL(r.url()).pathname.split('/').pop()); });
    // A first visit: Today, then a reason written (saved without the reader).
    await app.open('/');
    await app.open('/plan/relapse');
    expect(wasm, 'no plan stored: the reader is not fetched').not.toContain('split_plan_reader.wasm');
    // Once a plan is stored it is fetched, ahead of another tab's save.
    await app.addReason('Be there for Maya');
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('sn-reader').length)).toBe(1);
    const stored = await app.storedRaw();

    // Back later, and its chunk cannot be fetched (offline, not yet kept by a worker).
    await page.route(/split_plan_reader\.wasm$/, (route) => route.abort('internetdisconnected'));
    await page.goto('/plan/relapse');
    const alert = page.getByRole('alert').filter({ hasText: 'Safety Net could not finish opening' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Your plan is still saved on this device');
    const tries = wasm.filter((f) => f === 'split_plan_reader.wasm').length;
    expect(tries, 'a plan stored: the reader is fetched').toBeGreaterThan(0);
    await page.screenshot({ path: 'target/screenshots/reader-not-loaded.png' });
    await expect(app.reasonFields()).toHaveCount(0);
    // Help never waits for it.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Get help' })).toBeVisible();
    // Nothing is taken as damaged, put aside or written over.
    expect(await app.storedRaw()).toBe(stored);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('quarantine')))).toEqual([]);

    // Online again: Try again opens the plan where the person was.
    await page.unroute(/split_plan_reader\.wasm$/);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(app.reasonFields()).toHaveCount(1);
    await expect(app.reasonFields().first()).toHaveValue('Be there for Maya');
    await expect(alert).toHaveCount(0);
    await app.addReason('Call Dana');
    expect(await app.storedReasons()).toEqual(['Be there for Maya', 'Call Dana']);
    expect(wasm.filter((f) => f === 'split_plan_reader.wasm').length, 'fetched again').toBe(tries + 1);

    // The modules the reader shares with other screens are one file (plan_reader.pack),
    // fetched with the page when a plan is stored. When it cannot come: the same.
    const packs = () => wasm.filter((f) => f === 'plan_reader.pack').length;
    const before = packs();
    const kept = await app.storedRaw();
    await page.route(/plan_reader\.pack$/, (route) => route.abort('internetdisconnected'));
    await page.goto('/plan/relapse');
    await expect(alert).toBeVisible();
    // (With the page; then once more, by the screen that needs it too, not once a module.)
    expect(packs(), 'fetched with the page').toBeGreaterThan(before);
    expect(packs(), 'not once a module').toBeLessThanOrEqual(before + 2);
    await expect(app.reasonFields()).toHaveCount(0);
    expect(await app.storedRaw()).toBe(kept);
    await page.unroute(/plan_reader\.pack$/);
    const atRetry = packs();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(app.reasonFields()).toHaveCount(2);
    await expect(alert).toHaveCount(0);
    expect(packs(), 'fetched again, once').toBe(atRetry + 1);
    await app.addReason('Walk with Sam');
    expect(await app.storedReasons()).toEqual(['Be there for Maya', 'Call Dana', 'Walk with Sam']);
  });

  // Another tab saves: an empty frame of the app's origin writes, as another tab would.
  const saveInAnotherTab = (page, text) => page.evaluate(([k, text]) => {
    const other = document.createElement('iframe');
    document.body.append(other);
    const doc = JSON.parse(other.contentWindow.localStorage.getItem(k));
    doc.revision += 1;
    doc.data.relapse.reasons.push({ id: 'from-tab-b', text });
    other.contentWindow.localStorage.setItem(k, JSON.stringify(doc));
    other.remove();
  }, [PLAN_KEY, text]);

  test('a returning person’s page fetches the reader’s files once each, before the main module; Get help opened cold does not (the app asks for them once it is up)', async ({ app, page }) => {
    await app.open('/plan/relapse');
    await app.addReason('Be there for Maya');
    const files = [];
    page.on('request', (r) => { if (/\.(wasm|pack)$/.test(r.url())) files.push(new URL(r.url()).pathname.split('/').pop()); });
    await page.goto('/');
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('sn-reader').length)).toBe(1);
    await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
    const reader = ['plan_reader.pack', 'split_plan_reader.wasm'];
    expect(files).toContain('app_bg.wasm');
    for (const f of reader) expect(files.filter((x) => x === f), f).toHaveLength(1);
    // (Asked for by boot.js, before the main module.)
    expect(files.indexOf('plan_reader.pack'), files.join(' ')).toBeLessThan(files.indexOf('app_bg.wasm'));
    expect(files.indexOf('split_plan_reader.wasm'), files.join(' ')).toBeLessThan(files.indexOf('app_bg.wasm'));
    for (const path of ['/help', '/overdose']) {
      files.length = 0;
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      await expect.poll(() => files.includes('app_bg.wasm'), path).toBe(true);
      expect(files.slice(0, files.indexOf('app_bg.wasm')).filter((f) => reader.includes(f)), `${path}: none before the main module`).toEqual([]);
      // (Then, the app up, it asks for them: a tab's plan is read, for another tab's save.)
      await expect.poll(() => page.evaluate(() => performance.getEntriesByName('sn-reader').length), path).toBe(1);
    }
  });

  test('another tab saves on a first visit, and the reader cannot come: told, not offered to keep this version over that save; Try again shows it', async ({ app, page }) => {
    await page.route(/split_plan_reader\.wasm$/, (route) => route.abort('internetdisconnected'));
    await app.open('/plan/relapse');
    await app.addReason('Be there for Maya');
    await saveInAnotherTab(page, 'From tab B');
    const fromB = await app.storedRaw();
    const alert = page.getByRole('alert').filter({ hasText: 'Safety Net could not finish opening' });
    await expect(alert).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'also changed in another tab' })).toHaveCount(0);
    expect(await app.storedRaw(), 'the other tab’s save stays').toBe(fromB);
    await page.unroute(/split_plan_reader\.wasm$/);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(app.reasonFields()).toHaveCount(2);
    await expect(app.reasonFields().last()).toHaveValue('From tab B');
    expect(await app.storedRaw()).toBe(fromB);
  });

  // (The page's clock is Playwright's: the test moves it on a second at a time until the
  // person is told, and says how long that was on the page's clock.)
  const toldAfter = async (page, alert) => {
    const from = await page.evaluate(() => Date.now());
    await expect.poll(async () => {
      await page.clock.runFor(1_000);
      return alert.isVisible();
    }, { timeout: 30_000, intervals: [50] }).toBe(true);
    return (await page.evaluate(() => Date.now())) - from;
  };
  const aboutTenSeconds = (ms) => {
    expect(ms, 'told after about 10 s').toBeGreaterThanOrEqual(8_000);
    expect(ms, 'told after about 10 s').toBeLessThan(15_000);
  };

  test('a reader that never arrives: told after a while; Try again waits again, then fetches it anew (not "Opening" for ever, nor the same fetch for ever)', async ({ app, page }) => {
    await app.open('/plan/relapse');
    await app.addReason('Be there for Maya');
    // Fetches made while the network answers nothing are never answered, even once it
    // answers again (a connection that died on the way).
    let asked = 0;
    let answering = false;
    await page.route(/split_plan_reader\.wasm$/, (route) => {
      asked += 1;
      if (answering) route.continue();
    });
    await page.clock.install();
    await page.goto('/plan/relapse');
    const alert = page.getByRole('alert').filter({ hasText: 'Safety Net could not finish opening' });
    await expect(page.getByRole('banner').getByRole('link', { name: 'Get help' })).toBeVisible();
    await expect(alert).toHaveCount(0);
    aboutTenSeconds(await toldAfter(page, alert));
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(alert).toHaveCount(0);
    // The same fetch, still not ended, is waited for again; then told again.
    aboutTenSeconds(await toldAfter(page, alert));
    await expect(app.reasonFields()).toHaveCount(0);
    // (A fetch let go after 20 s is made again by a load still waiting: not a flood.)
    expect(asked, 'fetches so far').toBeLessThanOrEqual(2);
    // Each fetch that never ends is let go after 20 s (a load still waiting then fetches
    // it anew). The network answers again: the plan opens, by such a fetch or by Try again,
    // not waiting on a fetch that would never end.
    answering = true;
    await page.clock.runFor(30_000);
    await expect.poll(async () => {
      const retry = alert.getByRole('button', { name: 'Try again' });
      if (await retry.isVisible()) await retry.click({ timeout: 1_000 }).catch(() => {});
      return app.reasonFields().count();
    }).toBe(1);
    await expect(app.reasonFields().first()).toHaveValue('Be there for Maya');
    await expect(alert).toHaveCount(0);
  });

  test('another tab saves on a first visit, and the reader never arrives: told after a while, not left showing a plan that is no longer the one stored', async ({ app, page }) => {
    await page.route(/split_plan_reader\.wasm$/, () => { /* never answered */ });
    await page.clock.install();
    await app.open('/plan/relapse');
    await app.addReason('Be there for Maya');
    // (Heard after the app's own listener, which has then begun to wait.)
    await page.evaluate(() => addEventListener('storage', () => { window.heard = true; }));
    await saveInAnotherTab(page, 'From tab B');
    const fromB = await app.storedRaw();
    const alert = page.getByRole('alert').filter({ hasText: 'Safety Net could not finish opening' });
    await expect.poll(() => page.evaluate(() => window.heard === true)).toBe(true);
    await expect(alert).toHaveCount(0);
    await page.clock.runFor(10_000);
    // (At once: the page's clock is not moved on much further while it is looked for.)
    await expect(alert).toBeVisible({ timeout: 1_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'also changed in another tab' })).toHaveCount(0);
    expect(await app.storedRaw(), 'the other tab’s save stays').toBe(fromB);
  });

  test('another tab saves while the reader is still on its way, and the person edits meanwhile: nothing on screen is replaced, and they choose', async ({ app, page }) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    // (A first visit fetches the reader after its first save: it is held on the way.)
    await page.route(/split_plan_reader\.wasm$/, async (route) => { await held; await route.continue(); });
    await app.open('/plan/relapse');
    await app.addReason('Be there for Maya');
    await saveInAnotherTab(page, 'From tab B');
    const fromB = await app.storedRaw();
    // This tab, still waiting for the reader to read that save, is edited.
    const field = page.getByLabel('Add a reason');
    await field.fill('Call Dana');
    await page.locator('form', { has: field }).getByRole('button', { name: 'Add' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'also changed in another tab' });
    await expect(banner).toBeVisible();
    // The reader arrives: what is on screen stays, and so does the choice.
    release();
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('sn-reader').length)).toBe(1);
    await expect(app.reasonFields()).toHaveCount(2);
    await expect(app.reasonFields().last()).toHaveValue('Call Dana');
    await expect(banner).toBeVisible();
    expect(await app.storedRaw(), 'nothing written over the other save').toBe(fromB);
    await banner.getByRole('button', { name: 'Keep this version' }).click();
    await app.expectSaved();
    expect(await app.storedReasons()).toEqual(['Be there for Maya', 'Call Dana']);
  });
});
