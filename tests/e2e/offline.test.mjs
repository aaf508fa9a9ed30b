// After one visit online, the scorecard opens and works with no server at all: its service
// worker serves the app's own files. Answers were never in that cache: they stay in storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, useServerAndBrowser, newPage, startAssessment, ratingRadio, items } from './harness.mjs';

const env = useServerAndBrowser();

test('once opened online, the app opens and keeps answers with the server gone', async () => {
  const server = await serveDist(); // this test's own server, stopped half way
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await startAssessment(page, server.url, { role: 'Local partner', organisation: 'Offline Org', partner: 'Org B' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await ratingRadio(page, items[0], 4).check();
  await page.getByText('All changes saved in this browser.').waitFor();

  await server.close(); // no network from here on
  const gone = await page.evaluate((url) => fetch(url).then(() => 'reached', () => 'unreachable'), `${server.url}no-such-file`);
  assert.equal(gone, 'unreachable', 'the server is really gone');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: "See your partnership through both partners' eyes" }).waitFor();
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('group', { name: items[0].text }).waitFor();
  assert.equal(await ratingRadio(page, items[0], 4).isChecked(), true, 'the answer given online is there');
  await ratingRadio(page, items[1], 2).check();
  await page.getByText(`2 of ${items.length} statements answered`).waitFor();
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|net::ERR/.test(e)), []);
  await context.close();
});
