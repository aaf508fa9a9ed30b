// Starts every Partnership Scorecard widget on the page: each element marked
// `data-partnership-scorecard`. This is also the one script a host site adds to embed the widget
// (see the README). It is a file of its own, never inline, so pages can forbid inline scripts
// with a strict Content Security Policy; it finds the app's other files beside itself.
const base = new URL('./', import.meta.url).href;
// The widget's stylesheet is only linked once the app runs (inside each widget); asking for it
// now saves a round trip on slow connections.
if (![...document.querySelectorAll('link[rel="preload"]')].some((l) => l.href === `${base}main.css`)) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'style', href: `${base}main.css` }));
}
for (const host of document.querySelectorAll('[data-partnership-scorecard]')) {
  host.dataset.pscBase ??= base;
}
const { default: init } = await import(`${base}partnership-scorecard.js`);
await init({ module_or_path: `${base}partnership-scorecard_bg.wasm` });

// Offline after one visit: only where the page and the app share an origin (a host site on
// another origin cannot, and need not, register it).
if ('serviceWorker' in navigator && new URL(base).origin === location.origin) {
  navigator.serviceWorker.register(`${base}sw.js`).catch(() => {});
}
