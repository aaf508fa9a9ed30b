// Starts every Partnership Scorecard widget on the page: each element marked
// `data-partnership-scorecard`. This is also the one script a host site adds to embed the widget
// (see the README). It is a file of its own, never inline, so pages can forbid inline scripts
// with a strict Content Security Policy; it finds the app's other files beside itself.
const base = new URL('./', import.meta.url).href;
const hosts = [...document.querySelectorAll('[data-partnership-scorecard]')];

// What the widgets will ask for once the app runs (their stylesheet, the list of questionnaires
// and any built-in one a host names), asked for now, beside the app's code: on a slow connection
// each saves a round trip. A page that already asks for one (index.html) is not asked twice.
const preload = (href, as) => {
  if ([...document.querySelectorAll('link[rel="preload"]')].some((l) => l.href === href)) return;
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as, href });
  if (as === 'fetch') link.crossOrigin = 'anonymous';
  document.head.append(link);
};
preload(`${base}main.css`, 'style');
preload(`${base}content/instruments/index.json`, 'fetch');
// The app's code too, on a host page: otherwise the wasm is asked for only once the glue below
// has arrived, a round trip later.
preload(`${base}partnership-scorecard_bg.wasm`, 'fetch');
for (const host of hosts) {
  host.dataset.pscBase ??= base;
  const named = host.dataset.instrument;
  if (named && /^[a-z0-9.-]+$/.test(named)) preload(`${base}content/instruments/${named}.json`, 'fetch');
}

const { default: init } = await import(`${base}partnership-scorecard.js`);
await init({ module_or_path: `${base}partnership-scorecard_bg.wasm` });

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
