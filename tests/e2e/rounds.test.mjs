// Rounds over time: the joint files of earlier rounds are added to today's joint session, which
// then shows how each dimension's scores and gap moved round by round (chart, sentence, table),
// and which actions agreed in earlier rounds were done. Every number is computed here from the
// ratings the test chose. A file that does not belong is refused, with nothing stored changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServerAndBrowser, newPage, instrument, meanTenths, oneDecimal, storageSnapshot, violations, openSessionOf, repo, shownDate } from './harness.mjs';

const env = useServerAndBrowser();
const hostile = '<img src=x onerror="window.__pwned=1">';

/** One side's answers: every statement of dimension n rated `ratings[n]`. */
function side(role, organisation, partner, ratings) {
  return {
    instrument: { id: instrument.id, version: instrument.version }, role, organisation, partner_organisation: partner,
    created_at: 't', updated_at: 't', sealed_at: '2026-01-01T00:00:00.000Z', reflections: {},
    answers: Object.fromEntries(instrument.dimensions.flatMap((d, n) => d.items.map((i) => [i.id, { rating: ratings[n], answered_at: 't' }]))),
  };
}
const local = (r) => side('local', 'Lake Women Network', 'Nordic Aid', r);
const international = (r) => side('international', 'Nordic Aid', 'Lake Women Network', r);

// Ratings per dimension, per round and side (the local partner is this browser).
const rounds = [
  { date: '2026-03-01', local: [1, 2, 3, 4, 2], international: [5, 4, 3, 2, 5] },
  { date: '2026-06-01', local: [2, 3, 3, 4, 3], international: [4, 4, 3, 3, 4] },
  { date: '2026-09-01', local: [3, 3, 4, 4, 4], international: [4, 4, 3, 4, 4] },
];
const dims = instrument.dimensions;
const at = (values, n) => values[Math.min(n, values.length - 1)];
const mean = (values, n) => meanTenths(dims[n].items.map(() => at(values, n)));

function jointFile(round, plan, downloadedByInternational) {
  const [a, b] = [local(dims.map((_, n) => at(round.local, n))), international(dims.map((_, n) => at(round.international, n)))];
  const [responses, partner] = downloadedByInternational ? [b, a] : [a, b];
  return JSON.stringify({ format: 'partnership-scorecard-joint', format_version: 1, exported_at: 't', responses, partner, plan, round_date: round.date });
}

