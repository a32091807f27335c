// A new deploy: the service worker notices, the page offers "A new version … Reload" and
// does not swap silently; once no window runs the old version, its cache is deleted.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.js';

const PORT = 4179;
// The second test's server (the tests of this file may run side by side).
const PORT2 = 4180;
test.use({ allowedOrigins: [`http://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT2}`] });

test('a new version is offered, not swapped in silently, and old caches are deleted', async ({ app, page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'safety-net-update-'));
  await cp('dist', dir, { recursive: true });
  const server = spawn('node', ['scripts/serve.mjs', dir, String(PORT)], { stdio: 'pipe' });
  try {
    await new Promise((resolve) => server.stdout.once('data', resolve));
    const origin = `http://127.0.0.1:${PORT}`;
    await app.open(`${origin}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const oldCaches = await page.evaluate(() => caches.keys());
    expect(oldCaches).toHaveLength(1);
    await expect(page.locator('#update-banner')).toBeHidden();

    // Deploy a new build: same files, new stamp.
    const swPath = join(dir, 'sw.js');
    const sw = await readFile(swPath, 'utf8');
    await writeFile(swPath, sw.replace(/const BUILD = '([0-9a-f]+)'/, "const BUILD = 'feedfacefeedface'"));

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Safety Net is ready.' });
    await expect(banner).toBeVisible();
    // Still the old version until the person chooses.
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(oldCaches));

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['safety-net-feedfacefeedface']);
    await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  } finally {
    server.kill();
  }
});

test('a tab still on the old version keeps working, offline too, after another tab takes the new one', async ({ context }) => {
  const dir = await mkdtemp(join(tmpdir(), 'safety-net-update-'));
  await cp('dist', dir, { recursive: true });
  const server = spawn('node', ['scripts/serve.mjs', dir, String(PORT2)], { stdio: 'pipe' });
  try {
    await new Promise((resolve) => server.stdout.once('data', resolve));
    const origin = `http://127.0.0.1:${PORT2}`;
    const errors = [];
    const open = async () => {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${origin}/`);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
      await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
      return page;
    };
    const a = await open();
    const b = await open();
    const [oldCache] = await a.evaluate(() => caches.keys());

    // Deploy a new build: a new stamp, and the build's files in a new directory (the old
    // one is gone from the host, as after a real deploy).
    const [build] = await readdir(join(dir, 'pkg'));
    const next = 'feedfacefeedface';
    await rename(join(dir, 'pkg', build), join(dir, 'pkg', next));
    for (const f of ['index.html', 'sw.js']) {
      const text = await readFile(join(dir, f), 'utf8');
      await writeFile(join(dir, f), text.replaceAll(build, next).replace(/const BUILD = '([0-9a-f]+)'/, `const BUILD = '${next}'`));
    }
    await a.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = (p) => p.getByRole('status').filter({ hasText: 'A new version of Safety Net is ready.' });
    await expect(banner(a)).toBeVisible();
    await expect(banner(b)).toBeVisible();

    // Tab A takes it; tab B, still on the old version, keeps the old build's cache.
    await Promise.all([a.waitForEvent('load'), banner(a).getByRole('button', { name: 'Reload' }).click()]);
    await expect(a.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
    await expect.poll(() => a.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([oldCache, `safety-net-${next}`]));
    // A window opened now (from the home screen, say) runs the new version; the old
    // build's cache stays for tab B all the same.
    await a.close();
    const c = await context.newPage();
    c.on('pageerror', (e) => errors.push(e.message));
    await c.goto(`${origin}/`);
    await expect(c.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
    await c.waitForTimeout(1500);
    expect(await c.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([oldCache, `safety-net-${next}`]));

    // Offline, tab B opens a screen it has not loaded yet: its chunk comes from its own
    // build's cache, and the screen works. (The browser's HTTP cache is emptied first, as
    // a phone short of space may have done: only the service worker's cache is left.)
    await (await context.newCDPSession(b)).send('Network.clearBrowserCache');
    await context.setOffline(true);
    await b.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await expect(b.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    // Its Reload takes the version already there.
    await Promise.all([b.waitForEvent('load'), banner(b).getByRole('button', { name: 'Reload' }).click()]);
    await expect(b.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    expect(await b.evaluate(() => document.querySelector('script[src*="/pkg/"], link[href*="/pkg/"]')?.outerHTML)).toContain(next);

    // No window runs the old build any more: its cache goes.
    await expect.poll(() => b.evaluate(() => caches.keys())).toEqual([`safety-net-${next}`]);
    expect(errors).toEqual([]);
  } finally {
    await context.setOffline(false);
    server.kill();
  }
});
