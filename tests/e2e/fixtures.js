// Shared fixtures: every test records every request its pages make and fails if any goes
// to an origin other than the app's; and a small page object for the app.
import { test as base, expect } from '@playwright/test';
import { createRequire } from 'node:module';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe-core (WCAG 2.2 A and AA rules, plus best practices) on the page and returns the
 * violations as short readable lines. The page's CSP forbids injected scripts, so contexts
 * that use this set bypassCSP.
 */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export const PLAN_KEY = 'safety-net:plan';

/**
 * The words on screen broken across two lines (a line may break only between words or at a
 * hyphen; a web address may wrap): at 200% text there must be none.
 */
export async function brokenWords(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !el.getClientRects().length || el.closest('[hidden], noscript')) continue;
      for (const m of n.textContent.matchAll(/[^\s\-–]{2,}/g)) {
        if (/[./]/.test(m[0].slice(0, -1))) continue; // a web address may wrap
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    return out;
  });
}

/**
 * Whether the header is one row: no taller inside than its tallest control (a second row,
 * wrapped, would add to it), and every control in it wholly on screen, at least 44 px high
 * (Get help once ran off the screen's left edge, which no scrolling reaches). (A hidden
 * brand takes no room; a screen reader's text, one pixel wide, is not a control.)
 */
export async function headerInOneRow(page) {
  return page.getByRole('banner').evaluate((h) => {
    const cs = getComputedStyle(h);
    const inside = h.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
    const boxes = [...h.children]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 2 && r.height > 2);
    const heights = boxes.map((r) => r.height);
    const onScreen = boxes.every((r) => r.left >= -0.5 && r.right <= window.innerWidth + 0.5);
    const tall = [...h.querySelectorAll('a, button')].filter((c) => c.getClientRects().length)
      .every((c) => c.getBoundingClientRect().height >= 44);
    return heights.length > 0 && inside <= Math.max(...heights) + 2 && h.scrollWidth <= h.clientWidth
      && onScreen && tall;
  });
}

/**
 * Where the main navigation's links are: whether every one is wholly on screen (none
 * scrolled out of sight sideways, none under another), the bar's height, how many rows,
 * and whether the page's end is above it (the body's bottom padding at least the bar).
 */
export async function navigationOnScreen(page) {
  return page.getByRole('navigation', { name: /^(Main|Principal)$/ }).evaluate((nav) => {
    const links = [...nav.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
    const bar = nav.getBoundingClientRect();
    const whole = links.every((r) => r.left >= bar.left - 0.5 && r.right <= bar.right + 0.5
      && r.top >= bar.top - 0.5 && r.bottom <= bar.bottom + 0.5 && r.right <= window.innerWidth + 0.5);
    const apart = links.every((a, i) => links.every((b, j) => i === j
      || a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5));
    const rows = new Set(links.map((r) => Math.round(r.top))).size;
    const room = parseFloat(getComputedStyle(document.body).paddingBottom);
    return {
      onScreen: whole && apart && nav.scrollWidth <= nav.clientWidth,
      height: bar.height,
      rows,
      pageEndAbove: room >= bar.height,
      lowest: Math.min(...links.map((r) => r.height)),
    };
  });
}

/**
 * The choices of a select whose words its box does not show whole, each chosen in turn: by
 * the width they take in its font, the lines they need beside the arrow, against the lines
 * its box has room for. (A phone's select cut a long choice at the box's end: both
 * buprenorphine kinds showed the same first words.) Gives the problems and how many
 * choices were looked at.
 */
export async function choicesShownWhole(select, where) {
  const problems = [];
  const labels = await select.locator('option').allTextContents();
  for (const label of labels) {
    await select.selectOption({ label });
    const problem = await select.evaluate((s) => {
      const cs = getComputedStyle(s);
      const c = document.createElement('canvas').getContext('2d');
      c.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const text = s.selectedOptions[0].text;
      const size = parseFloat(cs.fontSize);
      const line = parseFloat(cs.lineHeight) || size * 1.2;
      // The room beside the arrow (with its gap, an em), less a tenth of an em: the page's
      // own measure of a word can be a pixel or two wider than the canvas's, and a word
      // that does not fit breaks ("Buprenorphin" / "e" passed a check with no margin).
      const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 1.1 * size;
      // A word may break after its hyphen ("cognitivo-conductual").
      const widest = Math.max(...text.split(/\s+|(?<=-)/).map((w) => c.measureText(w).width));
      if (widest > room) return `"${text}": a word is wider than the room beside the arrow`;
      const needed = Math.ceil(c.measureText(text).width / room);
      const lines = (s.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)) / line;
      return lines >= needed - 0.2 ? null : `"${text}" needs ${needed} lines, has room for ${lines.toFixed(1)}`;
    });
    if (problem) problems.push(`${where}: ${problem}`);
  }
  return { problems, seen: labels.length };
}

