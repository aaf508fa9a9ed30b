// Sealing and sending as one step (issue 17): "Seal and download" first says how many statements
// are unanswered, with a way back to the first of them; sealed, the file downloaded is sealed and
// its name says so; a plain download warns first and, declined, downloads nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, startAssessment, ratingRadio, items, violations, offeredPassphrase, fileText } from './harness.mjs';

const env = useServerAndBrowser();

test('seal and download: the unanswered are counted first, the file is sealed and named so', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Lake Women Network', partner: 'Nordic Aid' });
  // Five statements answered, the sixth left open, the rest too.
  for (const item of items.slice(0, 5)) await ratingRadio(page, item, 4).check();
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();

  await page.getByRole('button', { name: 'Seal and download my result file' }).click();
  const check = page.locator('#psc-seal-check');
  await check.waitFor();
  const unanswered = items.length - 5;
  assert.match(await check.textContent(), new RegExp(`^${unanswered} of ${items.length} statements are not answered yet\\.`));
  assert.equal(await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id), 'psc-seal-check', 'focus moves to the check');
  assert.deepEqual(await violations(page, errors), []);
  // Nothing was sealed by asking.
  const stored = () => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes('.assessment.')).map(([, v]) => JSON.parse(v))[0]);
  assert.equal((await stored()).own.sealed_at, undefined);

  // The way back: the answering screen, at the first statement not answered.
  await page.getByRole('button', { name: 'Back to the unanswered statements' }).click();
  await page.getByRole('heading', { level: 1, name: /Local leadership/ }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.name?.startsWith('psc-item-'));
  const focused = await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement.name);
  assert.equal(focused, `psc-item-${items[5].id}`, 'focus is on the first unanswered statement');
  for (const item of items.slice(5)) await ratingRadio(page, item, 2).check();

  // Everything answered: sealed and downloaded at once (protected with the passphrase offered).
  await page.getByRole('button', { name: 'See my results' }).click();
  const passphrase = await offeredPassphrase(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Seal and download my result file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^result_local-leadership_local_lake-women-network_\d{6}_sealed_\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await fileText(download, passphrase));
  assert.ok(file.responses.sealed_at, 'the file carries the seal');
  assert.equal((await stored()).own.sealed_at, file.responses.sealed_at, 'the same seal is kept here');
  assert.match(await page.getByRole('status').first().textContent(), /Your answers are sealed and your result file .* was downloaded: send it to your partner/);
  assert.equal(await page.locator('#psc-seal-check').count(), 0, 'no check when all is answered');
  // Once sealed: download again, or re-open.
  await page.getByRole('button', { name: 'Download my result file' }).waitFor();
  await page.getByRole('button', { name: 'Re-open my answers' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a download without a seal warns first; declined, nothing is downloaded', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: 'International partner', organisation: 'Nordic Aid', partner: 'Lake Women Network' });
  for (const item of items) await ratingRadio(page, item, 3).check();
  await page.getByRole('button', { name: 'See my results' }).click();
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  let asked = '';
  page.once('dialog', (dialog) => { asked = dialog.message(); dialog.dismiss(); });
  await page.getByRole('button', { name: 'Download without sealing' }).click();
  await page.waitForTimeout(300);
  assert.match(asked, /not sealed/);
  assert.equal(downloads.length, 0, 'declined: nothing downloaded');
  page.once('dialog', (dialog) => dialog.accept());
  const passphrase = await offeredPassphrase(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download without sealing' }).click()]);
  assert.doesNotMatch(download.suggestedFilename(), /sealed/, 'the name does not say sealed');
  assert.equal(JSON.parse(await fileText(download, passphrase)).responses.sealed_at, undefined);
  assert.match(await page.getByRole('status').first().textContent(), /was downloaded, not sealed/);
  assert.deepEqual(errors, []);
  await context.close();
});
