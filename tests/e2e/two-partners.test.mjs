// The whole loop, played by both partners in separate browser contexts (separate storage):
// A answers and exports, the file protected with the passphrase the app offers (the default); B
// answers, opens A's file with that passphrase and reads the comparison. The numbers on screen
// are checked against values this test computes from its own answers; A's file is read here by
// the format's second implementation (tests/support/protected-file.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  useServerAndBrowser, newPage, startAssessment, answer, fillComment, items, instrument,
  meanTenths, oneDecimal, seal, offeredPassphrase, fileText, givePassphrase,
} from './harness.mjs';

const env = useServerAndBrowser();

// A rates high, B rates low; some "don't know", some left unanswered.
const patternA = [5, 4, 5, 4, 'na', 5, 3];
const patternB = [2, 3, 1, 4, 3, 'na', 2, 5];
const ratingsA = Object.fromEntries(items.map((item, i) => [item.id, i === 25 ? null : patternA[i % patternA.length]]));
const ratingsB = Object.fromEntries(items.map((item, i) => [item.id, i === 3 ? null : patternB[i % patternB.length]]));
const range = instrument.scale.max - instrument.scale.min;

const hostile = 'Nordic Aid "Partners", <b>bold</b> & co';
const commentA = 'We fund it, but "they" decide, mostly; see MoU, clause 4';
const reflectionsA = Object.fromEntries(instrument.reflections.map((q, i) => [q.id, `International view ${i}: budget lines, "power"`]));
const reflectionsB = Object.fromEntries(instrument.reflections.map((q, i) => [q.id, `Local view ${i}: we are asked late`]));

async function fillReflections(page, texts) {
  for (const q of instrument.reflections) {
    await page.getByLabel(q.text).fill(texts[q.id]);
  }
}

function dimensionMeans(ratings) {
  return Object.fromEntries(instrument.dimensions.map((d) => [d.id, meanTenths(d.items.map((i) => ratings[i.id]))]));
}

/**
 * The privacy promise: no request carries anything a person typed or a file brought. Every
 * request is a GET, without a body or a query string, for one of the app's own files (its code
 * and the part of it for later screens, its stylesheet, its service worker, the list of questionnaires and the questionnaires); the
 * downloads the person asks for are made in the page (blob:) and go nowhere.
 */
function ownFilesOnly(requests, who, secrets) {
  const own = /^\/(|index\.html|boot\.js|main\.css|sw\.js|partnership-scorecard\.js|partnership-scorecard_bg\.wasm|__wasm_split\.js|split_later\.[0-9a-f]{10}\.wasm|content\/instruments\/[a-z0-9.-]+\.json)$/;
  for (const request of requests) {
    const url = new URL(request.url());
    if (url.protocol === 'blob:') continue;
    const where = `${who}: ${request.method()} ${request.url()}`;
    assert.equal(request.method(), 'GET', where);
    assert.equal(request.postData(), null, `${where} has no body`);
    assert.equal(url.search, '', `${where} has no query string`);
    assert.equal(url.origin, new URL(env.server.url).origin, `${where} stays on the app's own site`);
    assert.match(url.pathname, own, `${where} is one of the app's own files`);
    for (const secret of secrets) assert.ok(!JSON.stringify(request.headers()).includes(secret), `${where}: nothing typed in its headers`);
  }
  assert.ok(requests.some((r) => r.url().includes('/content/instruments/')), `${who}: the questionnaire was fetched (and checked) too`);
}

async function tableRows(page, tableId, key) {
  return page.locator(`#${tableId} tbody tr`).evaluateAll((rows, key) => rows.map((r) => ({
    id: r.dataset[key],
    cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()),
    large: r.classList.contains('psc-large'),
  })), key);
}