/**
 * Every choice of every list and form at 200% text: a record added to each list, its
 * compact row opened, then every choice of every select on the screen chosen in turn.
 * `open(path)` opens a screen in the language being checked.
 */
export async function everyChoiceShownWhole(page, open) {
  const problems = [];
  let seen = 0;
  for (const path of ['/plan/people', '/plan/crisis', '/plan/relapse', '/plan/care', '/plan/therapy', '/plan/goals', '/meetings', '/meetings/find', '/recovery', '/settings', '/checkin']) {
    await open(path);
    const lists = page.locator('section.card form.add:not([hidden]) input');
    for (let i = 0; i < await lists.count(); i += 1) {
      await lists.nth(i).fill(`Choice ${i}`);
      await lists.nth(i).press('Enter');
    }
    await openRecords(page);
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    const selects = page.locator('main select');
    for (let i = 0; i < await selects.count(); i += 1) {
      if (!(await selects.nth(i).isVisible())) continue;
      const found = await choicesShownWhole(selects.nth(i), path);
      problems.push(...found.problems);
      seen += found.seen;
    }
  }
  return { problems, seen };
}

/** Opens every record's compact row on the screen, to edit its fields. */
export async function openRecords(page) {
  const closed = page.locator('main details.record-details:not([open]) > summary');
  while (await closed.count() > 0) await closed.first().click();
}

/** Fills localStorage (in the page) until not one more character fits. */
export function fillStorage() {
  let chunk = 1 << 20;
  let i = 0;
  while (chunk > 0) {
    try {
      localStorage.setItem(`filler-${i}`, 'x'.repeat(chunk));
      i += 1;
    } catch {
      chunk = Math.floor(chunk / 2);
    }
  }
}

/** Frees what fillStorage took. */
export function freeStorage() {
  Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k));
}

export class App {
  constructor(page) {
    this.page = page;
  }

  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.page.locator('#boot')).toHaveCount(0);
    await expect(this.page.getByRole('banner').getByRole('link', { name: 'Get help' })).toBeVisible();
    // The screen itself: secondary screens arrive with their chunk, after "Opening…".
    await expect(this.page.locator('main h1').first()).toBeVisible();
    await expect(this.page.locator('main p.loading')).toHaveCount(0);
  }

  async addReason(text) {
    const field = this.page.getByLabel('Add a reason');
    await field.fill(text);
    await this.page.locator('form', { has: field }).getByRole('button', { name: 'Add' }).click();
    await expect(this.page.getByRole('textbox', { name: 'Reason', exact: true }).last()).toHaveValue(text);
    await this.expectSaved();
  }

  reasonFields() {
    return this.page.getByRole('textbox', { name: 'Reason', exact: true });
  }

  async expectSaved() {
    await expect(this.page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  }

  async stored() {
    const raw = await this.page.evaluate((k) => localStorage.getItem(k), PLAN_KEY);
    return raw === null ? null : JSON.parse(raw);
  }

  async storedRaw() {
    return this.page.evaluate((k) => localStorage.getItem(k), PLAN_KEY);
  }

  async storedReasons() {
    const s = await this.stored();
    return s ? s.data.relapse.reasons.map((r) => r.text) : [];
  }
}

export const test = base.extend({
  // Origins a test may talk to besides the app's own (a test adds one for a second server).
  allowedOrigins: [[], { option: true }],
  requests: [
    async ({ context, baseURL, allowedOrigins }, use) => {
      const seen = [];
      context.on('request', (r) => seen.push(r.url()));
      await use(seen);
      const ok = new Set([new URL(baseURL).origin, ...allowedOrigins]);
      const foreign = seen.filter((u) => {
        if (u.startsWith('data:') || u.startsWith('blob:')) return false;
        return !ok.has(new URL(u).origin);
      });
      expect(foreign, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(new App(page));
    expect(dialogs, 'no alert/confirm dialogs were opened').toEqual([]);
    expect(errors, 'no uncaught errors in the page').toEqual([]);
  },
});

export { expect };
