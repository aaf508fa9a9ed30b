// The main flows in a second engine, Firefox (Debian's firefox-esr, driven by Puppeteer over
// WebDriver BiDi): two partners answer separately, each seals and downloads a result file
// (protected with the passphrase offered, Firefox's own Web Crypto; the format's second
// implementation opens it), one opens the other's with its passphrase, compares, and presents the
// joint session by keyboard; answers survive a reload; the start screen drawn into the page is
// answered before the app arrives and taken over. Firefox differs from Chromium in the shadow DOM, file inputs, <details>, date fields
// and the Blob downloads these flows rest on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serveDist, instrument, items, meanTenths, oneDecimal } from './harness.mjs';
import * as pf from '../support/protected-file.mjs';

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The widget's element `selector` finds, once it is there. */
async function find(page, selector) {
  await page.waitForFunction((s) => document.querySelector('[data-partnership-scorecard]')?.shadowRoot?.querySelector(s), {}, selector);
  return page.evaluateHandle((s) => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector(s), selector);
}

/** The widget's button (or summary) whose text is `text`, once it is there. */
async function button(page, text) {
  const pick = (t) => [...document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelectorAll('button, summary')]
    .find((b) => b.textContent.trim() === t && b.getClientRects().length > 0);
  await page.waitForFunction(pick, {}, text);
  return page.evaluateHandle(pick, text);
}

const text = (page, selector) => page.evaluate((s) => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector(s)?.textContent ?? '', selector);

/** Opens a page that records what the app downloads (the Blob behind each download link). */
async function openPage(context, errors) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.evaluateOnNewDocument(() => {
    window.__downloads = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => { blob.text().then((t) => window.__downloads.push(t)); return create(blob); };
  });
  await page.goto(server.url);
  // The start screen drawn into the page shows first; the handles below are the app's own, taken
  // once the app has taken its place (tests/e2e/first-screen.test.mjs tests the taking over).
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-partnership-scorecard]');
    return host.hasAttribute('data-psc-widget') && !host.shadowRoot?.querySelector('[data-psc-first-screen]');
  });
  return page;
}

/** An id with its dots escaped, for a selector. */
const escaped = (id) => id.replace(/\./g, '\\.');

async function start(page, role, organisation, partner) {
  await (await find(page, `input[type=radio][value=${role}]`)).click();
  await (await find(page, '#psc-org')).type(organisation);
  await (await find(page, '#psc-partner-org')).type(partner);
  await (await button(page, 'Start answering')).click();
  await find(page, 'fieldset.psc-item');
}

async function answerAll(page, rate) {
  for (const [n, item] of items.entries()) await (await find(page, `#psc-rate-${escaped(item.id)}-${rate(n)}`)).click();
}

/**
 * Seals and downloads on the results screen, protected with the passphrase the app offers;
 * returns the downloaded file's text and that passphrase.
 */
async function sealAndDownload(page) {
  await (await button(page, 'See my results')).click();
  const passphrase = await (await find(page, '#psc-passphrase')).evaluate((field) => field.value);
  await (await button(page, 'Seal and download my result file')).click();
  await page.waitForFunction(() => window.__downloads.length > 0);
  await button(page, 'Re-open my answers');
  return { text: await page.evaluate(() => window.__downloads.at(-1)), passphrase };
}

