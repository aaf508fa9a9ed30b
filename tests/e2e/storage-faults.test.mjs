// When the browser will not keep anything (storage blocked) or runs out of room (quota), the
// user is told plainly, can go on answering, and nothing already stored is damaged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, startAssessment, ratingRadio, commentBox, fillComment, items, storageSnapshot, launchBrowser, offeredPassphrase, fileText } from './harness.mjs';

const env = useServerAndBrowser();

test('with localStorage blocked the app works in memory and says it cannot save', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const page = await newPage(context, errors);
  await page.goto(env.server.url);
  await page.getByRole('alert').getByText(/does not let the scorecard save anything/).waitFor();
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Org A', partner: 'Org B' });
  await ratingRadio(page, items[0], 4).check();
  assert.ok(await ratingRadio(page, items[0], 4).isChecked(), 'answering still works');
  await page.getByText(`1 of ${items.length} statements answered`).waitFor();
  // Never "saved": the warning stands beside the answers and on every screen.
  await page.locator('.psc-progress-bar').getByText(/does not let the scorecard save anything/).waitFor();
  assert.equal(await page.getByText('All changes saved in this browser.').count(), 0);
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.getByRole('alert').getByText(/does not let the scorecard save anything/).waitFor();
  // Sealing works in memory too (sealed and downloaded in one step, protected; one statement
  // answered, so sealed anyway): the partner's file can then be opened. The passphrase cannot be
  // kept either: the message says so, and gives it.
  const passphrase = await offeredPassphrase(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: 'Seal and download my result file' }).click();
      await page.getByRole('button', { name: 'Seal and download anyway' }).click();
    })(),
  ]);
  await page.getByRole('button', { name: 'Re-open my answers' }).waitFor();
  assert.ok(JSON.parse(await fileText(download, passphrase)).responses.sealed_at, 'the file carries the seal made in memory');
  await page.getByRole('alert').getByText(new RegExp(`does not let the scorecard save anything.* Your file is protected with the passphrase ${passphrase}:`)).waitFor();
  assert.equal(await page.getByLabel("Open your partner's result file").isDisabled(), false);
  await page.getByRole('alert').getByText(/does not let the scorecard save anything/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('when storage is full the answer stays on screen, the user is told, and stored data is intact', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Org A', partner: 'Org B' });
  await ratingRadio(page, items[0], 2).check();
  await page.getByText('All changes saved in this browser.').waitFor();
  const before = await storageSnapshot(page);

  // From now on every write is refused as over quota.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await ratingRadio(page, items[1], 5).check();
  await page.getByRole('alert').getByText(/Not saved: this browser's storage is full/).waitFor();
  await page.locator('.psc-progress-bar').getByText(/Not saved: this browser's storage is full/).waitFor();
  assert.ok(await ratingRadio(page, items[1], 5).isChecked(), 'the answer stays on screen');
  assert.equal(await storageSnapshot(page), before, 'what was stored is untouched');

  // Another tab makes room and stores something: this tab reads storage again, and keeps the
  // answer it could not save rather than the older stored copy.
  const other = await newPage(context, errors);
  await other.goto(env.server.url);
  await other.getByRole('heading', { level: 1 }).waitFor();
  await other.evaluate(() => localStorage.setItem('partnership-scorecard.assessment.elsewhere', '{"damaged":'));
  await page.waitForFunction(() => Object.keys(localStorage).includes('partnership-scorecard.assessment.elsewhere'));
  await page.waitForTimeout(500);
  assert.ok(await ratingRadio(page, items[1], 5).isChecked(), 'the unsaved answer is still on screen');
  assert.equal(await page.getByText(`2 of ${items.length} statements answered`).count(), 1);
  await other.close();

  // The result file can still be downloaded (as it is, not sealed: the app asks first), with the
  // unsaved answer in it.
  await page.getByRole('button', { name: 'See my results' }).click();
  page.once('dialog', (d) => d.accept());
  const passphrase = await offeredPassphrase(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download without sealing' }).click(),
  ]);
  // Protected, though its passphrase could not be kept: the message says so, and gives it.
  await page.getByRole('alert').getByText(new RegExp(`^Not saved: this browser's storage is full.* Your file is protected with the passphrase ${passphrase}:`)).waitFor();
  const file = JSON.parse(await fileText(download, passphrase));
  assert.equal(file.responses.answers[items[1].id].rating, 5);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * The one stored assessment holds tab A's first and third answers (4 and 5) and tab B's second
 * (2, with its comment): neither tab wrote over the other.
 */
async function assertBothTabsKept(page) {
  const stored = await page.evaluate(() => Object.entries(localStorage)
    .filter(([k]) => k.startsWith('partnership-scorecard.assessment.')).map(([, v]) => JSON.parse(v)));
  assert.equal(stored.length, 1);
  const answers = stored[0].own.answers;
  assert.deepEqual([answers[items[0].id]?.rating, answers[items[1].id]?.rating, answers[items[2].id]?.rating], [4, 2, 5]);
  assert.equal(answers[items[1].id].comment, 'Written in tab B');
}

test('two tabs on the same assessment see each other\'s answers and never overwrite them', async () => {
  const errors = [];
  const context = await env.browser.newContext(); // one browser profile: both tabs share storage
  const tabA = await newPage(context, errors);
  await startAssessment(tabA, env.server.url, { role: 'Local partner', organisation: 'Two Tabs Org', partner: 'Org B' });
  await ratingRadio(tabA, items[0], 4).check();
  await tabA.getByText('All changes saved in this browser.').waitFor();

  const tabB = await newPage(context, errors);
  await tabB.goto(env.server.url);
  await tabB.getByRole('button', { name: /^Resume/ }).click();
  assert.ok(await ratingRadio(tabB, items[0], 4).isChecked(), 'tab B sees tab A\'s answer');
  await ratingRadio(tabB, items[1], 2).check();
  await tabB.getByText('All changes saved in this browser.').waitFor();

  await fillComment(tabB, items[1], 'Written in tab B');

  // Tab A, still open on its screen, shows tab B's answer and comment without a reload...
  await tabA.waitForFunction((id) => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector(`input[name="psc-item-${id}"][value="2"]`)?.checked, items[1].id);
  await tabA.waitForFunction((id) => document.querySelector('[data-partnership-scorecard]').shadowRoot.getElementById(`psc-comment-${id}`)?.value === 'Written in tab B', items[1].id);
  // ...and its next answer keeps it.
  await ratingRadio(tabA, items[2], 5).check();
  await tabA.getByText(`3 of ${items.length} statements answered`).waitFor();
  await assertBothTabsKept(tabB);

  // Deleted in one tab: the other says so instead of taking answers into the void.
  await tabB.getByRole('button', { name: 'All assessments' }).click();
  tabB.once('dialog', (d) => d.accept());
  await tabB.getByRole('button', { name: 'Delete \u2068Two Tabs Org\u2069 with \u2068Org B\u2069' }).click();
  await tabA.getByRole('heading', { level: 1, name: 'This assessment is no longer here' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tab restored from the back/forward cache keeps what another tab saved meanwhile', async () => {
  // Storage events sent while a page sits in the back/forward cache never reach it.
  const browser = await launchBrowser({ backForwardCache: true });
  const errors = [];
  const context = await browser.newContext();
  await context.addInitScript(() => window.addEventListener('pageshow', (e) => { window.__restored = e.persisted; }));
  const tabA = await newPage(context, errors);
  await startAssessment(tabA, env.server.url, { role: 'Local partner', organisation: 'Cached Org', partner: 'Org B' });
  await ratingRadio(tabA, items[0], 4).check();
  await tabA.getByText('All changes saved in this browser.').waitFor();
  await tabA.goto('about:blank');

  const tabB = await newPage(context, errors);
  await tabB.goto(env.server.url);
  await tabB.getByRole('button', { name: /^Resume/ }).click();
  await ratingRadio(tabB, items[1], 2).check();
  await fillComment(tabB, items[1], 'Written in tab B');
  await tabB.getByText('All changes saved in this browser.').waitFor();

  await tabA.goBack({ waitUntil: 'commit' });
  await tabA.waitForFunction(() => window.__restored !== undefined);
  assert.equal(await tabA.evaluate(() => window.__restored), true, 'tab A came back from the back/forward cache');
  // Tab A shows tab B's answer, and its next answer keeps it.
  await tabA.waitForFunction((id) => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector(`input[name="psc-item-${id}"][value="2"]`)?.checked, items[1].id);
  await ratingRadio(tabA, items[2], 5).check();
  await tabA.getByText(`3 of ${items.length} statements answered`).waitFor();
  await assertBothTabsKept(tabB);
  assert.deepEqual(errors, []);
  await browser.close();
});

test('a damaged stored entry is left untouched and named, and the others still load', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Healthy Org', partner: 'Org B' });
  const damaged = '{"store_version":1,"id":"broken","own":{"instrument":';
  await page.evaluate((text) => localStorage.setItem('partnership-scorecard.assessment.broken', text), damaged);
  await page.reload();
  await page.getByRole('alert').getByText('1 saved assessment could not be read and was left untouched').waitFor();
  assert.equal(await page.locator('.psc-saved-row').count(), 1);
  assert.match(await page.locator('.psc-saved-row').textContent(), /\u2068Healthy Org\u2069 with \u2068Org B\u2069/);
  assert.equal(await page.evaluate(() => localStorage.getItem('partnership-scorecard.assessment.broken')), damaged);
  // ...and offered for download exactly as stored.
  await page.getByText('1 saved assessment in this browser is damaged').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the damaged entries' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  assert.deepEqual(JSON.parse(await readFile(await download.path(), 'utf8')), { 'partnership-scorecard.assessment.broken': damaged });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload straight after typing loses nothing: every keystroke is saved', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Quick Org', partner: 'Org B' });
  const comment = await commentBox(page, items[3]);
  await comment.focus();
  await page.keyboard.type('typed just before the tab closed');
  await page.reload(); // no wait for any "saved" message
  await page.getByRole('button', { name: /^Resume/ }).click();
  assert.equal(await page.getByRole('group', { name: items[3].text }).getByLabel(/^Comment on \d+\.\d+ \(optional\)$/).inputValue(), 'typed just before the tab closed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the start screen warns when the browser may clear saved answers, and only then', async () => {
  for (const promised of [false, true]) {
    const errors = [];
    const context = await env.browser.newContext();
    const page = await newPage(context, errors);
    let asked = 0;
    await page.exposeFunction('__askedToKeep', () => { asked += 1; });
    await page.addInitScript((promised) => {
      navigator.storage.persisted = async () => false;
      navigator.storage.persist = async () => { window.__askedToKeep(); return promised; };
    }, promised);
    await page.goto(env.server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    for (let i = 0; i < 100 && asked === 0; i += 1) await page.waitForTimeout(20);
    const warning = page.getByText('This browser has not promised to keep your saved answers', { exact: false });
    if (promised) {
      await page.waitForTimeout(200); // the answer has come back: give the page a moment to draw
      assert.equal(await warning.count(), 0);
    } else {
      await warning.waitFor();
    }
    assert.equal(asked, 1, 'asked the browser once');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
