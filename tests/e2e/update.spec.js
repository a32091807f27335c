// A new deploy: the service worker notices, the page offers "A new version … Reload" and
// does not swap silently; after Reload the new cache is the only one left.
import { spawn } from 'node:child_process';
import { cp, readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.js';

const PORT = 4179;
test.use({ allowedOrigins: [`http://127.0.0.1:${PORT}`] });

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
