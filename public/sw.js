// Safety Net service worker: precaches the app shell so the app opens offline, deep links
// included. The build stamps BUILD and PRECACHE (scripts/post-build.mjs), so every deploy
// gets its own cache, and the page offers a reload instead of swapping versions silently.
// An older build's cache is kept while a window still runs that build (it loads its
// screens, chunks of its own build, as it goes, offline too), and deleted once none does.
'use strict';
const BUILD = '__BUILD_HASH__';
const PRECACHE = __PRECACHE_LIST__;
const CACHE = 'safety-net-' + BUILD;
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

// The build each open window runs (its /pkg/<hash>/ directory, from pwa.js), or null for a
// window that does not say within a second (a page without pwa.js, a frozen tab).
function buildsInUse(windows) {
  return Promise.all(windows.map((w) => new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 1000);
    channel.port1.onmessage = (e) => { clearTimeout(timer); resolve(typeof e.data === 'string' ? e.data : null); };
    try {
      w.postMessage({ type: 'BUILD?' }, [channel.port2]);
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  })));
}

// Older builds' caches go once no open window needs them: every window runs a build this
// version's cache holds too. While one does not (a tab opened before this deploy), or a
// window does not say, the caches holding its build stay.
async function forgetOldBuilds() {
  const builds = await buildsInUse(await self.clients.matchAll({ type: 'window', includeUncontrolled: true }));
  if (builds.includes(null)) return;
  const current = await caches.open(CACHE);
  const needed = [];
  for (const b of builds.filter(Boolean)) {
    if (!(await current.match(b + 'boot.js'))) needed.push(b);
  }
  for (const key of await caches.keys()) {
    if (!key.startsWith('safety-net-') || key === CACHE) continue;
    const cache = await caches.open(key);
    const used = await Promise.all(needed.map((b) => cache.match(b + 'boot.js')));
    if (!used.some(Boolean)) await caches.delete(key);
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(forgetOldBuilds().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  // A page has loaded (perhaps onto this version, the last window on an older one gone).
  if (event.data && event.data.type === 'LOADED') event.waitUntil(forgetOldBuilds());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (hit) return hit;
    if (request.mode !== 'navigate') {
      // A file of an older build, for a tab still running it.
      const old = await caches.match(request);
      if (old) return old;
    }
    // A deep link (/plan, /help …) is the app shell; the router shows the right screen.
    if (request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(url.pathname)) {
      const shell = await cache.match(SHELL);
      if (shell) return shell;
    }
    return fetch(request);
  })());
});
