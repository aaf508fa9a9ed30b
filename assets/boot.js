// Starts every Partnership Scorecard widget on the page: each element marked
// `data-partnership-scorecard`. This is also the one script a host site adds to embed the widget
// (see the README). It is a file of its own, never inline, so pages can forbid inline scripts
// with a strict Content Security Policy; it finds the app's other files beside itself.
const base = new URL('./', import.meta.url).href;
const hosts = [...document.querySelectorAll('[data-partnership-scorecard]')];

// What the widgets read first (their stylesheet, the list of questionnaires, and the
// questionnaire a host names or else the first the list offers) is fetched now, beside the app's
// code, and left on each widget's element as text (`pscEarly`: address -> promise of the text, or
// of null when it could not be had; src/adapters/content.rs). The app then has it in the task it
// starts in and draws its first screen whole, instead of a few tasks later; it fetches for itself
// whatever is not there. A fetch the page already preloads (index.html) is answered by that.
const early = new Map();
const fetchEarly = (href) => {
  if (!early.has(href)) early.set(href, fetch(href).then((r) => (r.ok ? r.text() : null)).catch(() => null));
  return early.get(href);
};
const builtIn = (id) => typeof id === 'string' && /^[a-z0-9.-]+$/.test(id);
const questionnaire = (id) => fetchEarly(`${base}content/instruments/${id}.json`);
fetchEarly(`${base}main.css`);
const index = fetchEarly(`${base}content/instruments/index.json`);
// The page's own preloads of content (index.html names the questionnaire offered first) at once;
// elsewhere the first the list offers, once the list is here.
const preloaded = [...document.querySelectorAll('link[rel="preload"][as="fetch"]')].map((l) => l.href);
for (const href of preloaded.filter((href) => href.startsWith(`${base}content/`))) fetchEarly(href);
if (hosts.some((host) => !host.dataset.instrument)) {
  index.then((text) => {
    try {
      const first = JSON.parse(text ?? '{}').instruments?.[0]?.id;
      if (builtIn(first)) questionnaire(first);
    } catch {} // a damaged list: the app says so when it reads it
  });
}
// The app's code too, on a host page: otherwise the wasm is asked for only once the glue below
// has arrived, a round trip later. A page that already asks for it (index.html) is not asked twice.
const wasm = `${base}partnership-scorecard_bg.wasm`;
if (!preloaded.includes(wasm)) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: wasm, crossOrigin: 'anonymous' }));
}
for (const host of hosts) {
  host.dataset.pscBase ??= base;
  host.pscEarly = early;
  if (builtIn(host.dataset.instrument)) questionnaire(host.dataset.instrument);
}

// The start screen drawn into the page at build time (scripts/first-screen.mjs; only index.html
// carries one), shown as soon as its stylesheet and content are in, when the app would draw the
// same: a first visit (nothing of the app's kept here, no assessment to list), in the language
// the app chooses as i18n::choose_language does (the first asked for that the screen's language
// switch offers: the host's, the one kept here, the browser's; else English), with every file
// it shows in. Otherwise it goes, and the app draws its own. Until the app takes its place
// (src/ui/first_screen.rs) its form cannot be sent, as nothing would receive it; should the
// app's code never come, the screen says so.
const KEPT_LANGUAGE = 'partnership-scorecard.language';
const firstFiles = Promise.all([fetchEarly(`${base}main.css`), Promise.all([...early.values()])]);
const drawn = hosts.map((host) => host.shadowRoot?.querySelector('[data-psc-first-screen]')).filter(Boolean);
let appFailed = false;
for (const first of drawn) firstFiles.then(([css, files]) => showFirstScreen(first, css, files));
function showFirstScreen(first, css, files) {
  if (!first.isConnected) return; // the app is up already
  const root = first.getRootNode();
  const primary = (tag) => (tag ?? '').split(/[-_]/)[0].toLowerCase();
  const offered = [...first.querySelectorAll('#psc-language option')].map((option) => option.value);
  try {
    const keys = Object.keys(localStorage);
    if (keys.some((key) => key.startsWith('partnership-scorecard.') && key !== KEPT_LANGUAGE)) throw 'returning';
    const asked = [root.host.dataset.lang, localStorage.getItem(KEPT_LANGUAGE), ...(navigator.languages ?? [])];
    const language = asked.map(primary).find((code) => offered.includes(code)) ?? 'en';
    if (files.includes(null) || language !== primary(first.querySelector('[lang]')?.lang)) throw 'not the same';
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    first.addEventListener('submit', (event) => event.preventDefault());
    first.hidden = false;
    if (appFailed) sayUnreachable(first);
  } catch {
    first.remove(); // also where storage is refused: the app says what that means
  }
}
function sayUnreachable(first) {
  const alert = first.querySelector('[data-psc-unreachable]');
  if (alert) alert.textContent = alert.dataset.pscUnreachable;
  first.querySelector('[data-psc-first-screen-note]')?.remove();
}

try {
  const { default: init } = await import(`${base}partnership-scorecard.js`);
  await init({ module_or_path: `${base}partnership-scorecard_bg.wasm` });
} catch (error) {
  appFailed = true;
  for (const first of drawn.filter((f) => f.isConnected && !f.hidden)) sayUnreachable(first);
  throw error;
}

// Offline after one visit: only where the page and the app share an origin (a host site on
// another origin cannot, and need not, register it). At the first idle moment after the app has
// started (at most 5 s later), rather than at once, when installing it competed with the first
// screen for the processor, the service worker is registered and asked to fetch every built-in
// questionnaire, so any of them opens offline.
if ('serviceWorker' in navigator && new URL(base).origin === location.origin) {
  const whenIdle = window.requestIdleCallback ?? ((then) => setTimeout(then, 1000));
  whenIdle(() => {
    navigator.serviceWorker.register(`${base}sw.js`)
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage('keep-all-content'))
      .catch(() => {});
  }, { timeout: 5000 });
}
