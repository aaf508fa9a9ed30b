// A bad partner file gets a clear message and changes nothing stored, whatever is wrong with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, newPage, startAssessment, answer, items, instrument, storageSnapshot, seal } from './harness.mjs';

let server, browser, context, page;
const errors = [];

function resultFile(overrides = {}) {
  const file = {
    format: 'partnership-scorecard-result',
    format_version: 1,
    exported_at: '2026-11-01T09:00:00.000Z',
    generator: 'test',
    responses: {
      instrument: { id: instrument.id, version: instrument.version },
      role: 'international',
      organisation: 'Nordic Aid',
      partner_organisation: 'Lake Women Network',
      created_at: '2026-10-01T09:00:00.000Z',
      updated_at: '2026-10-02T09:00:00.000Z',
      answers: { [items[0].id]: { rating: 5, answered_at: '2026-10-02T09:00:00.000Z' } },
      reflections: {},
    },
  };
  return JSON.stringify(overrides.edit ? overrides.edit(file) ?? file : file);
}

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await newPage(context, errors);
  await startAssessment(page, server.url, { role: 'Local partner', organisation: 'Lake Women Network', partner: 'Nordic Aid' });
  await answer(page, { [items[0].id]: 2, [items[1].id]: 3 });
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await seal(page, { anyway: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** `text` as a regular expression that matches it literally. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cases = [
  ['not JSON', 'hello, this is a letter, not a file', /not readable JSON text/],
  ['empty', '', /This file is empty/],
  ['truncated', resultFile().slice(0, 200), /cut off before its end/],
  ['another kind of JSON', JSON.stringify({ name: 'budget', rows: [1, 2] }), /not a Partnership Scorecard result file/],
  ['a joint session file', resultFile({ edit: (f) => ({ ...f, format: 'partnership-scorecard-joint' }) }), /a joint session file, not your partner's result file: open it on the start screen/],
  ['an unknown format version', resultFile({ edit: (f) => ({ ...f, format_version: 7 }) }), /format version 7/],
  ['another instrument', resultFile({ edit: (f) => { f.responses.instrument.id = 'civic-partnership'; } }), /another questionnaire \(civic-partnership\)/],
  ['the same partner role', resultFile({ edit: (f) => { f.responses.role = 'local'; } }), /also answered as the Local partner/],
  ['a name longer than the start form takes', resultFile({ edit: (f) => { f.responses.organisation = `<img src=x onerror=alert(1)>${'x'.repeat(200)}`; } }), /A name in this file is longer than 200 characters, which the scorecard does not take\. Nothing was changed\./],
  ['a comment longer than the text boxes take', resultFile({ edit: (f) => { f.responses.answers[items[0].id].comment = 'x'.repeat(10_001); } }), /A comment or answer in this file is longer than 10000 characters, which the scorecard does not take\. Nothing was changed\./],
  // The statement is named as the partner finds it: its number and its words.
  ['a rating outside the scale', resultFile({ edit: (f) => { f.responses.answers[items[0].id].rating = 11; } }), new RegExp(`statement 1\\.1 “${escape(items[0].text)}” is rated 11, outside this questionnaire's scale \\(1 to 5\\)\\. Ask your partner to send the file again, as the app wrote it\\. Nothing was changed\\.`)],
  ['a rating that is not a point of the scale', resultFile({ edit: (f) => { f.responses.answers[items[0].id].rating = 3.5; } }), new RegExp(`statement 1\\.1 “${escape(items[0].text)}” has a rating that is not one of the scale's answers\\. Ask your partner to look at that statement and send the file again\\. Nothing was changed\\.`)],
  ['a field missing', resultFile({ edit: (f) => { delete f.responses.role; } }), /damaged, or was changed by hand, at “responses\.role”: something that must be there is missing\. Ask for the file to be sent again, as the app wrote it\. Nothing was changed\./],
  ['too large', `{"format":"partnership-scorecard-result","pad":"${'x'.repeat(3 * 1024 * 1024)}"}`, /too large \(3072 KB; the limit is 2048 KB\)/],
];

for (const [name, text, message] of cases) {
  test(`a file that is ${name} is refused with a clear message and nothing stored changes`, async () => {
    const before = await storageSnapshot(page);
    await page.getByLabel("Open your partner's result file").setInputFiles({
      name: 'partner.json', mimeType: 'application/json', buffer: Buffer.from(text),
    });
    const alert = page.locator('#psc-import-error');
    await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('#psc-import-error')?.textContent.trim().length > 0);
    assert.match(await alert.textContent(), message);
    assert.match(await alert.textContent(), /Nothing was changed\.$/);
    // Focus moves to the message (on the next frame after it is shown).
    await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === 'psc-import-error', null, { timeout: 2000 });
    assert.equal(await storageSnapshot(page), before);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Your results');
    // Clear the message for the next case by reloading the screen.
    await page.getByRole('button', { name: '2. My results' }).click();
    assert.deepEqual(errors, []);
  });
}

test('hostile text in a partner file is shown as inert text, never run, on screen and in print', async () => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  // A right-to-left override, control characters and a very long word come along too.
  const name = `${payload}\u202Eevil\u0007\u001b`;
  // As long as a comment may be (10,000 characters), with the rest of it.
  const long = 'x'.repeat(9800);
  const text = resultFile({ edit: (f) => {
    f.responses.organisation = name;
    f.responses.answers[items[0].id].comment = `<svg onload="window.__pwned=3">${payload}\u202E${long}`;
    f.responses.reflections[instrument.reflections[0].id] = { text: payload, answered_at: 't' };
  } });
  await page.getByLabel("Open your partner's result file").setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
  await assert.doesNotReject(page.getByText(payload).first().waitFor());
  // The name sits between isolate marks: its override cannot reorder the sentence around it.
  await assert.doesNotReject(page.getByText(`Your partner: \u2068${name}\u2069 (`, { exact: false }).waitFor());
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#psc-main img, #psc-main script, #psc-main svg[onload], #psc-main [onerror]').count(), 0);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'a 9,800-character word wraps');

  // The printed report (print stylesheet, rendered to PDF by the browser) runs nothing either.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000, 'a report was printed');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(errors, []);
});
