// Safety Net in Spanish (#17): a Spanish browser gets Spanish on first open; the choice can
// be changed and stays; the crisis screens, dates, timer and every screen speak Spanish with
// no English left; the plan is the same whatever the language.
import { test, expect, axeViolations, PLAN_KEY, brokenWords, navigationOnScreen, headerInOneRow, everyChoiceShownWhole } from './fixtures.js';

test.use({ bypassCSP: true, locale: 'es-US' });

const LANG_KEY = 'safety-net:lang';

/**
 * Spanish screens: path and the h1 each shows. A screen is listed here once it is
 * translated; the scan below then fails on any English left on it.
 */
export const SPANISH_SCREENS = [
  ['today', '/', 'Hoy'],
  ['help', '/help', 'Pedir ayuda ahora'],
  ['overdose', '/overdose', 'Alguien podría estar teniendo una sobredosis'],
  ['plan', '/plan', 'Mi plan'],
  ['people', '/plan/people', 'Personas de apoyo'],
  ['crisis-plan', '/plan/crisis', 'En una crisis'],
  ['relapse', '/plan/relapse', 'Prevención de recaídas'],
  ['care', '/plan/care', 'Medicamentos y atención'],
  ['slip', '/plan/slip', 'Si tengo un tropiezo'],
  ['therapy', '/plan/therapy', 'Terapia y consejería'],
  ['goals', '/plan/goals', 'Metas de vida'],
  ['loved-ones', '/plan/loved-ones', 'Mis seres queridos'],
  ['review', '/plan/review', null],
  ['print', '/plan/print', null],
  ['share', '/plan/share', null],
  ['meetings', '/meetings', 'Reuniones'],
  ['find-support', '/meetings/find', 'Buscar apoyo'],
  ['recovery', '/recovery', 'Mi recuperación'],
  ['checkin', '/checkin', null],
  ['start', '/start', null],
  ['settings', '/settings', 'Ajustes'],
  ['not-found', '/no-such-page', null],
];

/**
 * Common English words that are not also Spanish words: any of them on a Spanish screen is
 * English left behind. ("no", "me", "plan", "a", "solo", "come" are Spanish too.)
 */
const ENGLISH = [
  'the', 'and', 'you', 'your', 'with', 'for', 'this', 'that', 'what', 'when', 'where', 'who',
  "don't", "can't", 'is', 'are', 'was', 'will', 'have', 'has', 'it', 'of', 'to', 'in', 'on',
  'at', 'my', 'now', 'here', 'get', 'call', 'text', 'back', 'next', 'step', 'steps', 'save',
  'saved', 'open', 'close', 'add', 'edit', 'delete', 'cancel', 'settings', 'today', 'yes',
  'help', 'day', 'days', 'week', 'meetings', 'people', 'reason', 'new', 'show', 'hide', 'from',
  'by', 'or', 'if', 'not', 'about', 'how', 'why', 'start', 'done', 'keep', 'lock', 'choose',
  'file', 'backup', 'print', 'share', 'review', 'check', 'give', 'stay', 'them', 'they',
];

/** Names that stay in English in Spanish: services, groups and the app. */
const PROPER_NAMES = [
  'Safety Net', 'Poison Help', 'Never Use Alone', 'SMART Recovery', 'Narcotics Anonymous',
  'Nar-Anon', 'FindTreatment.gov', 'DrugFacts', 'Drug Facts',
];

/**
 * The English words in what the page shows in Spanish: rendered text only (not what is
 * hidden or behind a closed disclosure), leaving out what is marked as another language
 * (lang="en": the link to the English page, the language choice), the titles of cited
 * sources ([data-cite]: an English document keeps its English title) and the person's own
 * words (inputs are not text).
 */