test('two partners answer separately, exchange a file and see their gaps', async () => {
  const errors = [];
  // Partner A: the international partner.
  const contextA = await env.browser.newContext({ acceptDownloads: true });
  const pageA = await newPage(contextA, errors);
  const requests = [];
  // From the first screen on, everything either partner's browser asks for (its service worker
  // included), to check the privacy promise below.
  contextA.on('request', (r) => requests.push(r));
  await startAssessment(pageA, env.server.url, { role: 'International partner', organisation: hostile, partner: 'Lake Women Network' });
  await answer(pageA, ratingsA);
  const firstItem = items[0];
  await fillComment(pageA, firstItem, commentA);
  await fillReflections(pageA, reflectionsA);
  const answered = items.filter((i) => ratingsA[i.id] != null).length;
  await assert.doesNotReject(pageA.getByText(`${answered} of ${items.length} statements answered`).waitFor());
  assert.equal(await pageA.locator('progress').getAttribute('value'), String(answered));

  await pageA.getByRole('button', { name: 'See my results' }).click();
  await pageA.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  const meansA = dimensionMeans(ratingsA);
  const ownRows = await tableRows(pageA, 'psc-own-scores', 'dimension');
  assert.deepEqual(ownRows.map((r) => r.id), instrument.dimensions.map((d) => d.id));
  for (const row of ownRows) {
    const d = instrument.dimensions.find((x) => x.id === row.id);
    const rated = d.items.filter((i) => typeof ratingsA[i.id] === 'number').length;
    const na = d.items.filter((i) => ratingsA[i.id] === 'na').length;
    assert.equal(row.cells[0], oneDecimal(meansA[row.id]), `score of ${row.id}`);
    assert.equal(row.cells[1], `${rated} of ${d.items.length}`);
    assert.equal(row.cells[2], String(na));
  }
  assert.equal(await pageA.locator('.psc-chart svg rect').count(), 1 + instrument.dimensions.length, 'a bar per dimension');
  // The chart's message in one sentence: highest and lowest dimension (first on a tie).
  const scored = instrument.dimensions.filter((d) => meansA[d.id] != null);
  const high = scored.reduce((best, d) => (meansA[d.id] > meansA[best.id] ? d : best));
  const low = scored.reduce((worst, d) => (meansA[d.id] < meansA[worst.id] ? d : worst));
  assert.match(await pageA.locator('.psc-figure figcaption').textContent(),
    new RegExp(`^Highest: ${high.title}, ${oneDecimal(meansA[high.id])}\\. Lowest: ${low.title}, ${oneDecimal(meansA[low.id])}\\.`));

  // A exports without sealing: the app warns first (a confirm), and A goes on. The file is
  // protected with the passphrase the app offers, which A reads off the screen to tell B.
  const passphrase = await offeredPassphrase(pageA);
  const warnings = [];
  pageA.once('dialog', (d) => { warnings.push(d.message()); d.accept(); });
  const [download] = await Promise.all([
    pageA.waitForEvent('download'),
    pageA.getByRole('button', { name: 'Download without sealing' }).click(),
  ]);
  assert.equal(warnings.length, 1, 'a download without a seal is confirmed first');
  assert.match(warnings[0], /^Your answers are not sealed/);
  const fileName = download.suggestedFilename();
  const sent = await readFile(await download.path(), 'utf8');
  assert.equal(JSON.parse(sent).format, 'partnership-scorecard-protected', 'protected by default');
  assert.ok(!sent.includes(commentA) && !sent.includes('Nordic'), 'nothing of the answers shows in the protected file');
  const file = JSON.parse(await fileText(download, passphrase));
  // What the file is, the instrument, role and (safe) organisation, the unnamed person's start
  // time, and the date; no "sealed".
  assert.match(fileName, /^result_local-leadership_international_nordic-aid-partners-b-bold-b-co_\d{6}_\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(fileName, `result_local-leadership_international_nordic-aid-partners-b-bold-b-co_${file.responses.created_at.slice(11, 19).replace(/:/g, '')}_${file.exported_at.slice(0, 10)}.json`);
  await pageA.getByText(`Your result file ${fileName} was downloaded, not sealed. Your file is protected with the passphrase ${passphrase}`).waitFor();
  assert.equal(file.responses.sealed_at, undefined, 'not sealed');
  assert.equal(file.format, 'partnership-scorecard-result');
  assert.equal(file.format_version, 1);
  assert.equal(file.responses.instrument.id, instrument.id);
  assert.equal(file.responses.instrument.version, instrument.version);
  assert.equal(file.responses.role, 'international');
  assert.equal(file.responses.organisation, hostile);
  assert.equal(file.responses.partner_organisation, 'Lake Women Network');
  assert.equal(file.responses.answers[firstItem.id].comment, commentA);
  assert.ok(!Number.isNaN(Date.parse(file.exported_at)) && !Number.isNaN(Date.parse(file.responses.updated_at)));
  for (const item of items) {
    const expected = ratingsA[item.id] === 'na' ? 'not_applicable' : ratingsA[item.id] ?? undefined;
    assert.equal(file.responses.answers[item.id]?.rating, expected, item.id);
  }
  ownFilesOnly(requests, 'partner A', [passphrase]);

  // Partner B: the local partner, in a context of its own.
  const contextB = await env.browser.newContext();
  const requestsB = [];
  contextB.on('request', (r) => requestsB.push(r));
  const pageB = await newPage(contextB, errors);
  await startAssessment(pageB, env.server.url, { role: 'Local partner', organisation: 'Lake Women Network', partner: 'Nordic Aid' });
  await answer(pageB, ratingsB);
  await fillReflections(pageB, reflectionsB);
  await pageB.getByRole('button', { name: 'See my results' }).click();
  await seal(pageB, { anyway: true });
  await pageB.getByLabel("Open your partner's result file").setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(sent) });
  await givePassphrase(pageB, passphrase);
  await pageB.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();

  // Dimensions, largest gap first, each number computed here from both partners' answers.
  const meansB = dimensionMeans(ratingsB);
  const expectedDims = instrument.dimensions.map((d) => {
    const you = meansB[d.id];
    const partner = meansA[d.id];
    const gap = you != null && partner != null ? you - partner : null;
    return { id: d.id, you, partner, gap };
  });
  const dimRows = await tableRows(pageB, 'psc-dimension-gaps', 'dimension');
  const sizes = dimRows.map((r) => expectedDims.find((d) => d.id === r.id).gap).map((g) => (g == null ? -1 : Math.abs(g)));
  assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a), 'largest gap first');
  assert.equal(dimRows.length, instrument.dimensions.length);
  for (const row of dimRows) {
    const e = expectedDims.find((d) => d.id === row.id);
    assert.equal(row.cells[0], oneDecimal(e.you), `${row.id}: you`);
    assert.equal(row.cells[1], oneDecimal(e.partner), `${row.id}: partner`);
    const large = Math.abs(e.gap / 10) >= range / 3;
    assert.equal(row.cells[2], oneDecimal(Math.abs(e.gap)) + (large ? ' Large gap' : ''), `${row.id}: gap`);
    assert.equal(row.large, large, `${row.id}: large flag`);
    assert.equal(row.cells[3], e.gap > 0 ? 'You rate higher' : e.gap < 0 ? 'Your partner rates higher' : 'Same rating');
  }
  assert.ok(dimRows.some((r) => r.large), 'this pair of answers has at least one large gap');

  // The chart's one-sentence summary names the largest gap.
  const top = expectedDims.find((d) => d.id === dimRows[0].id);
  const topTitle = instrument.dimensions.find((d) => d.id === top.id).title;
  assert.match(await pageB.locator('.psc-figure figcaption').textContent(),
    new RegExp(`^Largest gap: ${topTitle}, you ${oneDecimal(top.you)}, your partner ${oneDecimal(top.partner)}\\.`));

  // Every statement, largest gap first. The first rows come with the rest of the comparison and
  // the others once it has been drawn: all of them arrive, once each, in one order.
  await pageB.locator('#psc-item-gaps tbody tr').nth(items.length - 1).waitFor();
  const itemRows = await tableRows(pageB, 'psc-item-gaps', 'item');
  assert.equal(itemRows.length, items.length);
  const shown = (r) => (r === 'na' ? "don't know" : r == null ? 'not answered' : String(r));
  let previous = Infinity;
  for (const row of itemRows) {
    const you = ratingsB[row.id];
    const partner = ratingsA[row.id];
    const gap = typeof you === 'number' && typeof partner === 'number' ? you - partner : null;
    const size = gap == null ? -1 : Math.abs(gap);
    assert.ok(size <= previous, `${row.id} out of order`);
    previous = size;
    const large = gap != null && Math.abs(gap) >= range / 3;
    assert.equal(row.cells[0], shown(you), `${row.id}: you`);
    assert.equal(row.cells[1], shown(partner), `${row.id}: partner`);
    assert.equal(row.cells[2], gap == null ? 'no gap to show' : `${Math.abs(gap)}.0${large ? ' Large gap' : ''}`, `${row.id}: gap`);
    assert.equal(row.large, large);
  }
  await assert.doesNotReject(pageB.getByText(commentA).waitFor(), "partner's comment is shown");

  // The chart: a circle and a triangle per dimension both rated, plus the legend's.
  const both = expectedDims.filter((d) => d.gap != null).length;
  assert.equal(await pageB.locator('.psc-chart svg circle').count(), 1 + expectedDims.filter((d) => d.you != null).length);
  assert.equal(await pageB.locator('.psc-chart svg polygon').count(), 1 + expectedDims.filter((d) => d.partner != null).length);
  assert.ok(both > 0);

  // Reflections side by side.
  for (const q of instrument.reflections) {
    const pair = pageB.locator(`[data-question="${q.id}"]`);
    assert.equal(await pair.locator('.psc-free-text').first().textContent(), reflectionsB[q.id]);
    assert.equal(await pair.locator('.psc-free-text').nth(1).textContent(), reflectionsA[q.id]);
  }
  // The organisation name with markup is shown as text, never as markup.
  assert.equal(await pageB.locator('b').count(), 0);
  await assert.doesNotReject(pageB.getByText(`Your partner: \u2068${hostile}\u2069`, { exact: false }).waitFor());

  ownFilesOnly(requestsB, 'partner B', [passphrase]);

  // The comparison survives a reload.
  await pageB.reload();
  await pageB.getByRole('button', { name: /^Resume/ }).click();
  await pageB.getByRole('button', { name: '3. Compare' }).click();
  assert.equal((await tableRows(pageB, 'psc-dimension-gaps', 'dimension')).length, instrument.dimensions.length);

  assert.deepEqual(errors, []);
  await contextA.close();
  await contextB.close();
});
