// Protected files (issue 19): every file of answers is downloaded protected with a passphrase
// unless the person unticks it; every chooser that reads one (a partner's result file, a joint
// session file, an earlier round, several people's files) asks for the passphrase before
// anything else reads it, and nothing stored changes until it opens. Each kind of file goes from
// one browser context to another; the app opens files made by the format's second implementation
// (tests/support/protected-file.mjs, Node's Web Crypto) and that implementation opens the app's.
// Damaged and absurd files are refused at once with a clear message, the page never freezes, and
// neither passphrases nor answers reach the console or any request. The cost of deriving a key in
// Chromium is measured and printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as pf from '../support/protected-file.mjs';
import {
  useServerAndBrowser, newPage, startAssessment, answer, fillComment, items, instrument, seal, fileText, givePassphrase,
  offeredPassphrase, storageSnapshot, violations, answeredAssessment, seedAssessment, openSessionOf, shownDate, PROTECT,
} from './harness.mjs';

const env = useServerAndBrowser();
const GENERATED = /^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){4}$/;
const SECRET = 'Frank view: the funder decides everything and listens to nobody';
const activeId = (page) => page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id);
const focusOn = (page, id) => page.waitForFunction((id) => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === id, id);

/**
 * Everything a browser context asks for and everything its pages write to the console, to show
 * afterwards that no passphrase and no answer went there.
 */
