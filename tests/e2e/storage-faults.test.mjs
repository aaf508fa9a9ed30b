// When the browser will not keep anything (storage blocked) or runs out of room (quota), the
// user is told plainly, can go on answering, and nothing already stored is damaged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, startAssessment, ratingRadio, items, storageSnapshot } from './harness.mjs';

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
  await page.getByText(/Not saved: this browser's storage is full/).waitFor();
  assert.ok(await ratingRadio(page, items[1], 5).isChecked(), 'the answer stays on screen');
  assert.equal(await storageSnapshot(page), before, 'what was stored is untouched');

  // The result file can still be downloaded, with the unsaved answer in it.
  await page.getByRole('button', { name: 'See my results' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my result file' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.responses.answers[items[1].id].rating, 5);
  assert.deepEqual(errors, []);
  await context.close();
});
