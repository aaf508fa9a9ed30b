// Several respondents per side: a facilitator chooses the result files of several people of one
// side (and of the other) together on the start screen and sees each side's view: per dimension
// and per statement the mean, the lowest and highest answer and how many answered, with the gap.
// Means, spreads and words show only where three or more people answered, unless all of them
// gave their name; one person alone is that side's answer. Every
// number is computed here from the ratings the test chose, not read from the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, newPage, startAssessment, answer, fillComment, seal, instrument, items, meanTenths, oneDecimal, storageSnapshot, violations, fileText,
} from './harness.mjs';

const env = useServerAndBrowser();
const hostile = '<img src=x onerror="window.__pwned=1">';
const [min, max] = [instrument.scale.min, instrument.scale.max];
const roleLabel = Object.fromEntries(instrument.roles.map((r) => [r.id, r.label]));

/** A respondent's result file as the format documentation describes it. */
function resultFile({ role, started, rate, comment = () => null, name = '' }) {
  const responses = {
    instrument: { id: instrument.id, version: instrument.version },
    role,
    organisation: role === 'local' ? 'Lake Women Network' : 'Nordic Aid',
    partner_organisation: role === 'local' ? 'Nordic Aid' : 'Lake Women Network',
    ...(name ? { respondent: name } : {}),
    created_at: started,
    updated_at: started,
    answers: Object.fromEntries(items.map((item, n) => [item.id, {
      rating: rate(n), answered_at: started, ...(comment(n) ? { comment: comment(n) } : {}),
    }])),
    reflections: {},
  };
  return { format: 'partnership-scorecard-result', format_version: 1, exported_at: started, generator: 'test', responses };
}

const upload = (files) => files.map(([name, file]) => ({
  name, mimeType: 'application/json', buffer: Buffer.from(typeof file === 'string' ? file : JSON.stringify(file)),
}));

/** One side's numbers, worked out here: per statement and per dimension (the mean of each respondent's own dimension mean). */
function expected(files) {
  const ratings = (n) => files.map((f) => f.responses.answers[items[n].id]?.rating).filter((r) => typeof r === 'number');
  const statement = (n) => {
    const r = ratings(n);
    return { count: r.length, mean: meanTenths(r), lowest: r.length ? Math.min(...r) * 10 : null, highest: r.length ? Math.max(...r) * 10 : null };
  };
  const dimension = (d) => {
    const means = files
      .map((f) => meanTenths(d.items.map((i) => f.responses.answers[i.id]?.rating)))
      .filter((m) => m !== null);
    return {
      count: means.length,
      mean: means.length ? Math.round(means.reduce((a, b) => a + b, 0) / means.length) : null,
      lowest: means.length ? Math.min(...means) : null,
      highest: means.length ? Math.max(...means) : null,
    };
  };
  return { statement, dimension };
}

/**
 * What may be shown of a side's numbers, by the rule the README states: the mean, lowest and
 * highest only where three or more rated, or all `people` of the side are `named` (from a mean
 * of two, each could work out the other's rating); the mean of a side of one person, which is
 * that side's answer. Without a mean, no gap.
 */
function visible(s, people, named) {
  const shown = named || s.count >= 3;
  const mean = shown || people === 1;
  return { ...s, mean: mean ? s.mean : null, lowest: shown ? s.lowest : null, highest: shown ? s.highest : null };
}

/** A table cell as a reader should see it. */
function cell(s) {
  if (s.count === 0) return 'not rated';
  if (s.mean === null) return `not shown: fewer than three ratings (${s.count} answered)`;
  return s.lowest !== null
    ? `${oneDecimal(s.mean)} (from ${oneDecimal(s.lowest)} to ${oneDecimal(s.highest)}; ${s.count} answered)`
    : `${oneDecimal(s.mean)} (${s.count} answered)`;
}

function gapCell(a, b) {
  if (a.mean === null || b.mean === null) return 'no gap to show';
  const gap = Math.abs(a.mean - b.mean);
  // Large: at least a third of the scale's range.
  return `${oneDecimal(gap)}${gap * 3 >= (max - min) * 10 ? ' Large gap' : ''}`;
}

