import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync','--disable-dev-shm-usage'] });
const scheme = process.argv[3] || 'light';
const ctx = await b.newContext({ viewport: { width: 360, height: 740 }, colorScheme: scheme });
const p = await ctx.newPage();
p.on('console', m => console.log('console:', m.type(), m.text()));
p.on('pageerror', e => console.log('pageerror:', e.message));
for (const path of (process.argv[2]||'/').split(',')) {
  await p.goto('http://127.0.0.1:8080' + path);
  await p.waitForTimeout(1200);
  const name = `/tmp/shot-${path.replace(/\//g,'_')||'root'}-${scheme}.png`;
  await p.screenshot({ path: name, fullPage: true });
  console.log('shot', name);
}
await b.close();
