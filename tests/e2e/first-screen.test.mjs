// The start screen drawn into index.html at build time (scripts/first-screen.mjs): on a slow
// connection a person reads it and answers its first question before the app's code is in; the
// app then takes its place and nothing done meanwhile is lost. Where the app would draw something
// else (another language, a file missing), it is never shown. The app's code is held back by
// the test until it lets it through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, instrument, violations, seedAssessment, answeredAssessment } from './harness.mjs';

const env = useServerAndBrowser();
const WASM = '**/partnership-scorecard_bg.wasm';

/** A page whose app code is held back until `release()`. */
async function heldBack(context, errors) {
  const page = await newPage(context, errors);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(WASM, async (route) => {
    await held;
    await route.continue();
  });
  return { page, release };
}

const host = (page) => page.locator('[data-partnership-scorecard]');
/** Whether the app has mounted in the widget (it numbers each widget it starts). */
const appUp = (page) => host(page).evaluate((h) => h.hasAttribute('data-psc-widget'));
const drawnScreen = (page) => host(page).evaluate((h) => {
  const first = h.shadowRoot?.querySelector('[data-psc-first-screen]');
  return first ? (first.hidden ? 'hidden' : 'shown') : 'gone';
});
const takenOver = (page) => page.waitForFunction(() => {
  const h = document.querySelector('[data-partnership-scorecard]');
  return h.hasAttribute('data-psc-widget') && !h.shadowRoot.querySelector('[data-psc-first-screen]');
});
const focused = (page) => host(page).evaluate((h) => {
  const a = h.shadowRoot.activeElement;
  return a && (a.id || a.localName);
});
/** Waits until boot.js has taken the drawn screen away, the app still held back. */
const drawnScreenGone = (page) => page.waitForFunction(() => !document.querySelector('[data-partnership-scorecard]').shadowRoot?.querySelector('[data-psc-first-screen]'));