async function englishLeft(page) {
  return page.evaluate(([words, names]) => {
    const found = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !el.getClientRects().length) continue;
      if (el.closest('[hidden], noscript, script, style, [lang="en"], [data-cite], details:not([open]) > :not(summary)')) continue;
      // Web addresses are not words.
      const text = names.reduce((t, name) => t.split(name).join(' '), n.textContent).replace(/\S*[./]\S*[a-z]\S*/gi, ' ');
      for (const w of text.toLowerCase().match(/[\p{L}’']+/gu) || []) {
        const word = w.replace(/’/g, "'");
        if (words.includes(word)) found.add(`${word} (“${n.textContent.trim().slice(0, 60)}”)`);
      }
    }
    // Words the style sheet writes (::before and ::after) are read too.
    for (const el of document.querySelectorAll('main *')) {
      if (!el.getClientRects().length || el.closest('[hidden], [lang="en"]')) continue;
      for (const pseudo of ['::before', '::after']) {
        const c = getComputedStyle(el, pseudo).content.replace(/counters?\([^)]*\)/g, ' ');
        if (!c || c === 'none' || c === 'normal') continue;
        for (const w of c.toLowerCase().match(/[\p{L}’']+/gu) || []) {
          if (words.includes(w)) found.add(`${w} (${pseudo} of ${el.tagName.toLowerCase()}.${el.className})`);
        }
      }
    }
    return [...found];
  }, [ENGLISH, PROPER_NAMES]);
}

async function openSpanish(page, path = '/') {
  await page.goto(path);
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Pedir ayuda' })).toBeVisible();
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('main p.loading')).toHaveCount(0);
}

/** English chosen, as Settings keeps the choice, and the page opened again in it. */
async function chooseEnglish(page) {
  await page.evaluate((k) => localStorage.setItem(k, '"en"'), LANG_KEY);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('a Spanish browser opens Safety Net in Spanish the first time, dates and all', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T10:00:00-05:00') });
  await openSpanish(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoy');
  await expect(page.getByTestId('today-date')).toHaveText('martes, 1 de diciembre');
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('link')).toHaveText(['Hoy', 'Mi plan', 'Reuniones', 'Ajustes']);
  await expect(page.getByRole('link', { name: 'Saltar al contenido' })).toHaveCount(1);
  // Nothing chosen yet: the browser's language decided, and nothing about it was stored.
  expect(await page.evaluate((k) => localStorage.getItem(k), LANG_KEY)).toBeNull();
  expect(await englishLeft(page)).toEqual([]);
  await page.screenshot({ path: 'target/screenshots/es-today-360.png', fullPage: true });
});

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' });

  test('switches to Spanish from the first screen and back in Settings; the choice stays, the plan does not change', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The first screen offers Spanish, in Spanish.
    const toSpanish = page.getByRole('button', { name: 'Ver en español' });
    await expect(toSpanish).toHaveAttribute('lang', 'es');
    await toSpanish.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoy');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    expect(await page.evaluate((k) => localStorage.getItem(k), LANG_KEY)).toBe('"es"');
    // It stays after a reload.
    await page.reload();
    await openSpanish(page, '/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoy');

    // Something in the plan, written while in Spanish.
    await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({
      app: 'safety-net', version: 1, revision: 1, saved_at: '2026-11-23T10:00:00.000Z',
      data: { relapse: { reasons: [{ id: 'r1', text: 'Por mi hija' }] } },
    })), PLAN_KEY);
    await page.reload();
    await openSpanish(page, '/');
    const before = await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY);

    // Back to English in Settings ("Ajustes"), where each language is named in itself.
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Ajustes' }).click();
    const choice = page.getByTestId('language');
    await expect(choice.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
    await choice.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('language').getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Today', 'My plan', 'Meetings', 'Settings']);
    await page.reload();
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await page.evaluate((k) => localStorage.getItem(k), LANG_KEY)).toBe('"en"');
    // The plan is byte for byte what it was: the language is not in it.
    expect(await page.evaluate((k) => localStorage.getItem(k), PLAN_KEY)).toBe(before);
  });
});

