// Before the first paint (a tiny blocking script; the CSP allows no inline script):
// - the language (#17): the one chosen on this device, else the browser's first English or
//   Spanish (src/lang.rs decides the same way); `<html lang>` says it, and a Spanish reader
//   gets the Spanish start-up shell (<template id="boot-es"> in index.html) as soon as the
//   page is parsed;
// - a person whose plan is stored sees a calm placeholder of Today's size in the start-up
//   shell, not the welcome meant for a first visit. Reads only whether the plan exists,
//   never what is in it.
(function () {
  var root = document.documentElement;
  var lang = null;
  try {
    var saved = localStorage.getItem('safety-net:lang');
    if (saved === '"es"' || saved === '"en"') lang = JSON.parse(saved);
    if (localStorage.getItem('safety-net:plan') !== null) root.classList.add('returning');
  } catch (e) { /* storage blocked: the welcome shows, and the app says what is wrong */ }
  if (!lang) {
    var langs = navigator.languages || [navigator.language || ''];
    for (var i = 0; i < langs.length && !lang; i += 1) {
      var primary = String(langs[i]).split(/[-_]/)[0].toLowerCase();
      if (primary === 'es' || primary === 'en') lang = primary;
    }
  }
  root.lang = lang || 'en';
  if (root.lang !== 'es') return;
  document.addEventListener('DOMContentLoaded', function () {
    var boot = document.getElementById('boot');
    var es = document.getElementById('boot-es');
    if (boot && es && es.content) boot.replaceWith(es.content.cloneNode(true));
    var banner = document.getElementById('update-banner');
    var words = document.getElementById('update-banner-es');
    if (banner && words && words.content) banner.replaceChildren(words.content.cloneNode(true));
  });
})();
