// The CSV export, read back by a real CSV parser (csv-parse, as a spreadsheet would read it):
// every rating, gap, comment and reflection of both partners survives, including quotes, commas,
// line breaks and text that a spreadsheet would otherwise run as a formula.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { useServerAndBrowser, newPage, startAssessment, answer, fillComment, items, instrument, meanTenths, oneDecimal, seal } from './harness.mjs';

const env = useServerAndBrowser();

const own = { organisation: 'Nordic Aid, "Partners" Ltd', partner: 'Lake Women Network' };
const ratingsA = Object.fromEntries(items.map((item, i) => [item.id, i === 4 ? null : [5, 'na', 3, 4, 2][i % 5]]));
const ratingsB = Object.fromEntries(items.map((item, i) => [item.id, i === 7 ? null : [1, 4, 'na', 4, 5, 2][i % 6]]));
const commentA = 'We fund it, but "they" decide;\nsee the MoU, clause 4, "budget", <b>bold</b>';
const formulaComment = '=HYPERLINK("http://evil.example","click")';
const commentsB = { [items[0].id]: 'Asked late, again,\r\nand again', [items[2].id]: '-not consulted' };

/** Downloads the CSV from the current screen and parses it as a spreadsheet would. */
async function downloadCsv(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download answers and gaps as a spreadsheet (CSV)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 byte-order mark, for Excel');
  const rows = parse(bytes, { bom: true, relax_column_count: false });
  assert.ok(rows.every((r) => r.length === rows[0].length), 'a rectangular table');
  return rows;
}

/** What a spreadsheet shows for typed text: text that would start a formula is kept as words. */
const asRead = (text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const ratingCell = (r) => (r == null ? '' : r === 'na' ? "don't know" : String(r));

test('answers and gaps download as CSV and survive a real CSV parser', async () => {
  const errors = [];
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: instrument.roles[0].label, ...own });
  await answer(page, ratingsA);
  await fillComment(page, items[0], commentA);
  await fillComment(page, items[1], formulaComment);
  const reflection = instrument.reflections[0];
  await page.getByLabel(reflection.text).fill('Power sits, "mostly", with us, sadly');
  await page.getByRole('button', { name: 'See my results' }).click();

  // Before the partner's file: the partner's columns are there but empty.
  const alone = await downloadCsv(page);
  assert.equal(alone.length, 1 + instrument.dimensions.length + items.length + instrument.reflections.length);
  assert.ok(alone.slice(1).every((r) => r[6] === '' && r[7] === '' && r[9] === ''));

  // The partner's file, as their app writes it, opened over sealed answers (one statement left
  // open: sealed anyway).
  await seal(page, { anyway: true });
  const partnerFile = {
    format: 'partnership-scorecard-result', format_version: 1, exported_at: '2026-11-22T00:00:00Z',
    responses: {
      instrument: { id: instrument.id, version: instrument.version }, role: instrument.roles[1].id,
      organisation: '=Lake, Women', partner_organisation: own.organisation, created_at: 't', updated_at: 't',
      answers: Object.fromEntries(items.filter((i) => ratingsB[i.id] != null || commentsB[i.id]).map((i) => [i.id, {
        ...(ratingsB[i.id] == null ? {} : { rating: ratingsB[i.id] === 'na' ? 'not_applicable' : ratingsB[i.id] }),
        ...(commentsB[i.id] ? { comment: commentsB[i.id] } : {}),
        answered_at: 't',
      }])),
      reflections: { [reflection.id]: { text: 'Asked, but late', answered_at: 't' } },
    },
  };
  await page.getByLabel("Open your partner's result file").setInputFiles({
    name: 'partner.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(partnerFile)),
  });
  // Opening the file leads straight to the comparison.
  await page.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
  const rows = await downloadCsv(page);

  const [header, ...body] = rows;
  assert.deepEqual(header, [
    'Row', 'Dimension number', 'Dimension', 'Statement number', 'Statement or question',
    `Rating: ${own.organisation}`, 'Rating: =Lake, Women',
    `Gap: ${own.organisation} minus =Lake, Women`,
    `Comment: ${own.organisation}`, 'Comment: =Lake, Women',
  ]);
  const expected = [];
  instrument.dimensions.forEach((d, n) => {
    const a = meanTenths(d.items.map((i) => ratingsA[i.id]));
    const b = meanTenths(d.items.map((i) => ratingsB[i.id]));
    expected.push(['dimension', String(n + 1), d.title, '', d.summary, a == null ? '' : oneDecimal(a), b == null ? '' : oneDecimal(b),
      a == null || b == null ? '' : oneDecimal(a - b), '', '']);
    d.items.forEach((item, i) => {
      const [ra, rb] = [ratingsA[item.id], ratingsB[item.id]];
      const gap = typeof ra === 'number' && typeof rb === 'number' ? String(ra - rb) : '';
      const ownComment = item.id === items[0].id ? commentA : item.id === items[1].id ? asRead(formulaComment) : '';
      expected.push(['statement', String(n + 1), d.title, String(i + 1), item.text, ratingCell(ra), ratingCell(rb), gap, ownComment,
        asRead(commentsB[item.id] ?? '')]);
    });
  });
  for (const q of instrument.reflections) {
    expected.push(['reflection', '', '', '', q.text, '', '', '', q.id === reflection.id ? 'Power sits, "mostly", with us, sadly' : '',
      q.id === reflection.id ? 'Asked, but late' : '']);
  }
  // Every cell, including the comments with quotes, commas, an LF and a CRLF inside them.
  assert.deepEqual(body, expected);
  assert.deepEqual(errors, []);
  await context.close();
});