test('Get help in Spanish: 911, the crisis lines with their Spanish options', async ({ page }) => {
  await openSpanish(page, '/help');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pedir ayuda ahora');
  await expect(page.getByRole('link', { name: 'Llame al 911' }).first()).toHaveAttribute('href', 'tel:911');
  await expect(page.getByRole('link', { name: 'Alguien podría estar teniendo una sobredosis: qué hacer' })).toBeVisible();
  const lines = page.getByRole('region', { name: 'Líneas de crisis' });
  await expect(lines.getByRole('heading', { level: 3 })).toHaveText([
    'Línea 988 de Prevención del Suicidio y Crisis', 'Línea Nacional de Ayuda de SAMHSA',
    'Poison Help', 'Never Use Alone (EE. UU.)',
  ]);
  await expect(lines).toContainText('llame al 988 y oprima el 2, o envíe la palabra AYUDA al 988');
  await expect(lines.getByRole('link', { name: 'Llamar al 988' })).toHaveAttribute('href', 'tel:988');
  // A text in Spanish starts with AYUDA, the word 988 answers in Spanish.
  await expect(lines.getByRole('link', { name: 'Enviar mensaje al 988' })).toHaveAttribute('href', 'sms:988?body=AYUDA');
  await expect(page.getByTestId('us-numbers')).toHaveText('Números de EE. UU. En otros países, llame a su número local de emergencias.');
  expect(await englishLeft(page)).toEqual([]);
  await page.screenshot({ path: 'target/screenshots/es-help-360.png', fullPage: true });
});

test('the overdose steps in Spanish: one at a time, all at once, and the re-dose timer', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T22:00:00-05:00') });
  await openSpanish(page, '/overdose');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alguien podría estar teniendo una sobredosis');
  // The link to the other language's plain page is now the English one.
  const english = page.getByRole('link', { name: 'Steps in English' });
  await expect(english).toHaveAttribute('href', '/naloxone.html');
  await expect(english).toHaveAttribute('lang', 'en');
  const titles = [
    'Compruebe si responde', 'Administre naloxona', 'Llame al 911', 'No respira o solo jadea: empiece la RCP',
    'Observe y, si hace falta, dé otra dosis', 'Quédese con la persona',
  ];
  const bar = page.getByRole('group', { name: 'Pasos' });
  for (let i = 0; i < titles.length; i += 1) {
    if (i > 0) await bar.getByRole('button', { name: 'Seguir' }).click();
    await expect(page.getByText(`Paso ${i + 1} de 6`)).toBeVisible();
    await expect(page.locator('#step-title')).toHaveText(titles[i]);
    expect(await englishLeft(page), `step ${i + 1}`).toEqual([]);
  }
  await expect(bar.getByRole('button', { name: 'Seguir' })).toBeDisabled();
  await bar.getByRole('button', { name: 'Atrás' }).click();
  await expect(page.locator('#step-title')).toHaveText(titles[4]);
  // Each step names its sources; the Spanish names the Spanish ones, and says where it is a translation.
  const sources = page.locator('section.step details.source');
  await expect(sources.locator('summary')).toHaveText('Fuentes');
  await sources.locator('summary').click();
  await expect(sources).toContainText('CDC, Detener la sobredosis');
  // All at once.
  await page.getByRole('button', { name: 'Todos los pasos' }).click();
  await expect(page.locator('ol.steps > li h2')).toHaveText(titles);
  for (const h of ['Signos de una sobredosis', 'Cuando se despierte', 'Lo que no debe hacer', 'Leyes del Buen Samaritano']) {
    await expect(page.getByRole('heading', { name: h, level: 2 })).toBeVisible();
  }
  await expect(page.getByText('Si no está seguro, trátela como si tuviera una sobredosis.')).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
  await page.screenshot({ path: 'target/screenshots/es-overdose-all-360.png', fullPage: true });
  // The timer, in Spanish, with its spoken announcement.
  await page.getByRole('button', { name: 'Ya di una dosis de naloxona' }).click();
  const strip = page.getByTestId('dose-timer');
  await expect(strip).toContainText('Dosis 1 dada. Próxima dosis en 2:00 si no responde.');
  await expect(page.locator('p.sr-only[role=status]')).toContainText('Quédese con la persona y vigile su respiración');
  await page.clock.runFor(121_000);
  await expect(strip).toContainText('Dé otra dosis ahora si no responde (2:01 desde la dosis 1).');
  await expect(page.locator('p.sr-only[role=status]')).toContainText('Han pasado 2 minutos desde la dosis 1');
  await expect(strip.getByRole('button', { name: 'Ya di otra dosis' })).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
  await page.screenshot({ path: 'target/screenshots/es-overdose-timer-360.png' });
  await strip.getByRole('button', { name: 'Parar el temporizador' }).click();
  await expect(strip).toBeHidden();
});

