// Draws the start screen into index.html at build time (called by finish-build.mjs), so that on
// a first visit the first question can be read and answered as soon as the page, its stylesheet
// and the first questionnaire are in, before the app's code (about 160 KB, over a second on a
// slow connection) has arrived.
//
// The screen is the app's own: the built page is opened in Debian's Chromium (playwright-core)
// with an empty store and an English browser, and the widget's start screen is copied once drawn
// with the first questionnaire, so it can never differ from what the app draws. It goes into the
// widget's element as a declarative shadow root, hidden; boot.js shows it only when the app would
// draw the same (English, the questionnaire offered first, every file in), and the app takes it
// over once it is up, carrying over what was ticked and typed and where focus was
// (src/ui/first_screen.rs). Until then, what only the app can do (its buttons, file choosers and
// lists to choose from) is disabled, a click there would be lost, and a note beside Start says
// the app is opening (the catalogue's words, src/i18n/en.rs; the screen is only ever English).
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';

/** The element boot.js and the app look for; src/ui/ids.rs names it too. */
const MARK = 'data-psc-first-screen';
const HOST = '<div data-partnership-scorecard></div>';

/** An English text of the interface's catalogue (src/i18n/en.rs), by its key. */
async function catalogue(key) {
  const source = await readFile(new URL('../src/i18n/en.rs', import.meta.url), 'utf8');
  const text = source.match(new RegExp(`^\\s*${key}: ("(?:[^"\\\\]|\\\\.)*"),$`, 'm'))?.[1];
  if (!text) throw new Error(`src/i18n/en.rs has no ${key}: update scripts/first-screen.mjs`);
  return JSON.parse(text);
}

export async function drawFirstScreen(dir) {
  const page = join(dir, 'index.html');
  const html = await readFile(page, 'utf8');
  if (!html.includes(HOST)) throw new Error(`index.html has no ${HOST}: update scripts/first-screen.mjs`);
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
  const server = createServer(async (req, res) => {
    const path = normalize(`/${decodeURIComponent(new URL(req.url, 'http://x').pathname)}`);
    try {
      const body = await readFile(join(dir, path.endsWith('/') ? `${path}index.html` : path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? (path.endsWith('/') ? 'text/html' : 'application/octet-stream') });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const opening = await catalogue('part_loading');
  const unreachable = await catalogue('part_unreachable');
  let browser;
  let screen;
  try {
    const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
    browser = await chromium.launch({ executablePath }).catch((error) => {
      throw new Error(`the build draws the start screen in Chromium, which did not start (${executablePath}; CHROMIUM_PATH names another): run scripts/setup.sh. ${error.message}`);
    });
    const context = await browser.newContext({ locale: 'en-GB', serviceWorkers: 'block' });
    // What the app draws before the browser answers whether it keeps this site's storage (a note
    // that it may not comes later, on a first visit as anywhere), whatever this browser answers.
    await context.addInitScript(() => {
      for (const ask of ['persist', 'persisted']) navigator.storage[ask] = () => new Promise(() => {});
    });
    const tab = await context.newPage();
    const failures = [];
    tab.on('pageerror', (error) => failures.push(error.message));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    // Drawn: the first questionnaire's roles and its description (not the note saying it loads).
    const drawn = await tab.waitForFunction(() => {
      const root = document.querySelector('[data-partnership-scorecard]')?.shadowRoot;
      const widget = [...(root?.children ?? [])].find((child) => child.localName === 'div' && !child.hidden);
      return widget?.querySelector('input[name="psc-role"]') && widget.querySelector('#psc-instrument-about .psc-hint:not([role])') ? widget : null;
    }, null, { timeout: 60_000 }).catch(() => null);
    if (!drawn) throw new Error(`the start screen was never drawn: ${failures.join('; ') || 'no error on the page'}`);
    screen = await drawn.evaluate((widget, [mark, opening, unreachable]) => {
      const copy = widget.cloneNode(true);
      copy.setAttribute(mark, '');
      copy.hidden = true;
      for (const only of copy.querySelectorAll('button, select, input[type=file]')) only.disabled = true;
      // Why Start waits, beside it; and what boot.js says, in the screen's alert, should the app's
      // code never come.
      const note = Object.assign(document.createElement('p'), { className: 'psc-hint', textContent: opening });
      note.setAttribute(`${mark}-note`, '');
      copy.querySelector('button[type=submit]').after(note);
      copy.querySelector('.psc-notices [role=alert]').dataset.pscUnreachable = unreachable;
      return copy.outerHTML.replace(/<!--[\s\S]*?-->/g, '');
    }, [MARK, opening, unreachable]);
  } finally {
    await browser?.close();
    server.close();
  }
  if (/<script|<style|\sstyle=|\son\w+=/i.test(screen)) throw new Error('the start screen carries a script or a style: the page would need them allowed');
  // A function, so no `$` in the screen's text is read as a replacement pattern.
  await writeFile(page, html.replace(HOST, () => `<div data-partnership-scorecard><template shadowrootmode="open">${screen}</template></div>`));
}
