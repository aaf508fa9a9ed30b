// The joint session view: dimensions in the order to talk them through (large gaps first,
// largest first; then the lowest shared scores), each with the source's text, its suggested
// actions and the statements to talk about with both partners' comments; then the reflection
// questions with both answers. The order is computed here from the test's own answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, startAssessment, answer, fillComment, instrument, meanTenths, seal, violations } from './harness.mjs';

const env = useServerAndBrowser();

// Per dimension, one rating for all its statements, so the means are known: the local partner
// (this page) and the international partner (the file).
const own = [2, 5, 3, 4, 1];
const theirs = [5, 4, 3, 1, 2];
const byDimension = (values) => Object.fromEntries(instrument.dimensions.flatMap((d, n) => d.items.map((i) => [i.id, values[n]])));
const ratingsOwn = byDimension(own);
// One statement of the third dimension (no gap) gets a comment, so it is listed anyway.
const commented = instrument.dimensions[2].items[0];
const hostile = '<img src=x onerror="window.__pwned=1"> needs "work"';
// Both sides as the session names them: organisation (isolated as the app writes a name) and role.
const LOCAL = '\u2068Lake Women Network\u2069 (Local partner)';
const INTERNATIONAL = '\u2068Nordic Aid\u2069 (International partner)';

/** The order the session promises, from the means alone. */
function expectedOrder() {
  const range = instrument.scale.max - instrument.scale.min;
  const rows = instrument.dimensions.map((d, n) => {
    const a = meanTenths(d.items.map((i) => ratingsOwn[i.id]));
    const b = meanTenths(d.items.map(() => theirs[n]));
    const gap = a - b;
    return { d, n, gap, large: Math.abs(gap) * 3 >= range * 10, shared: (a + b) / 2 };
  });
  const large = rows.filter((r) => r.large).sort((x, y) => Math.abs(y.gap) - Math.abs(x.gap) || x.n - y.n);
  // Ties among the others keep the comparison's order: larger gap first, then the instrument's.
  const rest = rows.filter((r) => !r.large).sort((x, y) => x.shared - y.shared || Math.abs(y.gap) - Math.abs(x.gap) || x.n - y.n);
  assert.ok(large.length >= 2 && rest.length >= 2, 'the answers give both kinds of dimension');
  return [...large, ...rest].map((r) => r.d);
}

test('the joint session lists the dimensions in the order to talk them through, with prompts and both voices', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Lake Women Network', partner: 'Nordic Aid' });
  await answer(page, ratingsOwn);
  await fillComment(page, commented, hostile);
  await page.getByLabel(instrument.reflections[0].text).fill('We are asked late.');

  // Before the partner's file, the session says what is missing.
  await page.getByRole('button', { name: '4. Joint session' }).click();
  await page.getByText("Open your partner's result file on the results page to see the comparison.").waitFor();

  await page.getByRole('button', { name: '2. My results' }).click();
  await seal(page);
  const file = {
    format: 'partnership-scorecard-result', format_version: 1, exported_at: '2026-11-22T00:00:00Z',
    responses: {
      instrument: { id: instrument.id, version: instrument.version }, role: 'international',
      organisation: 'Nordic Aid', partner_organisation: 'Lake Women Network', created_at: 't', updated_at: 't',
      answers: Object.fromEntries(instrument.dimensions.flatMap((d, n) => d.items.map((i) => [i.id, {
        rating: theirs[n], answered_at: 't', ...(i.id === commented.id ? { comment: 'Agreed, mostly' } : {}),
      }]))),
      reflections: { [instrument.reflections[0].id]: { text: 'Our budget rules decide.', answered_at: 't' } },
    },
  };
  await page.getByLabel("Open your partner's result file").setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();

  await page.getByRole('button', { name: '4. Joint session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Joint session: talk the gaps through' }).waitFor();
  const order = expectedOrder();
  const headings = await page.locator('.psc-session h2').allTextContents();
  assert.deepEqual(headings, [...order.map((d, n) => `${n + 1}. ${d.title}`), 'Questions to talk through together', 'Action plan', 'Rounds over time']);

  for (const d of order) {
    const section = page.getByRole('region', { name: new RegExp(`^\\d\\. ${d.title.replace(/[()]/g, '.')}$`) });
    const text = await section.textContent();
    // What the source says: its own words, quoted, with the section they are from.
    const quote = section.locator('blockquote');
    assert.equal((await quote.textContent()).trim(), d.source.quote, `${d.id}: the source's words`);
    assert.ok(text.includes(`“${d.source.section}”`), `${d.id}: where they are from`);
    for (const action of d.suggested_actions ?? []) assert.ok(text.includes(action), `${d.id}: suggested action`);
    const n = instrument.dimensions.indexOf(d);
    const large = Math.abs(own[n] - theirs[n]) >= 2; // a third of 1-5, for single statements
    const listed = await section.locator('.psc-session-statement').allTextContents();
    const expected = d.items.filter((i) => large || i.id === commented.id).map((i) => i.text);
    assert.deepEqual(listed, expected, `${d.id}: statements with a large gap or a comment`);
  }
  // Both voices on the commented statement, the hostile one as inert text; each side named by its
  // organisation and role.
  const item = page.locator('.psc-session li', { hasText: commented.text });
  assert.deepEqual(await item.locator('.psc-comment-shown').allTextContents(), [
    `${LOCAL}: \u2068${hostile}\u2069`,
    `${INTERNATIONAL}: \u2068Agreed, mostly\u2069`,
  ]);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await page.locator('.psc-session .psc-free-text').allTextContents().then((t) => t.slice(0, 2)), [
    `${LOCAL}: \u2068We are asked late.\u2069`,
    `${INTERNATIONAL}: \u2068Our budget rules decide.\u2069`,
  ]);

  assert.deepEqual(await violations(page, errors), [], 'no accessibility violations');
  assert.deepEqual(errors, []);
  await context.close();
});