test('earlier rounds show how each dimension moved and which actions were done', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  const current = rounds[2];
  const stored = {
    store_version: 3, id: 'now', round_date: current.date,
    own: local(dims.map((_, n) => at(current.local, n))), partner: international(dims.map((_, n) => at(current.international, n))),
  };
  await openSessionOf(page, env.server.url, stored);
  const chooser = page.getByLabel("Add an earlier round's joint session file");

  // Refused: one partner's result file, a sound joint file of another built-in questionnaire (the
  // app loads that questionnaire to read it), and a joint file of a questionnaire it does not have.
  const before = await storageSnapshot(page);
  const civic = JSON.parse(readFileSync(join(repo, 'src/content/instruments/civic-partnership.json'), 'utf8'));
  const civicSide = (role, organisation, partner) => ({
    instrument: { id: civic.id, version: civic.version }, role, organisation, partner_organisation: partner,
    created_at: 't', updated_at: 't', sealed_at: '2026-01-01T00:00:00.000Z', reflections: {},
    answers: Object.fromEntries(civic.dimensions.flatMap((d) => d.items.map((i) => [i.id, { rating: 3, answered_at: 't' }]))),
  });
  const other = {
    format: 'partnership-scorecard-joint', format_version: 1, exported_at: 't', plan: [], round_date: rounds[0].date,
    responses: civicSide(civic.roles[0].id, 'Lake Women Network', 'Nordic Aid'), partner: civicSide(civic.roles[1].id, 'Nordic Aid', 'Lake Women Network'),
  };
  const unknown = JSON.parse(jointFile(rounds[0], [], false));
  unknown.responses.instrument.id = 'someone-elses-check';
  unknown.partner.instrument.id = 'someone-elses-check';
  for (const [text, message] of [
    [JSON.stringify({ format: 'partnership-scorecard-result', format_version: 1, exported_at: 't', responses: local([1]) }), /one partner's result file, not a joint session file/],
    [JSON.stringify(other), /is for another questionnaire \(civic-partnership\), not “Local leadership/],
    [JSON.stringify(unknown), /questionnaire this scorecard does not have \(someone-elses-check\)/],
  ]) {
    await chooser.setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction((m) => new RegExp(m).test(document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('#psc-rounds-error')?.textContent ?? ''), message.source);
    await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === 'psc-rounds-error');
    assert.equal(await storageSnapshot(page), before);
  }

  // The first round was downloaded by the international partner; its action was done.
  const done = { dimension: dims[0].id, what: `Write the MoU together ${hostile}`, who: 'Both', by_when: '2026-05-01', done: true };
  const notDone = { dimension: dims[1].id, what: 'Share budget lines', who: '', by_when: '', done: false };
  await chooser.setInputFiles({ name: 'r1.json', mimeType: 'application/json', buffer: Buffer.from(jointFile(rounds[0], [done], true)) });
  await page.getByText(`The round of ${shownDate('2026-03-01')} was added.`).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === 'psc-rounds-title');
  await chooser.setInputFiles({ name: 'r2.json', mimeType: 'application/json', buffer: Buffer.from(jointFile(rounds[1], [notDone], false)) });
  await page.getByText(`The round of ${shownDate('2026-06-01')} was added.`).waitFor();

  // The table: a row per dimension and round, oldest round first, from this side.
  const table = page.locator('.psc-rounds table').first();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const expected = dims.flatMap((d, n) => rounds.map((r) => {
    const [a, b] = [mean(r.local, n), mean(r.international, n)];
    return [d.title, shownDate(r.date), oneDecimal(a), oneDecimal(b), oneDecimal(Math.abs(a - b))];
  }));
  assert.deepEqual(rows, expected);

  // The sentence: the dimension whose gap narrowed or widened most from the first to the last round.
  const moves = dims.map((d, n) => {
    const gap = (r) => Math.abs(mean(r.local, n) - mean(r.international, n));
    return { d, first: gap(rounds[0]), last: gap(rounds[2]) };
  });
  const most = moves.reduce((best, m) => (Math.abs(m.last - m.first) > Math.abs(best.last - best.first) ? m : best));
  const caption = await page.locator('.psc-rounds figcaption').textContent();
  assert.ok(caption.includes(`from ${oneDecimal(most.first)} in the first round to ${oneDecimal(most.last)} in the last`), caption);
  const chart = await page.locator('.psc-rounds .psc-chart').innerHTML();
  for (const r of rounds) assert.ok(chart.includes(shownDate(r.date)), `the chart labels the round of ${r.date}`);

  // Earlier rounds' actions, with whether they were done.
  const actions = await page.locator('.psc-rounds table').nth(1).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(actions, [
    [shownDate('2026-03-01'), dims[0].title, done.what, 'Both', shownDate('2026-05-01'), 'Done'],
    [shownDate('2026-06-01'), dims[1].title, notDone.what, '', '', 'Not done'],
  ]);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await violations(page, errors), []);

  // In print: no chooser and no button.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.psc-rounds').evaluate((s) => [...s.querySelectorAll('input, button')].filter((e) => e.getClientRects().length > 0).length), 0);
  await page.emulateMedia({ media: 'screen' });

  // Kept: after a reload, still there; then one removed.
  await page.reload();
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('button', { name: '4. Joint session' }).click();
  await page.locator('.psc-rounds table').first().waitFor();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: `Remove The round of ${shownDate('2026-03-01')}` }).click();
  await page.getByRole('button', { name: `Remove The round of ${shownDate('2026-06-01')}` }).waitFor();
  assert.equal(await page.getByRole('button', { name: `Remove The round of ${shownDate('2026-03-01')}` }).count(), 0);
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.now')).earlier_rounds.map((r) => r.round_date));
  assert.deepEqual(kept, ['2026-06-01']);
  assert.deepEqual(errors, []);
  await context.close();
});
