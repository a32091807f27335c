// Registers the service worker and, when a new version has been downloaded, offers
// "A new version is ready — Reload" instead of swapping the app silently.
// Plain JavaScript in its own file: the CSP allows no inline script, and this keeps working
// even if the WebAssembly app cannot start.
(function () {
  'use strict';
  // If the app cannot start, say so; the overdose steps and 911 links beside it still work.
  function cannotStart() {
    var m = document.getElementById('boot-message');
    document.documentElement.classList.add('cannot-start');
    // The words are the shell's own, in its language (index.html, data-cannot-start).
    if (m) m.textContent = m.getAttribute('data-cannot-start') || 'Safety Net could not start in this browser. The emergency links below still work.';
  }
  if (typeof WebAssembly !== 'object') cannotStart();
  window.addEventListener('error', function () { if (document.getElementById('boot')) cannotStart(); });
  window.addEventListener('unhandledrejection', function () { if (document.getElementById('boot')) cannotStart(); });

  if (!('serviceWorker' in navigator)) return;
  var accepted = false;

  // The build this page runs (its module's directory, /pkg/<hash>/): the service worker
  // asks every window before it lets an older build's files go.
  var boot = document.querySelector('script[src*="/pkg/"]');
  var build = boot ? new URL(boot.src, location.href).pathname.replace(/[^/]*$/, '') : '';
  navigator.serviceWorker.addEventListener('message', function (e) {
    if (e.data && e.data.type === 'BUILD?' && e.ports && e.ports[0]) e.ports[0].postMessage(build);
  });
  navigator.serviceWorker.startMessages();

  function offer(worker, reg) {
    var banner = document.getElementById('update-banner');
    var button = document.getElementById('update-reload');
    if (!banner || !button) return;
    banner.hidden = false;
    button.onclick = function () {
      accepted = true;
      button.disabled = true;
      // The version waiting now (a newer one may have come since this was offered); none,
      // or taken already in another tab: this one only has to reload onto it.
      var waiting = reg.waiting || worker;
      if (waiting.state === 'installed') waiting.postMessage({ type: 'SKIP_WAITING' });
      else window.location.reload();
    };
  }

  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (accepted) window.location.reload();
  });

  function register() {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(function (reg) {
      // Loaded: older builds' files that no window runs any more may go now.
      if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ type: 'LOADED' });
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting, reg);
      reg.addEventListener('updatefound', function () {
        var w = reg.installing;
        if (!w) return;
        w.addEventListener('statechange', function () {
          if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w, reg);
        });
      });
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') reg.update().catch(function () {});
      });
    }).catch(function () { /* offline-first still works online without it */ });
  }

  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
})();
