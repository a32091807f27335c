// The first screen paints before the WebAssembly (issue #18): index.html carries Today's
// header, welcome and navigation in the app's own markup. These tests fail when the shell
// and what the app draws drift apart, and check that the swap moves nothing on screen.
import { test, expect, PLAN_KEY } from './fixtures.js';

test.use({ viewport: { width: 360, height: 740 } });

// The parts of the page both draw, as comparable text: tags, classes, links and words
// (the app's comment markers, ids, test ids and hidden extras left out). Runs in the page:
// from the shell in index.html as served (`which` = 'shell'), or from what the app drew.
async function parts(which) {
  let root = document.body;
  if (which === 'shell' || which === 'shell-es') {
    const html = await (await fetch('/', { cache: 'no-store' })).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    root = which === 'shell' ? doc.getElementById('boot') : doc.getElementById('boot-es').content.getElementById('boot');
  }
  const clean = (el) => {
    // Attributes in one order (the build's minifier sorts them), without ids and test ids.
    const kept = [...el.attributes].filter((a) => !a.name.startsWith('data-') && a.name !== 'id')
      .map((a) => [a.name, a.value]).sort();
    for (const a of [...el.attributes]) el.removeAttribute(a.name);
    for (const [n, v] of kept) el.setAttribute(n, v);
    for (const k of [...el.childNodes]) {
      if (k.nodeType === Node.COMMENT_NODE) k.remove();
      else if (k.nodeType === Node.ELEMENT_NODE) clean(k);
    }
  };
  const norm = (el) => {
    if (!el) return null;
    const c = el.cloneNode(true);
    c.querySelectorAll('[hidden], .sr-only, .dose-strip, button').forEach((x) => x.remove());
    clean(c);
    c.classList.remove('shell-new');
    return c.outerHTML.replace(/>\s+</g, '><').replace(/\s+/g, ' ');
  };
  return {
    skip: norm(root.querySelector('a.skip')),
    header: norm(root.querySelector('header.top')),
    h1: norm(root.querySelector('main h1')),
    welcome: norm(root.querySelector('section.welcome')),
    nav: norm(root.querySelector('nav.bottom')),
  };
}

test('the shell in index.html is what the app draws: header, Get help, the welcome, the navigation', async ({ app, page }) => {
  await app.open('/');
  await expect(page.getByTestId('guided-offer')).toBeVisible();
  const shell = await page.evaluate(parts, 'shell');
  const drawn = await page.evaluate(parts, 'app');
  for (const k of Object.keys(drawn)) expect(shell[k], k).not.toBeNull();
  expect(shell).toEqual(drawn);
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-US' });

  test('the Spanish shell in index.html is what the app draws in Spanish', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByTestId('guided-offer')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    const shell = await page.evaluate(parts, 'shell-es');
    const drawn = await page.evaluate(parts, 'app');
    for (const k of Object.keys(drawn)) expect(shell[k], k).not.toBeNull();
    expect(shell).toEqual(drawn);
  });

  test('before the app, a Spanish reader sees the Spanish shell; if the app cannot start, the Spanish steps', async ({ page }) => {
    await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { name: 'Hoy', level: 1 })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Pedir ayuda' })).toBeVisible();
    await expect(page.getByText('Safety Net no pudo abrirse en este navegador.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Emergencia: llame al 911' })).toHaveAttribute('href', 'tel:911');
    await page.screenshot({ path: 'target/screenshots/es-cannot-start-360.png' });
    await page.getByRole('link', { name: 'Alguien podría estar teniendo una sobredosis: qué hacer' }).click();
    await expect(page).toHaveURL(/naloxone-es\.html$/);
    await expect(page.getByRole('heading', { name: 'Alguien podría estar teniendo una sobredosis', level: 1 })).toBeVisible();
  });
});

test('before the app: the shell alone shows Today, Get help, 911 and the overdose steps; a returning person sees a calm placeholder', async ({ page, context }) => {
  // The WebAssembly never arrives: what the shell paints is what a person sees meanwhile.
  await context.route(/\/pkg\//, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Get help' })).toHaveAttribute('href', '/help');
  await expect(page.getByRole('heading', { name: 'Welcome to your safety net' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start my safety net' })).toHaveAttribute('href', '/start');
  await expect(page.getByRole('link', { name: 'Emergency: call 911' })).toHaveAttribute('href', 'tel:911');
  await expect(page.getByRole('link', { name: 'Someone may be overdosing: what to do' })).toHaveAttribute('href', '/naloxone.html');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Today', 'My plan', 'Meetings', 'Settings']);
  await page.screenshot({ path: 'target/screenshots/shell-first-visit.png' });
  // A returning person: the same header and navigation, and a placeholder, not the welcome.
  await page.evaluate((k) => localStorage.setItem(k, '{}'), PLAN_KEY);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to your safety net' })).toBeHidden();
  await expect(page.getByText('Opening your plan…')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Emergency: call 911' })).toBeVisible();
  await page.screenshot({ path: 'target/screenshots/shell-returning.png' });
});

test('the swap from the shell to the app moves nothing: no layout shift, the heading and navigation where they were', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__shifts.push(e.value); }))
      .observe({ type: 'layout-shift', buffered: true });
  });
  // The WebAssembly arrives a little late, as on a slow phone: the shell is measured first.
  // (boot.js too: the module itself is fetched by a worker, which routes may not see.)
  await page.route(/(boot\.js|app_bg\.wasm)$/, async (route) => { await new Promise((r) => setTimeout(r, 800)); await route.continue(); });
  await page.goto('/');
  await expect(page.locator('#boot')).toHaveCount(1);
  const before = await page.evaluate(() => ['main h1', 'header.top .get-help', 'nav.bottom'].map((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  }));
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByTestId('guided-offer')).toBeVisible();
  const after = await page.evaluate(() => ['main h1', 'header.top .get-help', 'nav.bottom'].map((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  }));
  expect(after).toEqual(before);
  await page.waitForTimeout(300);
  const cls = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
  expect(cls).toBeLessThan(0.001);
});

test('the module is compiled in a worker; where there is no worker, the page compiles it and the app starts all the same', async ({ browser }) => {
  for (const worker of [true, false]) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript((withWorker) => {
      window.__seen = { workers: [], module: false, streamed: false };
      if (withWorker) {
        const W = window.Worker;
        window.Worker = class extends W {
          constructor(url, options) { super(url, options); window.__seen.workers.push(String(url)); }
        };
      } else {
        delete window.Worker;
      }
      const plain = WebAssembly.instantiate;
      WebAssembly.instantiate = (...a) => { if (a[0] instanceof WebAssembly.Module) window.__seen.module = true; return plain.apply(WebAssembly, a); };
      const streaming = WebAssembly.instantiateStreaming;
      WebAssembly.instantiateStreaming = (...a) => { window.__seen.streamed = true; return streaming.apply(WebAssembly, a); };
    }, worker);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByTestId('guided-offer')).toBeVisible();
    const seen = await page.evaluate(() => window.__seen);
    if (worker) {
      expect(seen.workers.some((u) => u.endsWith('/compile.js'))).toBe(true);
      expect(seen).toMatchObject({ module: true, streamed: false });
    } else {
      expect(seen).toMatchObject({ module: false, streamed: true });
    }
    expect(errors).toEqual([]);
    await context.close();
  }
});