test("the Spanish overdose step fits one 360 × 740 screen at 200% text, with Spanish's longer words", async ({ page }) => {
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '200%'; }));
  await openSpanish(page, '/overdose');
  const bar = page.getByRole('group', { name: 'Pasos' });
  const onScreen = (el) => el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight || r.height === 0) return false;
    return e.contains(document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20)));
  });
  for (let i = 0; i < 6; i += 1) {
    if (i > 0) await bar.getByRole('button', { name: 'Seguir' }).click();
    await expect(page.getByText(`Paso ${i + 1} de 6`)).toBeVisible();
    await page.waitForTimeout(100);
    for (const [what, el] of [
      ['the step', page.locator('#step-title')],
      ['Atrás', bar.getByRole('button', { name: 'Atrás' })],
      ['Seguir', bar.getByRole('button', { name: 'Seguir' })],
      ['Llame al 911', bar.getByRole('link', { name: 'Llame al 911' })],
    ]) {
      expect(await onScreen(el), `step ${i + 1}: ${what} visible at 200%`).toBe(true);
    }
  }
  await page.screenshot({ path: 'target/screenshots/es-overdose-step-360-text-200.png' });
});

// At 200% text on 280 px "Seguir" and "Atrás" ran out of their buttons, over the next one.
test('the overdose steps\' Back, Call 911 and Next keep their words inside them, in both languages, 280 to 412 px, 100% to 300% text', async ({ page }) => {
  for (const lang of ['es', 'en']) {
    if (lang === 'es') await openSpanish(page, '/overdose');
    else await chooseEnglish(page);
    const bar = page.locator('.od-bar');
    await expect(bar.getByRole('link', { name: lang === 'es' ? 'Llame al 911' : 'Call 911' })).toBeVisible();
    for (const width of [280, 320, 360, 412]) {
      await page.setViewportSize({ width, height: 740 });
      for (const size of ['100%', '200%', '300%']) {
        await page.evaluate((s) => { document.documentElement.style.fontSize = s; }, size);
        const out = await bar.evaluate((b) => [...b.children].filter((c) => {
          const r = c.getBoundingClientRect();
          const t = document.createRange();
          t.selectNodeContents(c);
          return [...t.getClientRects()].some((x) => x.width > 0 && (x.left < r.left || x.right > r.right));
        }).map((c) => c.textContent));
        expect(out, `${lang}, ${width} px, ${size}: words outside their button`).toEqual([]);
      }
    }
    await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  }
});

// At 200% text on 320 px "overdosing", "sobredosis", "recuperación)," and a dozen more of
// the steps' words were broken across lines.
test('at 200% text on 320 px no word of the overdose steps is broken, one at a time or all, in both languages', async ({ page }) => {
  for (const [lang, all] of [['es', 'Todos los pasos'], ['en', 'All steps']]) {
    if (lang === 'es') await openSpanish(page, '/overdose');
    else await chooseEnglish(page);
    await expect(page.locator('.od-bar')).toBeVisible();
    await page.setViewportSize({ width: 320, height: 740 });
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    expect(await brokenWords(page), `${lang}: the first step`).toEqual([]);
    await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    await page.getByRole('button', { name: all }).click();
    await expect(page.getByRole('button', { name: all })).toHaveAttribute('aria-pressed', 'true');
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    expect(await brokenWords(page), `${lang}: all the steps`).toEqual([]);
    if (lang === 'es') await page.screenshot({ path: 'target/screenshots/es-overdose-all-320-text-200.png', fullPage: true });
    await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    await page.setViewportSize({ width: 360, height: 740 });
  }
});

