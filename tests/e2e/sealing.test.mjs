// Sealed answers: a partner locks their answers (dated) before the other partner's file can be
// opened, so nobody adjusts after seeing the other side; re-opening is an explicit step that is
// recorded, shown in the comparison and carried in the result file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, startAssessment, answer, ratingRadio, commentBox, fillComment, seal, items, instrument, storageSnapshot, shownDate, offeredPassphrase, fileText } from './harness.mjs';

const env = useServerAndBrowser();

const partnerSealedAt = '2026-11-20T16:00:00.000Z';
const partnerFile = {
  format: 'partnership-scorecard-result', format_version: 1, exported_at: '2026-11-20T16:05:00.000Z',
  responses: {
    instrument: { id: instrument.id, version: instrument.version }, role: instrument.roles[0].id,
    organisation: 'Nordic Aid', partner_organisation: 'Lake Women Network', created_at: 't', updated_at: 't',
    answers: Object.fromEntries(items.map((i) => [i.id, { rating: 4, answered_at: 't' }])),
    reflections: {}, sealed_at: partnerSealedAt,
  },
};
const today = () => new Date().toISOString().slice(0, 10);

test('answers are sealed before the partner file opens, and re-opening is recorded for the partner', async () => {
  const errors = [];
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: instrument.roles[1].label, organisation: 'Lake Women Network', partner: 'Nordic Aid' });
  await answer(page, { [items[0].id]: 2, [items[1].id]: 3 });
  await fillComment(page, items[0], 'Written before sealing');
  await page.getByRole('button', { name: 'See my results' }).click();

  // Not sealed: the partner's file cannot be opened yet.
  const fileInput = page.getByLabel("Open your partner's result file");
  assert.equal(await fileInput.isDisabled(), true);
  // Sealing downloads the sealed file in the same step; with 24 statements unanswered, the app
  // says so first, and this partner seals anyway. The notice names the file to send.
  const passphrase = await offeredPassphrase(page);
  await page.getByRole('button', { name: 'Seal and download my result file' }).click();
  await page.getByText(`${items.length - 2} of ${items.length} statements are not answered yet.`, { exact: false }).waitFor();
  assert.equal(await fileInput.isDisabled(), true, 'not sealed by the question alone');
  const [first] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Seal and download anyway' }).click()]);
  await page.getByText(`Your answers are sealed and your result file ${first.suggestedFilename()} was downloaded: send it to your partner. You can now open your partner's result file.`).waitFor();
  await page.getByText(`Your answers were sealed on ${shownDate(today())}.`).waitFor();
  assert.match(first.suggestedFilename(), new RegExp(`^result_${instrument.id}_${instrument.roles[1].id}_lake-women-network_\\d{6}_sealed_${today()}\\.json$`));
  assert.ok(JSON.parse(await fileText(first, passphrase)).responses.sealed_at.startsWith(today()), 'the file carries the seal');
  assert.equal(await fileInput.isDisabled(), false);

  // Sealed answers cannot be changed: ratings disabled, comments read-only, nothing stored changes.
  await page.getByRole('button', { name: '1. Answer' }).click();
  await page.getByText(`Your answers were sealed on ${shownDate(today())} and cannot be changed.`).waitFor();
  const radio = ratingRadio(page, items[0], 5);
  assert.equal(await radio.isDisabled(), true);
  assert.equal(await (await commentBox(page, items[0])).isEditable(), false, 'comments are read-only, once unfolded too');
  assert.equal(await page.getByRole('group', { name: items[1].text }).getByText('Add a comment', { exact: true }).count(), 0,
    'no comment can be added to sealed answers');
  const before = await storageSnapshot(page);
  await radio.click({ force: true });
  assert.equal(await radio.isChecked(), false);
  assert.equal(await storageSnapshot(page), before);

  // Over sealed answers the partner's file opens; the comparison says who sealed when.
  await page.getByRole('button', { name: '2. My results' }).click();
  await fileInput.setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(partnerFile)) });
  await page.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
  const seals = page.locator('.psc-seals li');
  assert.deepEqual(await seals.allTextContents(), [
    `You (${instrument.roles[1].label}): answers sealed on ${shownDate(today())}.`,
    `Your partner (${instrument.roles[0].label}): answers sealed on ${shownDate(partnerSealedAt.slice(0, 10))}.`,
  ]);

  // Re-opening asks first; declining changes nothing.
  await page.getByRole('button', { name: '2. My results' }).click();
  const sealedWithPartner = await storageSnapshot(page);
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: 'Re-open my answers' }).click();
  assert.equal(await storageSnapshot(page), sealedWithPartner);
  assert.equal(await fileInput.isDisabled(), false, 'still sealed after declining');

  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Re-open my answers' }).click();
  await page.getByText('Your answers are open for changes again.').waitFor();
  assert.equal(await fileInput.isDisabled(), true);
  await page.getByRole('button', { name: '1. Answer' }).click();
  await ratingRadio(page, items[0], 5).check();
  assert.equal(await ratingRadio(page, items[0], 5).isChecked(), true);

  // The comparison now says so, and so does the file the partner receives.
  await page.getByRole('button', { name: '3. Compare' }).click();
  assert.equal(await seals.first().textContent(),
    `You (${instrument.roles[1].label}): answers not sealed. Re-opened after seeing the other side's answers on ${shownDate(today())}.`);
  await page.getByRole('button', { name: '2. My results' }).click();
  const download = await seal(page, { anyway: true });
  const sent = JSON.parse(await fileText(download, download.passphrase)).responses;
  assert.equal(sent.sealed_at.slice(0, 10), today());
  assert.equal(sent.reopened_after_comparison.length, 1);
  assert.equal(sent.reopened_after_comparison[0].slice(0, 10), today());
  assert.equal(sent.answers[items[0].id].rating, 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test('answers sealed or re-opened in another tab lock or unlock the questions open here', async () => {
  const errors = [];
  const context = await env.browser.newContext(); // one profile: both tabs share storage
  const tabA = await newPage(context, errors);
  await startAssessment(tabA, env.server.url, { role: instrument.roles[1].label, organisation: 'Two Tabs Org', partner: 'Org B' });
  await ratingRadio(tabA, items[0], 3).check();
  const comment = await fillComment(tabA, items[0], 'Typed before sealing');

  const tabB = await newPage(context, errors);
  await tabB.goto(env.server.url);
  await tabB.getByRole('button', { name: /^Resume/ }).click();
  await tabB.getByRole('button', { name: '2. My results' }).click();
  await seal(tabB, { anyway: true });

  // Tab A, still on the questions, now shows them sealed: ratings disabled, comments read-only
  // (still focusable, to read a long one), each pointing to the note that says why.
  await tabA.getByText(/^Your answers were sealed on .* and cannot be changed\./).waitFor();
  assert.equal(await ratingRadio(tabA, items[0], 5).isDisabled(), true);
  assert.equal(await comment.isEditable(), false);
  assert.equal(await comment.inputValue(), 'Typed before sealing');
  assert.equal(await comment.getAttribute('aria-describedby'), 'psc-sealed-note');
  const before = await storageSnapshot(tabA);
  await comment.focus();
  await tabA.keyboard.type(' and after');
  assert.equal(await comment.inputValue(), 'Typed before sealing');
  assert.equal(await storageSnapshot(tabA), before);

  // Re-opened in tab B: tab A can answer again.
  tabB.once('dialog', (d) => d.accept());
  await tabB.getByRole('button', { name: 'Re-open my answers' }).click();
  await tabB.getByRole('button', { name: 'Seal and download my result file' }).waitFor();

  // Tab A's results screen, drawn while they were open, is behind tab B's sealing: its "Seal and
  // download" button then only shows the screen afresh, before any check of what is unanswered,
  // asking nothing, re-opening nothing and downloading nothing.
  await tabA.getByRole('button', { name: '2. My results' }).click();
  await tabA.getByRole('button', { name: 'Seal and download my result file' }).waitFor();
  await seal(tabB, { anyway: true });
  const sealedNow = await storageSnapshot(tabA);
  const dialogs = [];
  const downloads = [];
  tabA.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  tabA.on('download', (d) => downloads.push(d.suggestedFilename()));
  await tabA.getByRole('button', { name: 'Seal and download my result file' }).click();
  await tabA.getByRole('button', { name: 'Re-open my answers' }).waitFor();
  assert.equal(await tabA.getByRole('button', { name: 'Seal and download anyway' }).count(), 0);
  await tabA.waitForTimeout(300); // a download, had one started, would have been reported by now
  assert.deepEqual(dialogs, [], 'no question about re-opening');
  assert.deepEqual(downloads, [], 'nothing downloaded');
  assert.equal(await storageSnapshot(tabA), sealedNow);
  tabB.once('dialog', (d) => d.accept());
  await tabB.getByRole('button', { name: 'Re-open my answers' }).click();
  await tabB.getByRole('button', { name: 'Seal and download my result file' }).waitFor();
  await tabA.getByRole('button', { name: '1. Answer' }).click();
  await tabA.waitForFunction(() => !document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('.psc-sealed-note')?.textContent);
  await ratingRadio(tabA, items[0], 5).check();
  assert.equal(await ratingRadio(tabA, items[0], 5).isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});
