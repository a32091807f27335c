// Safety Net service worker: precaches the app shell so the app opens offline, deep links
// included. The build stamps BUILD and PRECACHE (scripts/post-build.mjs), so every deploy
// gets its own cache, and the page offers a reload instead of swapping versions silently.
// An older build's cache is kept while another window may still be running that build (it
// loads its screens, chunks of its own build, as it goes), and deleted once no other
// window is open.
'use strict';
const BUILD = '__BUILD_HASH__';
const PRECACHE = __PRECACHE_LIST__;
const CACHE = 'safety-net-' + BUILD;
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

// Older builds' caches go when at most one window is open: the one taking this version
// (or none). With two, the other may be a tab opened before this deploy, which still needs
// its own build's files, even offline; they go at a later page load, once it is closed.
async function forgetOldBuilds() {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (windows.length > 1) return;
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith('safety-net-') && k !== CACHE).map((k) => caches.delete(k)));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(forgetOldBuilds().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // A page loads: older builds' caches may be let go now.
  if (request.mode === 'navigate') event.waitUntil(forgetOldBuilds());
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
