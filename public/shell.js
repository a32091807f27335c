// Before the first paint (a tiny blocking script; the CSP allows no inline script): a person
// whose plan is stored sees a calm placeholder of Today's size in the start-up shell, not the
// welcome meant for a first visit. Reads only whether the plan exists, never what is in it.
try {
  if (localStorage.getItem('safety-net:plan') !== null) document.documentElement.classList.add('returning');
} catch (e) { /* storage blocked: the welcome shows, and the app says what is wrong */ }