function watch(context) {
  const seen = { requests: [], console: [] };
  context.on('request', (r) => seen.requests.push({ url: r.url(), method: r.method(), body: r.postData(), headers: JSON.stringify(r.headers()) }));
  context.on('page', (page) => page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`)));
  return seen;
}

function assertNothingLeaked(seen, secrets, who) {
  for (const r of seen.requests) {
    if (!r.url.startsWith('blob:')) assert.equal(r.method, 'GET', `${who}: ${r.method} ${r.url}`);
    assert.equal(r.body, null, `${who}: ${r.url} has no body`);
  }
  for (const secret of secrets) {
    for (const r of seen.requests) {
      assert.ok(![r.url, r.headers].some((t) => t.includes(secret)), `${who}: "${secret}" in a request to ${r.url}`);
    }
    for (const line of seen.console) assert.ok(!line.includes(secret), `${who}: "${secret}" in the console: ${line}`);
  }
}

/**
 * Starts recording, in the page, the longest wait between two ticks of a 10 ms timer: a page
 * frozen by a computation on its thread would show it. `stop` resolves to that longest wait.
 */
async function freezeMeter(page) {
  await page.evaluate(() => {
    window.__longest = 0;
    let last = performance.now();
    window.__meter = setInterval(() => {
      const now = performance.now();
      window.__longest = Math.max(window.__longest, now - last);
      last = now;
    }, 10);
  });
  return { stop: () => page.evaluate(() => { clearInterval(window.__meter); return window.__longest; }) };
}

/** A result file as the app writes it, of one side of `answeredAssessment`. */
function resultFile(side, changes = {}) {
  const stored = answeredAssessment('x');
  const responses = { ...(side === 'local' ? stored.own : stored.partner), ...changes };
  return `${JSON.stringify({ format: 'partnership-scorecard-result', format_version: 1, exported_at: '2026-11-21T09:00:00.000Z', generator: 'tests', responses }, null, 2)}\n`;
}

const upload = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** The local partner's browser, answers sealed, on its results screen: the partner's file may be opened. */
async function sealedAndWaiting(context, errors) {
  const page = await newPage(context, errors);
  const { partner, ...own } = answeredAssessment('waiting');
  await seedAssessment(page, own);
  await page.goto(env.server.url);
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('button', { name: '2. My results' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  return page;
}

test('a result file goes protected from one partner to the other; the passphrase never leaves either browser', async () => {
  const errors = [];
  const contextA = await env.browser.newContext({ acceptDownloads: true });
  const seenA = watch(contextA);
  const pageA = await newPage(contextA, errors);
  await startAssessment(pageA, env.server.url, { role: 'International partner', organisation: 'Nordic Aid', partner: 'Lake Women Network' });
  await answer(pageA, Object.fromEntries(items.map((item, n) => [item.id, 5 - (n % 3)])));
  await fillComment(pageA, items[0], SECRET);
  await pageA.getByRole('button', { name: 'See my results' }).click();
  await pageA.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();

  // Protected by default, with a passphrase made here: five groups of four, easy to read aloud.
  assert.equal(await pageA.getByRole('checkbox', { name: PROTECT }).isChecked(), true, 'protected by default');
  const first = await offeredPassphrase(pageA);
  assert.match(first, GENERATED);
  const hint = pageA.locator('#psc-passphrase-hint');
  assert.match(await hint.textContent(), /^Made for you by this browser: five groups of four letters and digits, easy to read aloud/);
  await pageA.getByText('Send the passphrase another way than the file: say it in a phone call or send it in a text message, never in the same email. Without it nobody can open the file, not even us').waitFor();
  await pageA.getByRole('button', { name: 'Make another passphrase' }).click();
  const second = await offeredPassphrase(pageA);
  assert.match(second, GENERATED);
  assert.notEqual(second, first, 'another one');
  assert.deepEqual(await violations(pageA, errors), []);

  // A passphrase of one's own: its strength in plain words, and a minimum below which nothing
  // is sealed or downloaded.
  const field = pageA.getByLabel('Passphrase', { exact: true });
  await field.fill('short');
  assert.equal(await hint.textContent(), 'Too short: a passphrase of your own needs at least 12 characters.');
  await field.fill('aaaaaaaaaaaaaaaaaaaa');
  assert.match(await hint.textContent(), /^Weak: too easy to guess\./);
  await field.fill('Our budget talks 2026 went well!');
  assert.match(await hint.textContent(), /^(Fair|Strong): /);
  await field.fill('abcdefghijklmnop');
  const beforeWeak = await storageSnapshot(pageA);
  const downloads = [];
  pageA.on('download', (d) => downloads.push(d));
  await pageA.getByRole('button', { name: 'Seal and download my result file' }).click();
  await pageA.getByText(/^Nothing was downloaded: this passphrase is too short or too easy to guess/).waitFor();
  await focusOn(pageA, 'psc-passphrase');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await violations(pageA, errors), []);
  await pageA.waitForTimeout(300);
  assert.equal(downloads.length, 0, 'nothing downloaded');
  assert.equal(await storageSnapshot(pageA), beforeWeak, 'nothing sealed');
  await pageA.getByRole('button', { name: 'Make another passphrase' }).click();

  // Sealed and downloaded, protected: the file is an envelope the second implementation opens.
  const download = await seal(pageA);
  const passphrase = download.passphrase;
  assert.match(passphrase, GENERATED);
  const envelope = await readFile(await download.path(), 'utf8');
  const value = JSON.parse(envelope);
  assert.deepEqual(Object.keys(value), ['format', 'format_version', 'cipher', 'kdf', 'iterations', 'salt', 'nonce', 'ciphertext']);
  assert.deepEqual([value.format, value.format_version, value.cipher, value.kdf, value.iterations], ['partnership-scorecard-protected', 1, 'AES-256-GCM', 'PBKDF2-SHA-256', 600000]);
  assert.ok(!envelope.includes('Nordic') && !envelope.includes('Frank'), 'nothing of the answers shows');
  const sent = JSON.parse(await fileText(download, passphrase));
  assert.equal(sent.format, 'partnership-scorecard-result');
  assert.equal(sent.responses.answers[items[0].id].comment, SECRET);
  assert.ok(sent.responses.sealed_at, 'sealed');
  await assert.rejects(pf.open(passphrase.toUpperCase(), envelope), /wrong passphrase or damaged file/);

  // The sender sees the passphrase of each file protected, on the results screen: kept with the
  // assessment, by design.
  const row = pageA.locator('#psc-passphrases tbody tr');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  assert.equal(await row.locator('th').textContent(), download.suggestedFilename());
  assert.equal(await row.locator('td.psc-passphrase').textContent(), passphrase);
  assert.ok((await storageSnapshot(pageA)).includes(passphrase), "kept with the sender's assessment");
  assert.deepEqual(await violations(pageA, errors), []);

  // Partner B, in a browser of its own, opens it: the passphrase is asked for, a wrong one is
  // said and can be tried again, and nothing is stored until the file opens.
  const contextB = await env.browser.newContext();
  const seenB = watch(contextB);
  const pageB = await newPage(contextB, errors);
  await startAssessment(pageB, env.server.url, { role: 'Local partner', organisation: 'Lake Women Network', partner: 'Nordic Aid' });
  await answer(pageB, Object.fromEntries(items.map((item, n) => [item.id, 1 + (n % 5)])));
  await pageB.getByRole('button', { name: 'See my results' }).click();
  const ownB = await seal(pageB);
  const before = await storageSnapshot(pageB);
  await pageB.getByLabel("Open your partner's result file").setInputFiles(upload(download.suggestedFilename(), envelope));
  const group = pageB.getByRole('group', { name: 'This file is protected with a passphrase. Enter the passphrase that its sender gave you.' });
  await group.waitFor();
  await focusOn(pageB, 'psc-partner-file-passphrase');
  assert.equal(await storageSnapshot(pageB), before, 'nothing stored while asking');
  assert.deepEqual(await violations(pageB, errors), []);

  // Typed on the keyboard alone. A wrong passphrase: a key is derived (in Web Crypto, off the
  // page's thread: the page keeps running), then the message, focus back in the field.
  await pageB.keyboard.type('wrong-wrong-wrong-wrong');
  const meter = await freezeMeter(pageB);
  await pageB.keyboard.press('Enter');
  await pageB.locator('.psc-unlock[aria-busy="true"]').waitFor();
  await pageB.locator('#psc-partner-file-passphrase-status', { hasText: 'Opening with the passphrase… (1 of 1)' }).waitFor();
  assert.equal(await pageB.locator('#psc-partner-file-passphrase-status').getAttribute('role'), 'status');
  const alert = pageB.locator('#psc-partner-file-passphrase-error');
  await alert.getByText('No file opened with this passphrase: it is wrong, or the file was changed after it was protected.').waitFor();
  const longest = await meter.stop();
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.equal(await activeId(pageB), 'psc-partner-file-passphrase', 'focus back in the field');
  assert.equal(await pageB.getByLabel("The file's passphrase").getAttribute('aria-invalid'), 'true');
  assert.equal(await pageB.locator('.psc-unlock').getAttribute('aria-busy'), 'false');
  assert.ok(longest < 400, `the page kept running while the key was derived (longest pause ${Math.round(longest)} ms)`);
  assert.equal(await storageSnapshot(pageB), before, 'nothing stored after a wrong passphrase');
  assert.deepEqual(await violations(pageB, errors), []);

  // The right one: the comparison, with A's comment.
  await pageB.keyboard.type(passphrase);
  const started = Date.now();
  await pageB.keyboard.press('Enter');
  await pageB.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
  const opened = Date.now() - started;
  await pageB.getByText(SECRET).waitFor();
  const storedB = await storageSnapshot(pageB);
  assert.notEqual(storedB, before, "the partner's answers are kept once the file opened");
  assert.ok(!storedB.includes(passphrase), 'a passphrase typed to open a file is never kept');
  console.log(`protected files: opening a protected result file in Chromium (derive the key, decrypt, read, draw the comparison): ${opened} ms; longest pause of the page while a key was derived: ${Math.round(longest)} ms`);

  // What Chromium's Web Crypto takes to derive a key (600,000 iterations of PBKDF2-SHA-256).
  const runs = await pageB.evaluate(async () => {
    const password = await crypto.subtle.importKey('raw', new TextEncoder().encode('7kqm-x3pa-9fwd-hc2e-ub4n'), 'PBKDF2', false, ['deriveBits']);
    const times = [];
    for (let n = 0; n < 5; n++) {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const t0 = performance.now();
      await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, password, 256);
      times.push(performance.now() - t0);
    }
    return times;
  });
  console.log(`protected files: key derivation in Chromium (PBKDF2-SHA-256, 600,000 iterations), 5 runs: ${runs.map((t) => `${Math.round(t)} ms`).join(', ')}`);

  const secrets = [passphrase, first, second, ownB.passphrase, 'wrong-wrong-wrong-wrong', 'abcdefghijklmnop', SECRET];
  assertNothingLeaked(seenA, secrets, 'partner A');
  assertNothingLeaked(seenB, secrets, 'partner B');
  assert.deepEqual(errors, []);
  await contextA.close();
  await contextB.close();
});

test('a joint session file goes protected with a passphrase of one\'s own, is reopened in another browser, and an earlier round is added', async () => {
  const errors = [];
  const contextA = await env.browser.newContext({ acceptDownloads: true });
  const seenA = watch(contextA);
  const pageA = await newPage(contextA, errors);
  await openSessionOf(pageA, env.server.url, answeredAssessment('joint'));
  const keep = pageA.getByRole('region', { name: 'Keep this session' });
  assert.equal(await keep.getByRole('checkbox', { name: PROTECT }).isChecked(), true);
  const own = 'Lake Women Network meets on Tuesdays, 2026';
  const field = keep.getByLabel('Passphrase', { exact: true });
  await field.fill('too short');
  const downloads = [];
  pageA.on('download', (d) => downloads.push(d));
  await keep.getByRole('button', { name: 'Download the joint session file' }).click();
  await keep.getByText(/^Nothing was downloaded: this passphrase is too short/).waitFor();
  await pageA.waitForTimeout(300);
  assert.equal(downloads.length, 0);
  await field.fill(own);
  assert.equal(await pageA.locator('#psc-passphrase-hint').textContent(), 'Strong: hard to guess.');
  await pageA.getByLabel('Date of this session').fill('2026-11-25');
  await pageA.waitForFunction(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.joint')).round_date === '2026-11-25');
  const [joint] = await Promise.all([pageA.waitForEvent('download'), keep.getByRole('button', { name: 'Download the joint session file' }).click()]);
  await pageA.getByText(`The joint session file ${joint.suggestedFilename()} was downloaded. Your file is protected with the passphrase ${own}:`).waitFor();
  const jointText = await readFile(await joint.path(), 'utf8');
  const file = JSON.parse(await fileText(joint, own));
  assert.equal(file.format, 'partnership-scorecard-joint');
  assert.equal(file.round_date, '2026-11-25');

  // An earlier round's joint file, protected with a passphrase made here.
  await pageA.getByLabel('Date of this session').fill('2026-08-20');
  await pageA.waitForFunction(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.joint')).round_date === '2026-08-20');
  await keep.getByRole('button', { name: 'Make another passphrase' }).click();
  const made = await keep.getByLabel('Passphrase', { exact: true }).inputValue();
  assert.match(made, GENERATED);
  const [earlier] = await Promise.all([pageA.waitForEvent('download'), keep.getByRole('button', { name: 'Download the joint session file' }).click()]);
  await pageA.getByText(`Your file is protected with the passphrase ${made}`).waitFor();
  const earlierText = await readFile(await earlier.path(), 'utf8');
  assert.equal(JSON.parse(await fileText(earlier, made)).round_date, '2026-08-20');
  // Both listed on the results screen, latest first.
  await pageA.getByRole('button', { name: '2. My results' }).click();
  assert.deepEqual(await pageA.locator('#psc-passphrases td.psc-passphrase').allTextContents(), [made, own]);

  // The other partner's browser: the joint file asks for its passphrase on the start screen.
  const contextB = await env.browser.newContext();
  const seenB = watch(contextB);
  const pageB = await newPage(contextB, errors);
  await pageB.goto(env.server.url);
  await pageB.getByRole('heading', { level: 1 }).waitFor();
  await pageB.getByText('Reopen a joint session', { exact: true }).click();
  await pageB.getByLabel('Open a joint session file').setInputFiles(upload(joint.suggestedFilename(), jointText));
  await givePassphrase(pageB, made);
  await pageB.locator('#psc-joint-file-passphrase-error').getByText(/^No file opened with this passphrase/).waitFor();
  assert.equal(await storageSnapshot(pageB), '[]', 'nothing stored');
  assert.equal(await pageB.locator('details', { has: pageB.locator('#psc-joint-title') }).evaluate((d) => d.open), true, 'the section stays open');
  await givePassphrase(pageB, own);
  await pageB.getByText('Which partner are you?', { exact: false }).waitFor();
  assert.equal(await storageSnapshot(pageB), '[]', 'nothing stored before the choice');
  await pageB.getByRole('button', { name: 'I am \u2068Nordic Aid\u2069 (International partner)' }).click();
  await pageB.getByRole('heading', { level: 1, name: 'Joint session: talk the gaps through' }).waitFor();
  assert.equal(await pageB.getByLabel('Date of this session').inputValue(), '2026-11-25');

  // The earlier round, added under the session: asked for its own passphrase.
  const beforeRound = await storageSnapshot(pageB);
  await pageB.getByLabel("Add an earlier round's joint session file").setInputFiles(upload(earlier.suggestedFilename(), earlierText));
  await pageB.getByLabel("The file's passphrase").waitFor();
  assert.deepEqual(await violations(pageB, errors), []);
  await givePassphrase(pageB, own);
  await pageB.locator('#psc-rounds-file-passphrase-error').getByText(/^No file opened with this passphrase/).waitFor();
  assert.equal(await storageSnapshot(pageB), beforeRound, 'nothing stored after a wrong passphrase');
  await givePassphrase(pageB, made);
  await pageB.getByText(`The round of ${shownDate('2026-08-20')} was added.`).waitFor();
  const storedB = await storageSnapshot(pageB);
  assert.ok(!storedB.includes(own) && !storedB.includes(made), 'passphrases typed to open files are never kept');

  const secrets = [own, made, 'too short'];
  assertNothingLeaked(seenA, secrets, 'partner A');
  assertNothingLeaked(seenB, secrets, 'partner B');
  assert.deepEqual(errors, []);
  await contextA.close();
  await contextB.close();
});

test('combining several people\'s files asks for a passphrase once, tries it on every file, then asks for the rest', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const seen = watch(context);
  const page = await newPage(context, errors);
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // Made by the second implementation, not by the app: three local respondents, two
  // international ones; two passphrases, one file plain.
  const [p1, p2] = ['correct horse battery staple', 'Cafe\u0301 au lait, quatre sucres'];
  const person = (role, n) => resultFile(role, { created_at: `2026-11-0${n}T09:00:00.000Z` });
  const files = [
    ['local-1.json', await pf.seal(p1, person('local', 1))],
    ['local-2.json', await pf.seal(p1, person('local', 2))],
    ['local-3.json', await pf.seal(p2, person('local', 3))],
    ['intl-1.json', person('international', 4)],
    // The same accented passphrase typed as one character (NFC): the same passphrase.
    ['intl-2.json', await pf.seal(p2.normalize('NFC'), person('international', 5))],
  ];
  const before = await storageSnapshot(page);
  await page.getByText("Combine several people's answers", { exact: true }).click();
  await page.getByLabel('Choose the result files to combine').setInputFiles(files.map(([name, text]) => upload(name, text)));
  const names = (list) => list.map((n) => `\u2068${n}\u2069`).join(', ');
  await page.getByRole('group', { name: `Protected with a passphrase: ${names(['local-1.json', 'local-2.json', 'local-3.json', 'intl-2.json'])}. Enter the passphrase: it is tried on each of these files.` }).waitFor();
  await givePassphrase(page, p1);
  await page.getByText(`That passphrase opened ${names(['local-1.json', 'local-2.json'])}. Still protected: ${names(['local-3.json', 'intl-2.json'])}.`).waitFor();
  await page.getByRole('group', { name: `Protected with a passphrase: ${names(['local-3.json', 'intl-2.json'])}. Enter the passphrase: it is tried on each of these files.` }).waitFor();
  await focusOn(page, 'psc-combine-files-passphrase');
  assert.equal(await page.getByLabel("The file's passphrase").inputValue(), '', 'emptied for the next one');
  assert.equal(await page.locator('#psc-combined h3').count(), 0, 'nothing combined yet');
  assert.deepEqual(await violations(page, errors), []);
  await givePassphrase(page, p2);
  await page.getByRole('heading', { level: 3, name: `Combined answers: ${instrument.title}` }).waitFor();
  await page.getByText('Local partner: 3 answered.').waitFor();
  await page.getByText('International partner: 2 answered.').waitFor();
  assert.equal(await page.locator('.psc-unlock').count(), 0, 'no question left');
  assert.equal(await storageSnapshot(page), before, 'nothing of the files, nor a passphrase, is kept');
  assertNothingLeaked(seen, [p1, p2], 'the facilitator');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wrong passphrase, a changed byte, a cut-off file, another version, an unknown algorithm, absurd iterations: said at once, nothing stored changes, the page never freezes', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const pageB = await sealedAndWaiting(context, errors);
  const passphrase = 'the file of our partner, 2026';
  const sound = await pf.seal(passphrase, resultFile('international'));
  const value = JSON.parse(sound);
  const edited = (edit) => { const v = structuredClone(value); edit(v); return JSON.stringify(v, null, 2); };
  const flip = (text) => text.slice(0, 10) + (text[10] === 'A' ? 'B' : 'A') + text.slice(11);
  const asked = Symbol('asked for the passphrase');
  const cases = [
    ['a changed byte in what is encrypted', edited((v) => { v.ciphertext = flip(v.ciphertext); }), asked],
    ['a changed byte in the header', edited((v) => { v.nonce = flip(v.nonce); }), asked],
    ['a file cut off', sound.slice(0, Math.floor(sound.length / 2)), /^This file is cut off before its end/],
    ['another version', edited((v) => { v.format_version = 2; }), /^This protected file uses format version 2, which this version of the scorecard cannot open\./],
    ['an unknown algorithm', edited((v) => { v.cipher = 'AES-128-GCM'; }), /^This protected file asks for a way of protecting \(“cipher”\) that this scorecard does not accept/],
    ['no iterations', edited((v) => { v.iterations = 0; }), /^This protected file asks for a way of protecting \(“iterations”\)/],
    ['10^12 iterations', edited((v) => { v.iterations = 1e12; }), /^This protected file asks for a way of protecting \(“iterations”\)/],
    ['a field missing', edited((v) => { delete v.salt; }), /^This protected file is damaged, or was changed by hand, at “salt”\./],
  ];
  const before = await storageSnapshot(pageB);
  for (const [what, text, expected] of cases) {
    const meter = await freezeMeter(pageB);
    const started = Date.now();
    await pageB.getByLabel("Open your partner's result file").setInputFiles(upload('partner.json', text));
    if (expected === asked) {
      await givePassphrase(pageB, passphrase);
      const alert = pageB.locator('#psc-partner-file-passphrase-error');
      await alert.getByText('No file opened with this passphrase: it is wrong, or the file was changed after it was protected.').waitFor();
      assert.match(await alert.textContent(), /Nothing was changed\.$/, what);
      await focusOn(pageB, 'psc-partner-file-passphrase');
    } else {
      await pageB.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('#psc-import-error')?.textContent.length > 0);
      const said = await pageB.locator('#psc-import-error').textContent();
      assert.match(said, expected, what);
      assert.match(said, /Nothing was changed\.$/, what);
      await focusOn(pageB, 'psc-import-error');
      assert.equal(await pageB.locator('.psc-unlock').count(), 0, `${what}: no passphrase asked for`);
      assert.ok(Date.now() - started < 5000, `${what}: said at once (${Date.now() - started} ms)`);
    }
    const longest = await meter.stop();
    assert.ok(longest < 400, `${what}: the page kept running (longest pause ${Math.round(longest)} ms)`);
    assert.equal(await storageSnapshot(pageB), before, `${what}: nothing stored changed`);
    assert.deepEqual(await violations(pageB, errors), [], what);
  }
  // A wrong passphrase, then the right one after all: the sound file opens.
  await pageB.getByLabel("Open your partner's result file").setInputFiles(upload('partner.json', sound));
  await givePassphrase(pageB, 'The file of our partner, 2026');
  await pageB.locator('#psc-partner-file-passphrase-error').getByText(/^No file opened with this passphrase/).waitFor();
  assert.equal(await storageSnapshot(pageB), before);
  // Pasted with spaces around it, as from a message: still the passphrase.
  await givePassphrase(pageB, ` ${passphrase} `);
  await pageB.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
  assert.notEqual(await storageSnapshot(pageB), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('plain files keep working both ways, and the spreadsheet says it is not protected', async () => {
  const errors = [];
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await sealedAndWaiting(context, errors);
  // Unticked: a plain file, and the page says what that means; nothing kept of it.
  const before = await storageSnapshot(page);
  await page.getByRole('checkbox', { name: PROTECT }).uncheck();
  await page.getByText('Without a passphrase, anyone who gets the file (a forwarded email, a lost USB stick) can read your answers and comments.').waitFor();
  assert.equal(await page.getByLabel('Passphrase', { exact: true }).count(), 0);
  assert.deepEqual(await violations(page, errors), []);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my result file' }).click()]);
  const plain = JSON.parse(await fileText(download));
  assert.equal(plain.format, 'partnership-scorecard-result');
  const status = await page.getByRole('status').first().textContent();
  assert.equal(status, `Your result file ${download.suggestedFilename()} was downloaded.`);
  assert.equal(await page.locator('#psc-passphrases').count(), 0, 'no passphrase to list');
  assert.equal(await storageSnapshot(page), before);
  // Ticked again: protected again.
  await page.getByRole('checkbox', { name: PROTECT }).check();
  assert.match(await offeredPassphrase(page), GENERATED);
  // The spreadsheet stays plain, and says so where it is offered.
  await page.getByText('A spreadsheet cannot be protected with a passphrase: it holds your answers as plain text.').waitFor();

  // A plain partner's file, as every earlier version wrote it, opens with no question.
  await page.getByLabel("Open your partner's result file").setInputFiles(upload('partner.json', resultFile('international')));
  await page.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
  await page.getByText('A spreadsheet cannot be protected with a passphrase: it holds your answers as plain text.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
