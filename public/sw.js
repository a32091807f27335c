// Safety Net service worker: precaches the app shell so the app opens offline, deep links
// included. The build stamps BUILD and PRECACHE (scripts/post-build.mjs), so every deploy
// gets its own cache; old caches are deleted when the new worker takes over, and the page
// offers a reload instead of swapping versions silently.
'use strict';
const BUILD = '__BUILD_HASH__';
const PRECACHE = __PRECACHE_LIST__;
const CACHE = 'safety-net-' + BUILD;
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith('safety-net-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
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
    // A deep link (/plan, /help …) is the app shell; the router shows the right screen.
    if (request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(url.pathname)) {
      const shell = await cache.match(SHELL);
      if (shell) return shell;
    }
    return fetch(request);
  })());
});