test('at 200% and 300% text "Pedir ayuda" and all four Spanish links stay on screen, "Reuniones" whole, even at 280 px', async ({ page }) => {
  for (const width of [280, 320, 360]) {
    await page.setViewportSize({ width, height: 740 });
    // On Meetings: "Reuniones" bold, the widest word.
    await openSpanish(page, '/meetings');
    for (const size of ['200%', '300%']) {
      await page.evaluate((s) => { document.documentElement.style.fontSize = s; }, size);
      const at = `${width} px, ${size}`;
      // "Pedir ayuda" ran 18 px off the screen's left edge at 200% on 280 px, 166 at 300%.
      expect(await headerInOneRow(page), `${at}: the header in one row, "Pedir ayuda" wholly on screen`).toBe(true);
      const nav = await navigationOnScreen(page);
      expect(nav.onScreen, `${at}: every link wholly on screen`).toBe(true);
      expect(nav.rows, `${at}: two rows`).toBe(2);
      expect(nav.pageEndAbove, `${at}: the page's end is above the bar`).toBe(true);
    }
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  }
  await page.screenshot({ path: 'target/screenshots/navigation-es-text-200.png' });
});

test('at 200% text every Spanish screen fits 360 px, with no word cut (and nothing runs off at 320 or 280 px, or with 200% page zoom)', async ({ page }) => {
  test.slow();
  for (const [name, path, heading] of SPANISH_SCREENS) {
    await openSpanish(page, path);
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    if (heading) await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at 200% text`).toBeLessThanOrEqual(0);
    const broken = await brokenWords(page);
    expect(broken, `${name}: words broken across lines at 200% text`).toEqual([]);
    await page.screenshot({ path: `target/screenshots/es-${name}-text-200.png`, fullPage: true });
    // Narrower phones: nothing wider than the screen ("Medicamentos" in My plan, "Seguir"
    // in the overdose steps ran off it).
    // And a phone's page zoom at 200% on 360 px: a 180 px page at 100% text.
    for (const [width, text] of [[320, '200%'], [280, '200%'], [180, '100%']]) {
      await page.evaluate((s) => { document.documentElement.style.fontSize = s; }, text);
      await page.setViewportSize({ width, height: 740 });
      const off = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(off, `${name} at ${text} text on ${width} px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 360, height: 740 });
  }
});

for (const scheme of ['light', 'dark']) {
  test(`every Spanish screen passes axe at 320 px, ${scheme}, and has no English left`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 740 });
    await page.emulateMedia({ colorScheme: scheme });
    for (const [name, path, heading] of SPANISH_SCREENS) {
      await openSpanish(page, path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      if (heading) await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      expect(await axeViolations(page), `${name} (${scheme})`).toEqual([]);
      expect(await englishLeft(page), `${name}: English on a Spanish screen`).toEqual([]);
      await page.screenshot({ path: `target/screenshots/es-${name}-320-${scheme}.png`, fullPage: true });
    }
  });
}

/**
 * The v4 fixture plan with every word the person wrote replaced by Spanish ones: what is
 * left in English on a screen is then the app's.
 */
