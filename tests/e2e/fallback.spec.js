// When the app cannot start (here: no WebAssembly), the overdose steps still work.
import { test, expect } from './fixtures.js';

test('without WebAssembly the start page says so and the static overdose steps still work', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('/');
  await expect(page.getByText('Safety Net could not start in this browser.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Emergency: call 911' })).toHaveAttribute('href', 'tel:911');
  await page.getByRole('link', { name: 'Someone may be overdosing: what to do' }).click();
  await expect(page.getByRole('heading', { name: 'Someone may be overdosing', level: 1 })).toBeVisible();
  const steps = page.getByRole('list').filter({ has: page.getByRole('heading', { name: 'Give naloxone' }) });
  await expect(steps.getByRole('heading', { level: 3 })).toHaveText([
    'Check if they respond', 'Give naloxone', 'Call 911', 'Not breathing, or only gasping: start CPR',
    'Watch, and give another dose if needed', 'Stay with them',
  ]);
  await expect(page.getByText('2–3 minutes').first()).toBeVisible();
});

test('the overdose steps page opens offline, and from Get help in two taps', async ({ app, page, context }) => {
  await app.open('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.getByRole('banner').getByRole('link', { name: 'Get help' }).click();
  await page.getByRole('link', { name: 'Someone may be overdosing: what to do' }).click();
  await expect(page.getByRole('heading', { name: 'Someone may be overdosing', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call 911' }).first()).toHaveAttribute('href', 'tel:911');
});

test('the static overdose page works with JavaScript off, at 360 px: CPR, the call inside step 3, US numbers', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/naloxone.html');
  await expect(page.getByRole('heading', { name: 'Someone may be overdosing', level: 1 })).toBeVisible();
  const step = (name) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
  await expect(step('Call 911').getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
  await expect(step('Call 911')).toContainText('Put the phone on speaker and stay with them.');
  await expect(step('Not breathing, or only gasping: start CPR')).toContainText('2 breaths after every 30 pushes');
  await expect(step('Not breathing, or only gasping: start CPR')).toContainText('hands-only CPR');
  await expect(step('Stay with them')).toContainText('If they become very sleepy again or stop breathing, give another dose.');
  await expect(page.getByText('US numbers. Elsewhere, call your local emergency number.')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow, 'no sideways scrolling at 360 px').toBe(false);
  await page.screenshot({ path: 'target/screenshots/naloxone-static-360-nojs.png', fullPage: true });
  await context.close();
});

test('the Spanish overdose page works with JavaScript off, at 360 px, and the two pages link to each other', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'es-US' });
  const page = await context.newPage();
  await page.goto('/naloxone.html');
  await page.getByRole('link', { name: 'En español' }).click();
  await expect(page).toHaveURL(/\/naloxone-es\.html$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Alguien podría estar teniendo una sobredosis', level: 1 })).toBeVisible();
  const step = (name) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
  await expect(page.getByRole('list').filter({ has: page.getByRole('heading', { name: 'Administre naloxona' }) }).getByRole('heading', { level: 3 })).toHaveText([
    'Compruebe si responde', 'Administre naloxona', 'Llame al 911', 'No respira o solo jadea: empiece la RCP',
    'Observe y, si hace falta, dé otra dosis', 'Quédese con la persona',
  ]);
  await expect(step('Llame al 911').getByRole('link', { name: 'Llame al 911' })).toHaveAttribute('href', 'tel:911');
  await expect(step('Llame al 911')).toContainText('Ponga el teléfono en altavoz');
  await expect(step('No respira o solo jadea: empiece la RCP')).toContainText('2 respiraciones después de cada 30 compresiones');
  await expect(page.getByRole('link', { name: 'envíe la palabra AYUDA al 988' })).toHaveAttribute('href', 'sms:988?&body=AYUDA');
  await expect(page.getByText('Números de EE. UU. En otros países, llame a su número local de emergencias.')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow, 'no sideways scrolling at 360 px').toBe(false);
  await page.screenshot({ path: 'target/screenshots/naloxone-es-static-360-nojs.png', fullPage: true });
  await page.getByRole('link', { name: 'In English' }).click();
  await expect(page.getByRole('heading', { name: 'Someone may be overdosing', level: 1 })).toBeVisible();
  await context.close();
});

test('the overdose steps link to the Spanish page', async ({ app, page }) => {
  await app.open('/overdose');
  const link = page.getByRole('link', { name: 'Los pasos en español' });
  await expect(link).toHaveAttribute('href', '/naloxone-es.html');
  await expect(link).toHaveAttribute('lang', 'es');
  await link.click();
  await expect(page.getByRole('heading', { name: 'Alguien podría estar teniendo una sobredosis', level: 1 })).toBeVisible();
});