const tableRows = (page, id) => page.locator(`#${id} tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));

test('three people of the local partner and two of the international NGO, combined: every mean, spread and count', async () => {
  const errors = [];
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await newPage(context, errors);

  // The first local respondent answers in the app, gives her name, and downloads her file (sealed
  // and downloaded in one step), named for her.
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Lake Women Network', partner: 'Nordic Aid', name: `Amina ${hostile}` });
  const first = Object.fromEntries(items.map((item, n) => [item.id, n === 2 ? 'na' : 1 + ((n * 2) % 5)]));
  await answer(page, first);
  await fillComment(page, items[0], `Decisions are made far away ${hostile}`);
  await page.getByRole('button', { name: 'See my results' }).click();
  const download = await seal(page);
  const amina = JSON.parse(await fileText(download, download.passphrase));
  assert.equal(amina.responses.respondent, `Amina ${hostile}`, 'the name given travels in the file');
  assert.equal(download.suggestedFilename(), `result_local-leadership_local_lake-women-network_amina-img-src-x-onerror-window-pwned-1_sealed_${amina.exported_at.slice(0, 10)}.json`, "the file is named for her, safely, and says it is sealed");
  await page.getByRole('button', { name: 'All assessments' }).click();

  // Two more local respondents, unnamed, and two international ones, unnamed.
  const local = [
    amina,
    resultFile({ role: 'local', started: '2026-11-02T09:00:00.000Z', rate: (n) => (n % 7 === 0 ? 'not_applicable' : 5 - (n % 3)), comment: (n) => (n === 0 ? 'Zero say over the budget' : null) }),
    resultFile({ role: 'local', started: '2026-11-03T09:00:00.000Z', rate: (n) => 2 + (n % 4), comment: (n) => (n === 0 ? 'Better than last year' : null) }),
  ];
  const international = [
    resultFile({ role: 'international', started: '2026-11-04T09:00:00.000Z', rate: (n) => 4 + (n % 2), comment: (n) => (n === 0 ? 'SECRET international view' : null) }),
    resultFile({ role: 'international', started: '2026-11-05T09:00:00.000Z', rate: (n) => (n % 5 === 4 ? 'not_applicable' : 3 + (n % 3)) }),
  ];
  const before = await storageSnapshot(page);
  // The section is folded away on the start screen: open it first.
  await page.getByText("Combine several people's answers", { exact: true }).click();
  await page.getByLabel('Choose the result files to combine').setInputFiles(upload([
    ['amina.json', amina], ['b.json', local[1]], ['intl-1.json', international[0]], ['c.json', local[2]], ['intl-2.json', international[1]],
  ]));
  const title = page.getByRole('heading', { level: 3, name: `Combined answers: ${instrument.title}` });
  await title.waitFor();
  // Focus moves once the view has been drawn (the next frame).
  await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.tagName === 'H3', null, { timeout: 2000 });

  // The roles in the questionnaire's order: who answered, and what may be shown.
  const sides = instrument.roles.map((r) => ({ id: r.id, files: r.id === 'local' ? local : international }));
  const shows = (side) => side.files.length >= 3;
  const view = page.locator('#psc-combined');
  for (const side of sides) {
    const line = `${roleLabel[side.id]}: ${side.files.length} answered.`;
    const counts = ` Two people answered for the ${roleLabel[side.id]} and not both gave their name: from their mean, each could work out the other's answers, so only how many answered is shown.`;
    await view.getByText(shows(side) ? line : line + counts, { exact: true }).waitFor();
  }

  // Nobody on either side gave a name but Amina.
  const [a, b] = sides.map((s) => expected(s.files));
  const seen = (side, s) => visible(s, side.files.length, false);
  const row = (title, x, y) => [title, cell(x), cell(y), gapCell(x, y)];
  const dimensionRows = instrument.dimensions.map((d) => row(d.title, seen(sides[0], a.dimension(d)), seen(sides[1], b.dimension(d))));
  const statementRows = items.map((item, n) => row(item.text, seen(sides[0], a.statement(n)), seen(sides[1], b.statement(n))));
  assert.deepEqual(await tableRows(page, 'psc-combined-dimensions'), dimensionRows);
  assert.deepEqual(await tableRows(page, 'psc-combined-statements'), statementRows);
  // The chosen ratings reach every case of the rule: a spread, and ratings hidden where three
  // people gave one, two did, and one did (a side of one person is in the next test).
  const cells = statementRows.flatMap((r) => r.slice(1, 3)).join('\n');
  for (const kind of [/from .* to/, /not shown: fewer than three ratings \(2 answered\)/, /not shown: fewer than three ratings \(1 answered\)/]) assert.match(cells, kind);
  // The chart labels each dimension and names both sides in its legend.
  const chart = await view.locator('svg').textContent();
  for (const d of instrument.dimensions) assert.ok(chart.includes(d.short_title), d.short_title);
  for (const r of instrument.roles) assert.ok(chart.includes(r.label), r.label);
  // The two-person side shows no means, so no gaps: each row's note says so, once.
  assert.ok(chart.includes('no gap to show') && !chart.includes('gap no gap'), chart);

  // The local side's comments: three people, not all named, so shown without names, in
  // alphabetical order; the two international people's comment is not shown at all.
  const said = await view.locator('.psc-comment-shown').allTextContents();
  const isolate = (text) => `\u2068${text}\u2069`;
  assert.deepEqual(said, [
    `Local partner: ${isolate('Better than last year')}`,
    `Local partner: ${isolate(`Decisions are made far away ${hostile}`)}`,
    `Local partner: ${isolate('Zero say over the budget')}`,
  ]);
  assert.ok(!(await view.textContent()).includes('SECRET'), "a two-person side's words are not shown");
  assert.ok(!(await view.textContent()).includes('Amina'), 'a name is shown only when all of the side gave theirs');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await view.locator('img').count(), 0, 'typed text is inert');

  assert.equal(await storageSnapshot(page), before, 'nothing of the files is kept');
  assert.deepEqual(await violations(page, errors), []);

  // Printed, the combined view is the page: the start screen's other parts and the chooser are left out.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await title.isVisible());
  assert.ok(await page.locator('#psc-combined-statements').isVisible());
  for (const hidden of ['Start a new assessment', 'Reopen a joint session', "Combine several people's answers"]) {
    assert.equal(await page.getByRole('heading', { level: 2, name: hidden }).isVisible(), false, hidden);
  }
  assert.equal(await page.getByRole('heading', { level: 1 }).isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('people who all gave their name are shown with it; a bad set is refused naming the file, and nothing is kept', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.goto(env.server.url);
  const chooser = page.getByLabel('Choose the result files to combine');
  const named = [
    resultFile({ role: 'international', started: '2026-11-04T09:00:00.000Z', rate: () => 5, name: `Zola ${hostile}`, comment: (n) => (n === 1 ? 'Reports go one way' : null) }),
    resultFile({ role: 'international', started: '2026-11-05T09:00:00.000Z', rate: () => 1, name: 'Björn', comment: (n) => (n === 1 ? 'We listen' : null) }),
  ];
  const one = resultFile({ role: 'local', started: '2026-11-06T09:00:00.000Z', rate: () => 3 });
  const before = await storageSnapshot(page);
  await page.getByText("Combine several people's answers", { exact: true }).click();
  await chooser.setInputFiles(upload([['z.json', named[0]], ['b.json', named[1]], ['l.json', one]]));
  await page.getByRole('heading', { level: 3, name: /^Combined answers/ }).waitFor();
  // Two people, both named: their ratings' spread and their words, with their names, in the files' order.
  const firstRow = (await tableRows(page, 'psc-combined-statements'))[0];
  const column = (role) => instrument.roles.findIndex((r) => r.id === role) + 1;
  assert.equal(firstRow[column('international')], '3.0 (from 1.0 to 5.0; 2 answered)');
  // The one local person, unnamed, is that side's answer, as in a comparison of two files.
  assert.equal(firstRow[column('local')], '3.0 (1 answered)');
  assert.deepEqual(await page.locator('#psc-combined .psc-comment-shown').allTextContents(), [
    `International partner, \u2068Zola ${hostile}\u2069: \u2068Reports go one way\u2069`,
    'International partner, \u2068Björn\u2069: \u2068We listen\u2069',
  ]);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  const civic = structuredClone(one);
  civic.responses.instrument.id = 'civic-partnership';
  const unknown = structuredClone(one);
  unknown.responses.instrument.id = 'someone-elses-check';
  const again = structuredClone(one);
  again.responses.answers[items[0].id].rating = 1;
  const big = 1_900_000;
  const cases = [
    [[['l.json', one], ['cut.json', JSON.stringify(named[0]).slice(0, 300)]], /^\u2068cut\.json\u2069: This file is cut off before its end/],
    [[['l.json', one], ['other.json', civic]], /^\u2068other\.json\u2069: This result file is for another questionnaire \(civic-partnership\), not “Local leadership/],
    [[['other.json', unknown]], /^\u2068other\.json\u2069: This file is for a questionnaire this scorecard does not have \(someone-elses-check\)/],
    [[['l.json', one], ['l-again.json', again]], /^\u2068l-again\.json\u2069: These are the answers of someone already among the files chosen/],
    [[['l.json', one], ['joint.json', { ...one, format: 'partnership-scorecard-joint' }]], /^\u2068joint\.json\u2069: This is a joint session file/],
    [[['l.json', one], ['x.json', `{"format":"partnership-scorecard-result","format_version":1,"x":"${hostile}"`]], /^\u2068x\.json\u2069: This is not a Partnership Scorecard file: it is not readable JSON text/],
    // Each under the one-file limit (2 MB), too large together (8 MB): refused before any is read.
    [[1, 2, 3, 4, 5].map((n) => [`big-${n}.json`, ' '.repeat(big)]), new RegExp(`^These files are too large together \\(${Math.floor((5 * big) / 1024)} KB; the limit is 8192 KB\\)`)],
  ];
  for (const [files, message] of cases) {
    await chooser.setInputFiles(upload(files));
    const alert = page.locator('#psc-combine-error');
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('#psc-combine-error').textContent), message.source);
    assert.match(await alert.textContent(), /Nothing was changed\.$/);
    // Nothing of a combined view is left from before: no text, no element but its empty container.
    assert.deepEqual(await page.locator('#psc-combined').evaluate((e) => [e.textContent, e.querySelectorAll(':not(div)').length]), ['', 0], 'no combined view is left from before');
    await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === 'psc-combine-error', null, { timeout: 2000 });
  }
  assert.equal(await storageSnapshot(page), before);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await violations(page, errors), []);
  assert.deepEqual(errors, []);
  await context.close();
});
