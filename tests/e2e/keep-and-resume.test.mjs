// Answers survive a reload; several assessments are listed, resumed and deleted; the start
// screen can be used with the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, startAssessment, ratingRadio, fillComment, items, instrument } from './harness.mjs';

const env = useServerAndBrowser();

// Starts with a line break (which HTML drops after a <textarea> tag unless written twice) and
// holds markup-like text.
const COMMENT = '\nBudget changes come without notice </textarea> & <b>';

test('every answer is still there after a reload, and assessments can be listed and deleted', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Kisumu Youth Forum', partner: 'Nordic Aid' });
  await ratingRadio(page, items[0], 4).check();
  await ratingRadio(page, items[7], 'na').check();
  await ratingRadio(page, items[20], 1).check();
  await fillComment(page, items[20], COMMENT);
  await page.getByLabel(instrument.reflections[0].text).fill('Decisions are taken in the capital.');
  await page.getByText('All changes saved in this browser.').waitFor();

  await page.reload();
  await page.getByRole('heading', { name: 'Assessments kept in this browser' }).waitFor();
  await page.getByRole('button', { name: /^Resume/ }).click();
  assert.ok(await ratingRadio(page, items[0], 4).isChecked());
  assert.ok(await ratingRadio(page, items[7], 'na').isChecked());
  assert.ok(await ratingRadio(page, items[20], 1).isChecked());
  assert.ok(!(await ratingRadio(page, items[1], 4).isChecked()));
  const kept = page.getByRole('group', { name: items[20].text }).getByLabel(/^Comment on \d+\.\d+ \(optional\)$/);
  assert.equal(await kept.inputValue(), COMMENT, 'kept exactly, even its first line break and markup');
  assert.ok(await kept.isVisible(), 'a statement with a comment shows it, not folded away');
  assert.equal(await page.getByLabel(instrument.reflections[0].text).inputValue(), 'Decisions are taken in the capital.');
  await page.getByText(`3 of ${items.length} statements answered`).waitFor();

  // A second assessment, for another partnership.
  await startAssessment(page, env.server.url, { role: 'International partner', organisation: 'Nordic Aid', partner: 'Another Partner' });
  await page.getByRole('button', { name: 'All assessments' }).click();
  const rows = page.locator('.psc-saved-row');
  assert.equal(await rows.count(), 2);

  // Deleting asks first, naming the assessment; declining keeps it.
  const questions = [];
  const deleteButton = page.getByRole('button', { name: 'Delete \u2068Nordic Aid\u2069 with \u2068Another Partner\u2069' });
  page.once('dialog', (d) => { questions.push(d.message()); d.dismiss(); });
  await deleteButton.click();
  assert.equal(await rows.count(), 2);
  page.once('dialog', (d) => { questions.push(d.message()); d.accept(); });
  await deleteButton.click();
  await page.getByText('The assessment was deleted from this browser.').waitFor();
  assert.equal(questions.length, 2);
  assert.match(questions[0], /Delete the assessment “\u2068Nordic Aid\u2069 with \u2068Another Partner\u2069” from this browser for good\?/);
  assert.equal(await rows.count(), 1);
  await page.reload();
  await page.getByRole('heading', { name: 'Assessments kept in this browser' }).waitFor();
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), /\u2068Kisumu Youth Forum\u2069 with \u2068Nordic Aid\u2069/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new assessment can be started and answered with the keyboard only', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // Submitting with nothing filled in names the problem and moves focus to it.
  await page.getByRole('button', { name: 'Start answering' }).focus();
  await page.keyboard.press('Enter');
  const error = page.getByText('Choose which partner you are answering for.');
  await error.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === 'psc-new-error', null, { timeout: 2000 });

  await page.getByRole('radio', { name: 'International partner' }).focus();
  await page.keyboard.press('ArrowDown'); // moves to and selects "Local partner"
  assert.ok(await page.getByRole('radio', { name: 'Local partner' }).isChecked());
  await page.keyboard.press('Tab');
  await page.keyboard.type('Keyboard Org');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Partner Org');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: instrument.title }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.tagName === 'H1', null, { timeout: 2000 });

  // Tab into the first statement's scale, choose with the arrow keys.
  const first = ratingRadio(page, items[0], instrument.scale.min);
  await first.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.ok(await ratingRadio(page, items[0], instrument.scale.min + 2).isChecked());
  await page.getByText(`1 of ${items.length} statements answered`).waitFor();

  // Typing a comment saves on every keystroke without redrawing the screen under the cursor. The
  // comment is folded: Tab from the scale to "Add a comment", Enter opens it, Tab into the box.
  const comment = page.getByRole('group', { name: items[0].text }).getByLabel(/^Comment on \d+\.\d+ \(optional\)$/);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.textContent), 'Add a comment');
  await page.keyboard.press('Enter');
  await comment.waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id), `psc-comment-${items[0].id}`);
  await page.keyboard.type('Saved as I type');
  await page.getByText('All changes saved in this browser.').waitFor();
  assert.equal(await comment.inputValue(), 'Saved as I type');
  assert.equal(await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id), `psc-comment-${items[0].id}`);

  // A long text pasted into a comment is cut at the length a result file may carry (10,000
  // characters), so the partner's copy of the app will open the file.
  await fillComment(page, items[1], `${'Pasted. '.repeat(1300)}`);
  const assessments = () => Object.entries(localStorage).filter(([k]) => k.startsWith('partnership-scorecard.assessment.')).map(([, v]) => JSON.parse(v));
  await page.waitForFunction(`(${assessments})().some((a) => a.own.answers['${items[1].id}']?.comment)`);
  const stored = await page.evaluate(`(${assessments})().find((a) => a.own.answers['${items[1].id}']).own.answers['${items[1].id}'].comment`);
  assert.equal(stored.length, 10_000);
  assert.equal(stored, 'Pasted. '.repeat(1300).slice(0, 10_000));
  assert.deepEqual(errors, []);
  await context.close();
});

test('"delete all my data" removes every assessment of this app and nothing of the host page', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Shared PC Org', partner: 'Org B' });
  await startAssessment(page, env.server.url, { role: 'International partner', organisation: 'Org B', partner: 'Shared PC Org' });
  await page.evaluate(() => localStorage.setItem('host-page-setting', 'keep me'));
  await page.getByRole('button', { name: 'All assessments' }).click();
  assert.equal(await page.locator('.psc-saved-row').count(), 2);

  const deleteAll = page.getByRole('button', { name: 'Delete all my data from this browser' });
  page.once('dialog', (d) => d.dismiss());
  await deleteAll.click();
  assert.equal(await page.locator('.psc-saved-row').count(), 2, 'declining keeps everything');
  page.once('dialog', (d) => d.accept());
  await deleteAll.click();
  await page.getByText('All your data was deleted from this browser.').waitFor();
  assert.equal(await page.locator('.psc-saved-row').count(), 0);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ['host-page-setting']);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('.psc-saved-row').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