test('Firefox: two partners answer, seal, exchange files, compare and present', async () => {
  const errors = [];
  const rateA = (n) => 1 + (n % 5);
  const rateB = (n) => 5 - (n % 3);
  const contextB = await browser.createBrowserContext();
  const pageB = await openPage(contextB, errors);
  await start(pageB, 'international', 'Nordic Aid', 'Lake Women Network');
  await answerAll(pageB, rateB);
  // A comment, folded until asked for.
  const group = escaped(items[0].id);
  await (await find(pageB, `#psc-comment-${group}`)).evaluate((box) => box.closest('details').open === false).then((folded) => assert.ok(folded, 'comment folded'));
  await (await button(pageB, 'Add a comment')).click();
  await (await find(pageB, `#psc-comment-${group}`)).type('Decided at headquarters');
  const { text: fileB, passphrase } = await sealAndDownload(pageB);
  assert.match(passphrase, /^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){4}$/);
  assert.equal(JSON.parse(fileB).format, 'partnership-scorecard-protected', 'protected by default');
  const parsedB = JSON.parse(await pf.open(passphrase, fileB));
  assert.ok(parsedB.responses.sealed_at, 'B sealed');
  assert.equal(parsedB.responses.answers[items[0].id].comment, 'Decided at headquarters');

  const contextA = await browser.createBrowserContext();
  const pageA = await openPage(contextA, errors);
  await start(pageA, 'local', 'Lake Women Network', 'Nordic Aid');
  await answerAll(pageA, rateA);
  // A reload keeps every answer.
  await pageA.reload();
  await (await find(pageA, 'button[data-do=resume]')).click();
  await find(pageA, 'fieldset.psc-item');
  const kept = await pageA.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelectorAll('input[type=radio]:checked').length);
  assert.equal(kept, items.length, 'answers kept over a reload');
  await sealAndDownload(pageA);
  const dir = mkdtempSync(join(tmpdir(), 'psc-ff-'));
  writeFileSync(join(dir, 'nordic-aid.json'), fileB);
  await (await find(pageA, '#psc-partner-file')).uploadFile(join(dir, 'nordic-aid.json'));
  // Asked for the passphrase, focus in its field: typed, then Enter.
  await find(pageA, '#psc-partner-file-passphrase');
  await pageA.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === 'psc-partner-file-passphrase');
  await pageA.keyboard.type(passphrase);
  await pageA.keyboard.press('Enter');
  await find(pageA, '#psc-dimension-gaps');

  // The comparison's numbers, from the answers.
  const rows = await pageA.evaluate(() => [...document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelectorAll('#psc-dimension-gaps tbody tr')]
    .map((r) => ({ id: r.dataset.dimension, cells: [...r.querySelectorAll('td')].map((c) => c.textContent.trim()) })));
  assert.equal(rows.length, instrument.dimensions.length);
  for (const row of rows) {
    const d = instrument.dimensions.find((x) => x.id === row.id);
    const at = (item) => items.findIndex((i) => i.id === item.id);
    const own = meanTenths(d.items.map((i) => rateA(at(i))));
    const partner = meanTenths(d.items.map((i) => rateB(at(i))));
    assert.equal(row.cells[0], oneDecimal(own), `${row.id}: yours`);
    assert.equal(row.cells[1], oneDecimal(partner), `${row.id}: your partner's`);
    assert.ok(row.cells[2].startsWith(oneDecimal(Math.abs(own - partner))), `${row.id}: the gap`);
  }
  assert.ok(await pageA.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('.psc-chart svg text') !== null), 'the chart is drawn');

  // The joint session, presented and moved through by keyboard.
  await (await button(pageA, 'Prepare the joint session')).click();
  await (await button(pageA, 'Present on a projector')).click();
  await find(pageA, '.psc-present h1');
  const first = await text(pageA, '.psc-present h1');
  await pageA.keyboard.press('ArrowRight');
  await pageA.waitForFunction((t) => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('.psc-present h1')?.textContent !== t, {}, first);
  assert.match(await text(pageA, '.psc-slide-count'), /^2 of \d+$/);
  await pageA.keyboard.press('Escape');
  await find(pageA, '.psc-session-view');
  assert.match(await text(pageA, '.psc-session-view'), /Nordic Aid\u2069? \(International partner\)/, 'the organisations are named');
  assert.deepEqual(errors, []);
  await contextA.close();
  await contextB.close();
});

test('Firefox: the drawn start screen is answered before the app arrives, and the app takes it over', async () => {
  // A server in front of the build that holds the app's WebAssembly back until released.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const front = createServer(async (req, res) => {
    if (req.url.endsWith('partnership-scorecard_bg.wasm')) await held;
    const upstream = await fetch(new URL(req.url, server.url));
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  const errors = [];
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  try {
    await page.goto(`http://127.0.0.1:${front.address().port}/`);
    const role = instrument.roles[1].id;
    await page.waitForFunction((r) => {
      const first = document.querySelector('[data-partnership-scorecard]').shadowRoot?.querySelector('[data-psc-first-screen]');
      return first && !first.hidden && first.querySelector(`input[value=${r}]`);
    }, {}, role);
    const up = () => page.evaluate(() => document.querySelector('[data-partnership-scorecard]').hasAttribute('data-psc-widget'));
    assert.equal(await up(), false, "the app's code is held back");
    await (await find(page, `input[type=radio][value=${role}]`)).click();
    await (await find(page, '#psc-org')).type('Lake Women Network');
    release();
    await page.waitForFunction(() => {
      const host = document.querySelector('[data-partnership-scorecard]');
      return host.hasAttribute('data-psc-widget') && !host.shadowRoot.querySelector('[data-psc-first-screen]');
    });
    const state = () => page.evaluate((r) => {
      const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
      return { ticked: root.querySelector(`input[value=${r}]`).checked, org: root.querySelector('#psc-org').value, focus: root.activeElement?.id };
    }, role);
    assert.deepEqual(await state(), { ticked: true, org: 'Lake Women Network', focus: 'psc-org' });
    await page.keyboard.type(' Kisumu');
    assert.equal((await state()).org, 'Lake Women Network Kisumu', 'typing goes on in the same field');
    assert.deepEqual(errors, []);
  } finally {
    release();
    await context.close();
    await new Promise((resolve) => front.close(resolve));
  }
});