test('the first question is answered before the app arrives; the app takes over what was done', async () => {
  const errors = [];
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const { page, release } = await heldBack(context, errors);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.server.url);
  const [first, second] = instrument.roles.map((r) => page.getByRole('radio', { name: r.label }));
  await second.check();
  assert.equal(await appUp(page), false, 'the app has not started: its code is held back');
  assert.equal(await drawnScreen(page), 'shown');
  // What only the app can do is disabled, not silently lost, and a note beside Start says why.
  assert.equal(await page.getByRole('button', { name: 'Start answering' }).isDisabled(), true);
  assert.equal(await page.getByLabel('Questionnaire', { exact: true }).isDisabled(), true);
  assert.equal(await page.getByText('Opening…').isVisible(), true);

  const organisation = page.getByLabel("Your organisation's name");
  await organisation.fill('Kisumu Youth <b>Network</b>');
  // Enter in a field sends nothing anywhere and leaves the page where it is.
  const asked = requests.length;
  await organisation.press('Enter');
  await page.getByText('Use your own questionnaire').click();
  const partner = page.getByLabel("Your partner organisation's name");
  await partner.fill('Helping Hands Internationl');
  await partner.press('ArrowLeft');
  assert.equal(page.url(), env.server.url);
  assert.deepEqual(requests.slice(asked), []);
  assert.equal(await second.isChecked(), true);
  assert.equal(await first.isChecked(), false);

  // The app takes over while someone is typing: the field keeps focus and its caret.
  release();
  await takenOver(page);
  assert.equal(await focused(page), 'psc-partner-org', 'focus stays in the field');
  await page.keyboard.type('a');
  assert.equal(await partner.inputValue(), 'Helping Hands International', 'typing goes on at the caret');
  assert.equal(await second.isChecked(), true, 'the role ticked stays ticked');
  assert.equal(await organisation.inputValue(), 'Kisumu Youth <b>Network</b>');
  assert.equal(await page.locator('details.psc-own-instrument').evaluate((d) => d.open), true, 'the section opened stays open');
  assert.equal(await page.getByText('Opening…').count(), 0);

  await page.getByRole('button', { name: 'Start answering' }).click();
  await page.getByRole('heading', { level: 1, name: instrument.title }).waitFor();
  const kept = await page.evaluate(() => Object.values(localStorage).join('\n'));
  assert.match(kept, /Kisumu Youth <b>Network<\/b>/);
  assert.match(kept, /Helping Hands International/);
  assert.match(kept, new RegExp(`"role":"${instrument.roles[1].id}"`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a choice made with the keyboard, or the heading clicked, keeps its focus', async () => {
  const errors = [];
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const { page, release } = await heldBack(context, errors);
  await page.goto(env.server.url);
  const role = page.getByRole('radio', { name: instrument.roles[0].label });
  await role.focus();
  await page.keyboard.press('Space');
  release();
  await takenOver(page);
  assert.equal(await role.isChecked(), true);
  assert.equal(await role.evaluate((r) => r === r.getRootNode().activeElement), true, 'focus is on the same choice');
  assert.deepEqual(errors, []);
  await context.close();

  const again = await heldBack(await env.browser.newContext({ locale: 'en-GB' }), errors);
  await again.page.goto(env.server.url);
  await again.page.getByRole('heading', { level: 1 }).click();
  again.release();
  await takenOver(again.page);
  assert.equal(await focused(again.page), 'h1');
  assert.deepEqual(errors, []);
  await again.page.context().close();
});

test('the screen drawn at build time is the one the app draws, and meets WCAG 2.2 AA', async () => {
  const errors = [];
  const context = await env.browser.newContext({ locale: 'en-US' });
  // As in the build: the browser has not yet said whether it keeps this site's storage.
  await context.addInitScript(() => {
    for (const ask of ['persist', 'persisted']) navigator.storage[ask] = () => new Promise(() => {});
  });
  const { page, release } = await heldBack(context, errors);
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await appUp(page), false);
  assert.deepEqual(await violations(page, errors), []);
  // Its words and fields, as a person and a screen reader meet them.
  const shown = () => host(page).evaluate((h) => {
    const screen = [...h.shadowRoot.children].find((c) => c.localName === 'div' && !c.hidden);
    const fields = [...screen.querySelectorAll('input, select, textarea, button, summary, a')]
      .map((f) => `${f.localName}#${f.id}[${f.name ?? ''}=${f.value ?? ''}]`);
    // The note beside Start is the drawn screen's own: why Start waits.
    const text = screen.innerText.replace(/\n*Opening…\n*/, '\n');
    return { text, fields };
  });
  const before = await shown();
  release();
  await takenOver(page);
  const after = await shown();
  assert.equal(before.text, after.text);
  assert.deepEqual(before.fields, after.fields);
  assert.ok(before.fields.length > 10, `fields: ${before.fields.join(' ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the screen shows only where the app would draw the same: language, and a first visit', async () => {
  for (const [why, locale, prepare, heading, shown] of [
    ['a browser asking for French', 'fr-FR', null, /partenariat/i, false],
    ['a choice of Spanish kept here', 'en-GB', (c) => c.addInitScript(() => localStorage.setItem('partnership-scorecard.language', 'es')), /alianza/i, false],
    ['a browser asking first for a language the app has not', 'sw-KE', null, /both partners' eyes/, true],
    ['an assessment kept here, to be listed', 'en-GB', (c, page) => seedAssessment(page, answeredAssessment('kept-1')), /both partners' eyes/, false],
  ]) {
    const errors = [];
    const context = await env.browser.newContext({ locale });
    const { page, release } = await heldBack(context, errors);
    await prepare?.(context, page);
    await page.goto(env.server.url);
    if (shown) {
      await page.getByRole('radio').first().waitFor();
      assert.equal(await drawnScreen(page), 'shown', why);
    } else {
      // boot.js takes it away once its files are in, never showing it.
      await drawnScreenGone(page);
    }
    assert.equal(await appUp(page), false, why);
    release();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.deepEqual(errors, [], why);
    await context.close();
  }
});

test('the app arriving before the questionnaire draws its own screen', async () => {
  const errors = [];
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const page = await newPage(context, errors);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/content/instruments/local-leadership.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').hasAttribute('data-psc-widget'));
  assert.equal(await drawnScreen(page), 'gone', 'the app took the hidden screen away');
  release();
  await page.getByRole('radio', { name: instrument.roles[0].label }).check();
  assert.equal(await drawnScreen(page), 'gone');
  assert.deepEqual(errors, []);
  await context.close();
});

test("when the app's code cannot be fetched, the drawn screen says so", async () => {
  const errors = [];
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const page = await newPage(context, errors);
  await page.route(WASM, (route) => route.abort('internetdisconnected'));
  await page.goto(env.server.url);
  await page.getByRole('alert').filter({ hasText: 'could not be fetched' }).waitFor();
  assert.equal(await page.getByText('Opening…').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Start answering' }).isDisabled(), true);
  // The browser reports the refused download and the failed start itself; nothing else.
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|WebAssembly|Failed to load resource/.test(e)), []);
  await context.close();
});

test('when a file the screen shows cannot be had, the screen is not shown and the app says why', async () => {
  const errors = [];
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const { page, release } = await heldBack(context, errors);
  await page.route('**/content/instruments/local-leadership.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(env.server.url);
  await drawnScreenGone(page);
  assert.equal(await page.getByRole('radio').count(), 0);
  release();
  await page.getByRole('button', { name: 'Try again' }).waitFor();
  assert.equal(await page.getByRole('radio').count(), 0, 'no roles of a questionnaire that is not here');
  // The browser logs the refused file itself; nothing else went wrong.
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();
});
