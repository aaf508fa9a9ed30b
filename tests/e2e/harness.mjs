// Shared by the browser tests: a static server over the release build in dist/, Debian's
// Chromium driven by playwright-core, and the instrument data the tests compute expectations from.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import { join, extname, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import * as protectedFile from '../support/protected-file.mjs';

export const repo = new URL('../../', import.meta.url).pathname;
/** The build under test: dist/, or another copy of it (PSC_DIST), so a build can go on beside a run. */
export const dist = process.env.PSC_DIST ?? join(repo, 'dist');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Serves dist/ on a free loopback port, gzipped when the browser accepts it, as a real host would;
 * under `folder` (e.g. `/scorecard/`) as a site that keeps the app in a folder of its own.
 */
export async function serveDist(root = dist, { folder = '/' } = {}) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `trunk build --release` first (scripts/test.sh does)');
  }
  // Each file is compressed once (again when its bytes change), as a host that caches or
  // precompresses does: compressing the wasm anew for every request held the server up for tens
  // of milliseconds, which showed in the timings of scripts/bench.mjs.
  const compressed = new Map();
  const gzipOnce = (file, body) => {
    const known = compressed.get(file);
    if (known?.body.equals(body)) return known.gzipped;
    const gzipped = gzipSync(body, { level: 9 });
    compressed.set(file, { body, gzipped });
    return gzipped;
  };
  const server = createServer(async (req, res) => {
    const asked = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const path = asked.startsWith(folder) ? normalize(`/${asked.slice(folder.length)}`).replace(/^(\.\.[/\\])+/, '') : null;
    const file = path === null ? join(root, '\0') : join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        headers['content-encoding'] = 'gzip';
        res.writeHead(200, headers);
        res.end(gzipOnce(file, body));
      } else {
        res.writeHead(200, headers);
        res.end(body);
      }
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const close = () => new Promise((r) => {
    server.close(r);
    server.closeAllConnections();
  });
  return { url: `http://127.0.0.1:${port}/`, close };
}

/**
 * Debian's Chromium through playwright-core. `backForwardCache`: keep the browser's
 * back/forward cache, which Playwright turns off by default, for tests of pages restored from it.
 */
export function launchBrowser({ backForwardCache = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : [],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // A known locale, so dates shown through the browser's Intl have a known form.
      '--lang=en-US',
    ],
  });
}

/** Starts a server over dist/ and a browser before a test file's tests, and stops both after. */
export function useServerAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serveDist();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A page that fails the test on any uncaught error or console error. */
export async function newPage(context, errors) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return page;
}

/** The instrument as data: the tests derive what they expect from it, not from the app. */
export const instrument = JSON.parse(
  readFileSync(join(repo, 'src/content/instruments/local-leadership.json'), 'utf8'),
);
export const items = instrument.dimensions.flatMap((d) => d.items.map((i) => ({ ...i, dimension: d.id })));

/**
 * Opens the app and starts an assessment as a person would, by labels and roles; `name`, when
 * given, is the respondent's own name.
 */
export async function startAssessment(page, url, { role, organisation, partner, name }) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('radio', { name: role }).check();
  await page.getByLabel("Your organisation's name").fill(organisation);
  await page.getByLabel("Your partner organisation's name").fill(partner);
  if (name) await page.getByLabel('Your own name (optional)').fill(name);
  await page.getByRole('button', { name: 'Start answering' }).click();
  await page.getByRole('heading', { level: 1, name: instrument.title }).waitFor();
}

/** The radio for one rating: a scale point (number) or 'na'. */
export function ratingRadio(page, item, rating) {
  const group = page.getByRole('group', { name: item.text });
  const label = rating === 'na'
    ? instrument.scale.not_applicable
    : `${rating} – ${instrument.scale.labels[rating - instrument.scale.min]}`;
  return group.getByRole('radio', { name: label, exact: true });
}