async function spanishPlan() {
  const { readFile } = await import('node:fs/promises');
  const backup = JSON.parse(await readFile(new URL('../fixtures/plan-v4.json', import.meta.url), 'utf8'));
  const keep = (k, v) => ['id', 'kind', 'role', 'phone', 'days', 'area', 'fellowship', 'format', 'access', 'style', 'decision'].includes(k)
    || /^[a-z0-9_-]*$/.test(v) || /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/.test(v) || /^\d{4}-\d\d-\d\d(T[\d:.]+Z?)?$/.test(v) || /^\d\d:\d\d(:\d\d)?$/.test(v);
  const own = (k, v) => {
    if (Array.isArray(v)) return v.map((x) => own(k, x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([kk, x]) => [kk, own(kk, x)]));
    if (typeof v === 'string' && !keep(k, v)) return 'Texto propio';
    return v;
  };
  return JSON.stringify({ app: 'safety-net', version: backup.version, revision: 1, saved_at: '2026-11-23T10:00:00.000Z', data: own('', backup.data) });
}

test('with a plan, every Spanish screen has no English left (the person’s own words aside)', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T10:00:00-05:00') });
  const plan = await spanishPlan();
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, plan]);
  const left = {};
  for (const [name, path] of SPANISH_SCREENS) {
    await openSpanish(page, path);
    // Every record's details open, so their labels are on screen too.
    await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { d.open = true; }));
    const words = await englishLeft(page);
    if (words.length) left[name] = words;
    await page.screenshot({ path: `target/screenshots/es-${name}-with-plan-360.png`, fullPage: true });
  }
  expect(left).toEqual({});
});

test('the print-out and the wallet card in Spanish, with the person’s own words as written', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T10:00:00-05:00') });
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [PLAN_KEY, JSON.stringify({
    app: 'safety-net', version: 1, revision: 1, saved_at: '2026-11-23T10:00:00.000Z',
    data: {
      people: [{ id: 'p1', name: 'Sam', role: 'sponsor', phone: '555 010 2030', call_in_crisis: true, best_times: '', crisis_message: '', notes: '' }],
      relapse: { coping: [{ id: 'c1', text: 'Caminar una cuadra', trigger_ids: [] }] },
      crisis_steps: [{ id: 's1', text: 'Llamar a Sam' }],
      naloxone_kits: [{ id: 'k1', location: 'Cajón de la cocina', kind: 'nasal_spray', expires: null, doses: 2, who_knows: '', others_trained: false, notes: '' }],
    },
  })]);
  await page.addInitScript(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await openSpanish(page, '/plan/print');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Imprimir o guardar como PDF');
  await page.getByRole('button', { name: 'Imprimir mi plan' }).click();
  await expect.poll(() => page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const printout = page.locator('.printout');
  await expect(printout).toContainText('Mi red de apoyo para la recuperación');
  await expect(printout).toContainText('Impreso el martes, 1 de diciembre de 2026.');
  await expect(printout).toContainText('1. Llamar a Sam');
  await expect(printout).toContainText('Cajón de la cocina');
  await expect(printout).toContainText('Líneas de crisis');
  expect(await englishLeft(page)).toEqual([]);
  await page.screenshot({ path: 'target/screenshots/es-print-plan-letter.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Imprimir una tarjeta de bolsillo' }).click();
  await page.emulateMedia({ media: 'print' });
  const front = page.getByTestId('card-front');
  await expect(front).toContainText('En una emergencia, llame al 911');
  await expect(front).toContainText('Sam: 555 010 2030');
  await expect(front).toContainText('Naloxona: Cajón de la cocina');
  const back = page.getByTestId('card-back');
  await expect(back).toContainText('Caminar una cuadra');
  await expect(back).toContainText('1-800-662-4357');
  await expect(back).toContainText('Números de EE. UU.');
  expect(await englishLeft(page)).toEqual([]);
  await page.screenshot({ path: 'target/screenshots/es-wallet-card.png' });
});

test('en español, every choice of every list and form shows all its words in its box at 200% on 360 px', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 360, height: 740 });
  const every = await everyChoiceShownWhole(page, (path) => openSpanish(page, path));
  expect(every.problems).toEqual([]);
  expect(every.seen, 'choices looked at').toBeGreaterThan(50);
});
