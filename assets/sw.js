// Lets the scorecard open with the network off once it has been opened online. It keeps the
// app's own files and its content (the list of questionnaires and each questionnaire), never an
// answer: answers live in localStorage. Network first, so an update online is never mixed with
// an older cached part; the cache answers when the network does not.
const CACHE = 'partnership-scorecard-v3';
const INDEX = 'content/instruments/index.json';
// The later part of the app's code (its loader and its module, whose name changes with its
// bytes): filled in by scripts/finish-build.mjs, which makes them.
const PARTS = [];
const APP = ['./', 'index.html', 'boot.js', 'main.css', 'partnership-scorecard.js', 'partnership-scorecard_bg.wasm', INDEX, ...PARTS];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(APP)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('partnership-scorecard-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Asked by boot.js once the widgets run: every built-in questionnaire the index lists, fetched
// in the background and kept, so a facilitator who opened the app once can run any of them in a
// workshop with no connection; and the same in every interface language this browser has used
// (its language file is kept). One already kept is not fetched again.
const LANGUAGES = ['fr', 'es', 'pt', 'ar'];
async function keepAll(cache, folder) {
  const path = `content/instruments/${folder}index.json`;
  const index = await fetch(path).then((r) => (r.ok ? r : cache.match(path))).catch(() => cache.match(path));
  if (!index) return;
  const { instruments = [] } = await index.clone().json();
  await cache.put(path, index);
  for (const { id } of instruments) {
    const file = `content/instruments/${folder}${id}.json`;
    if (!/^[a-z0-9.-]+$/.test(id) || (await cache.match(file))) continue;
    await cache.add(file).catch(() => {});
  }
}
self.addEventListener('message', (event) => {
  if (event.data !== 'keep-all-content') return;
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    await keepAll(cache, '');
    for (const lang of LANGUAGES) {
      if (await cache.match(`content/languages/${lang}.json`)) await keepAll(cache, `${lang}/`);
    }
  }));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then(async (cache) => {
            await cache.put(request, copy);
            // A language used here: its questionnaires are kept too.
            const lang = LANGUAGES.find((l) => request.url.endsWith(`content/languages/${l}.json`));
            if (lang) await keepAll(cache, `${lang}/`);
          });
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
  );
});