/** Answers by item id; `null` leaves an item unanswered. */
export async function answer(page, ratings) {
  for (const item of items) {
    const rating = ratings[item.id];
    if (rating != null) await ratingRadio(page, item, rating).check();
  }
}

/** Mean of the scale points among `ratings`, in tenths rounded half up; null when none. */
export function meanTenths(ratings) {
  const points = ratings.filter((r) => typeof r === 'number');
  if (points.length === 0) return null;
  return Math.round((points.reduce((a, b) => a + b, 0) * 10) / points.length);
}

export const oneDecimal = (tenths) => (tenths / 10).toFixed(1);

/** Everything in this origin's localStorage, to prove a failure changed nothing. */
export function storageSnapshot(page) {
  return page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
}

/**
 * The comment box of one statement (an item of `items`), unfolded as a person does it: by
 * clicking "Add a comment" in that statement's group, unless it is open already (a statement
 * with a comment shows it).
 */
export async function commentBox(page, item) {
  const label = /^Comment on \d+\.\d+ \(optional\)$/;
  const group = page.getByRole('group', { name: item.text });
  const box = group.getByLabel(label);
  const fold = group.locator('details', { has: page.getByLabel(label) });
  if (!(await fold.evaluate((d) => d.open))) await group.getByText('Add a comment', { exact: true }).click();
  await box.waitFor();
  return box;
}

/** Opens a statement's folded comment and types `text` into it. */
export async function fillComment(page, item, text) {
  const box = await commentBox(page, item);
  await box.fill(text);
  return box;
}

/** The label of the box that protects a download with a passphrase (ticked by default). */
export const PROTECT = 'Protect the file with a passphrase (recommended)';

/**
 * The passphrase the app offers for the next download on this screen: the one in its field, as
 * a person reads it off the screen.
 */
export function offeredPassphrase(page) {
  return page.getByLabel('Passphrase', { exact: true }).inputValue();
}

/**
 * A downloaded file's text. With a `passphrase`, the file must be a protected one (the app's
 * default): it is opened by the format's second implementation (tests/support/protected-file.mjs,
 * Node's Web Crypto), not by the app.
 */
export async function fileText(download, passphrase) {
  const text = await readFile(await download.path(), 'utf8');
  if (passphrase == null) return text;
  assert.equal(JSON.parse(text).format, 'partnership-scorecard-protected', `${download.suggestedFilename()} is protected`);
  return protectedFile.open(passphrase, text);
}

/**
 * Types the passphrase the app asks for once a protected file is chosen, and presses Enter (the
 * field has focus when it is asked for: that is checked too).
 */
export async function givePassphrase(page, passphrase) {
  const field = page.getByLabel("The file's passphrase");
  await field.waitFor();
  await page.waitForFunction(() => /-files?-passphrase$/.test(document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id));
  await field.fill(passphrase);
  await field.press('Enter');
}

/**
 * Seals the own answers on the results screen, which the partner's file needs first: "Seal and
 * download my result file" seals them and downloads the sealed file in one step, protected with
 * the passphrase the app offers (`plain`: with the box unticked, as it is). With statements
 * unanswered the app first says how many; `anyway` says the test means to seal them so (without
 * it, that check is a failure). Resolves to the download of the sealed result file, with the
 * passphrase it was protected with as its `passphrase` (null when plain); its text is
 * `fileText(download, download.passphrase)`.
 */
export async function seal(page, { anyway = false, plain = false } = {}) {
  let passphrase = null;
  if (plain) await page.getByLabel(PROTECT).uncheck();
  else passphrase = await offeredPassphrase(page);
  const download = page.waitForEvent('download');
  download.catch(() => {}); // awaited below, unless the check stops the test first
  await page.getByRole('button', { name: 'Seal and download my result file' }).click();
  const check = page.getByText(/^\d+ of \d+ statements (is|are) not answered yet\./);
  const reopen = page.getByRole('button', { name: 'Re-open my answers' });
  if (anyway) {
    await check.waitFor();
    await page.getByRole('button', { name: 'Seal and download anyway' }).click();
  } else {
    await reopen.or(check).first().waitFor();
    if (await check.isVisible()) throw new Error(`seal: the app says "${await check.textContent()}" (pass { anyway: true } to seal so)`);
  }
  const file = await download;
  await reopen.waitFor();
  await page.getByText(`Your answers are sealed and your result file ${file.suggestedFilename()} was downloaded: send it to your partner. You can now open your partner's result file.`).waitFor();
  if (passphrase) await page.getByText(`Your file is protected with the passphrase ${passphrase}: give it to your partner another way than the file`).waitFor();
  file.passphrase = passphrase;
  return file;
}

