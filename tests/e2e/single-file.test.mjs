// The single-file copy (scripts/single-file.mjs) opens from disk with no server and no network:
// a partner can carry it on a USB stick, answer, close and come back, under its own strict policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useServerAndBrowser, newPage, repo, startAssessment, ratingRadio, items } from './harness.mjs';

const env = useServerAndBrowser(); // its browser only: this test never touches the server
const file = join(repo, 'dist-single', 'partnership-scorecard.html');

test('the single-file copy works from disk with no network at all', async () => {
  assert.ok(existsSync(file), 'run `node scripts/single-file.mjs` after the release build (scripts/test.sh does)');
  const errors = [];
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  const page = await newPage(context, errors);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await startAssessment(page, url, { role: 'Local partner', organisation: 'USB Org', partner: 'Org B' });
  await ratingRadio(page, items[0], 5).check();
  await page.getByText('All changes saved in this browser.').waitFor();
  await page.reload();
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('group', { name: items[0].text }).waitFor();
  assert.equal(await ratingRadio(page, items[0], 5).isChecked(), true, 'the answer is kept across a reload');
  // Styled from the stylesheet it carries (not the host page's defaults).
  const size = await page.evaluate(() => getComputedStyle(document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('h1')).fontSize);
  assert.equal(size, '28px');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], 'no network request');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'its own policy allows all it does');
  assert.deepEqual(errors, []);
  await context.close();
});