const axeSource = readFileSync(join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's violations on the page as it is (WCAG 2.2 A and AA, plus best practices unless
 * `bestPractice` is false), one line each. axe itself, walking the widget's shadow root, sets an
 * inline style the page's policy refuses: those refusals, logged while axe runs, are axe's and
 * are taken out of `errors`; any other error stays.
 */
export async function violations(page, errors, { bestPractice = true } = {}) {
  const before = errors.length;
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated by the test driver, not injected as a page script: the page's Content Security
    // Policy forbids inline scripts, and stays on for the app while axe checks it.
    await page.evaluate(axeSource);
  }
  const tags = bestPractice ? [...WCAG, 'best-practice'] : WCAG;
  const result = await page.evaluate((values) => axe.run(document, { runOnly: { type: 'tag', values } }), tags);
  const during = errors.splice(before);
  errors.push(...during.filter((e) => !/^console: Applying inline style violates/.test(e)));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * A stored assessment with both sides answered in full and sealed, as the app keeps it: the
 * local partner (this browser) rates 1 to 5 in turn, the international partner 5, 4, 3; every
 * fourth statement has a comment on both sides, every reflection an answer.
 */
export function answeredAssessment(id) {
  const responses = (role, organisation, partner, rate) => ({
    instrument: { id: instrument.id, version: instrument.version }, role, organisation, partner_organisation: partner,
    created_at: '2026-11-20T08:00:00.000Z', updated_at: '2026-11-21T08:00:00.000Z',
    answers: Object.fromEntries(items.map((item, n) => [item.id, {
      rating: rate(n), answered_at: '2026-11-20T08:00:00.000Z',
      ...(n % 4 === 0 ? { comment: `A comment on ${item.id} long enough to wrap over a line or two in the printed report.` } : {}),
    }])),
    reflections: Object.fromEntries(instrument.reflections.map((q) => [q.id, { text: `An answer to ${q.id}.`, answered_at: 't' }])),
    sealed_at: '2026-11-21T08:00:00.000Z',
  });
  return {
    store_version: 2, id,
    own: responses('local', 'Lake Women Network', 'Nordic Aid', (n) => 1 + (n % 5)),
    partner: responses('international', 'Nordic Aid', 'Lake Women Network', (n) => 5 - (n % 3)),
  };
}

/**
 * Stores `entry` as an assessment before the page loads, with the copy of its questionnaire the
 * app keeps beside it (once per tab: a reload keeps what the app stored since).
 */
export function seedAssessment(page, entry) {
  return page.addInitScript(([stored, questionnaire]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(`partnership-scorecard.assessment.${stored.id}`, JSON.stringify(stored));
      localStorage.setItem(`partnership-scorecard.instrument.${questionnaire.id}`, JSON.stringify(questionnaire));
      sessionStorage.setItem('seeded', '1');
    }
  }, [entry, instrument]);
}

/** Opens the app with `entry` stored as an assessment, resumes it and goes to its joint session. */
export async function openSessionOf(page, url, entry) {
  await seedAssessment(page, entry);
  await page.goto(url);
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('button', { name: '4. Joint session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Joint session: talk the gaps through' }).waitFor();
}

/** How the app shows an ISO date (2026-11-25) in the tests' en-US browser: month/day/year. */
export function shownDate(iso) {
  const [year, month, day] = iso.split('-');
  return `${month}/${day}/${year}`;
}
