// The partners' languages: the whole two-partner flow in Arabic, right to left; a comparison
// across languages (French against English), each side reading it in its own; a change of
// language mid-answer that loses nothing; and a language file that cannot be had or is damaged.
// Every word expected here comes from the language files and translated questionnaires as
// written, and every number from the test's own arithmetic and Node's own Intl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useServerAndBrowser, newPage, repo, violations, storageSnapshot, meanTenths } from './harness.mjs';

const env = useServerAndBrowser();

const json = (path) => JSON.parse(readFileSync(join(repo, path), 'utf8'));
const english = json('src/content/instruments/local-leadership.json');
const englishWords = Object.fromEntries(
  [...readFileSync(join(repo, 'src/i18n/en.rs'), 'utf8').matchAll(/^    (\w+): "((?:[^"\\]|\\.)*)",$/gm)]
    .map(([, k, v]) => [k, JSON.parse(`"${v.replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))}"`)]),
);
const words = (lang) => (lang === 'en' ? englishWords : json(`src/content/languages/${lang}.json`).strings);
const questionnaire = (lang) => (lang === 'en' ? english : json(`src/content/instruments/${lang}/local-leadership.json`));
/** The form of a value for the number `n`, by Node's own plural rules. */
const counted = (value, n, lang) => (typeof value === 'string' ? value : value[new Intl.PluralRules(lang).select(n)] ?? value.other);
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
const isolate = (text) => `\u2068${text}\u2069`;
/** A score in tenths as the language writes it, by Node's own Intl (Latin digits in Arabic). */
const number = (lang, tenths) => new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(tenths / 10);
const languageName = (code, lang) => new Intl.DisplayNames([lang], { type: 'language' }).of(code);
const root = (page) => page.locator('.psc');

/** Ratings that give each dimension a mean with a decimal: 2, 5, 3, 4… by statement. */
function ratingsFor(inst, offset) {
  const ratings = {};
  inst.dimensions.forEach((d, n) => d.items.forEach((item, i) => { ratings[item.id] = 1 + ((n + i * 3 + offset) % 5); }));
  return ratings;
}
const means = (inst, ratings) => Object.fromEntries(inst.dimensions.map((d) => [d.id, meanTenths(d.items.map((i) => ratings[i.id]))]));

async function start(page, lang, role, organisation, partner) {
  const [t, inst] = [words(lang), questionnaire(lang)];
  await page.getByRole('heading', { level: 1, name: t.home_title }).waitFor();
  await page.getByRole('radio', { name: inst.roles.find((r) => r.id === role).label }).check();
  await page.getByLabel(t.organisation_label, { exact: true }).fill(organisation);
  await page.getByLabel(t.partner_organisation_label, { exact: true }).fill(partner);
  await page.getByRole('button', { name: t.start }).click();
  await page.getByRole('heading', { level: 1, name: inst.title }).waitFor();
}

function radio(page, lang, item, rating) {
  const inst = questionnaire(lang);
  return page.getByRole('group', { name: item.text }).getByRole('radio', { name: `${rating} – ${inst.scale.labels[rating - inst.scale.min]}`, exact: true });
}

async function answerAll(page, lang, ratings) {
  for (const d of questionnaire(lang).dimensions) for (const item of d.items) await radio(page, lang, item, ratings[item.id]).check();
}

/**
 * Seals on the results screen, every statement answered, and returns the downloaded file: plain
 * (the box unticked, in the language's words), as these tests are about languages; protection
 * has tests of its own.
 */
async function sealAndDownload(page, lang) {
  const t = words(lang);
  await page.getByRole('button', { name: t.see_results }).click();
  await page.getByLabel(t.protect_label).uncheck();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.seal_and_download }).click()]);
  await page.getByRole('button', { name: t.reopen_button }).waitFor();
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

async function openPartnerFile(page, lang, file) {
  const t = words(lang);
  await page.getByLabel(t.import_label).setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await page.getByRole('heading', { level: 1, name: t.compare_title }).waitFor();
}

/** The comparison's dimension rows: id and cells. */
function dimensionRows(page) {
  return page.locator('#psc-dimension-gaps tbody tr').evaluateAll((rows) => rows.map((r) => ({
    id: r.dataset.dimension, cells: [...r.querySelectorAll('td')].map((td) => td.firstChild?.textContent.trim() ?? ''),
  })));
}

async function browserIn(locale) {
  const context = await env.browser.newContext({ acceptDownloads: true, locale });
  return context;
}

test('the whole two-partner flow in Arabic: right to left, mirrored, in Arabic words and numbers, no axe violation', async () => {
  const errors = [];
  const t = words('ar');
  const inst = questionnaire('ar');
  const [ratingsA, ratingsB] = [ratingsFor(inst, 0), ratingsFor(inst, 2)];

  const contextA = await browserIn('ar-EG');
  const pageA = await newPage(contextA, errors);
  await pageA.goto(env.server.url);
  await start(pageA, 'ar', 'international', 'منظمة الشمال', 'شبكة نساء البحيرة');
  assert.equal(await root(pageA).getAttribute('dir'), 'rtl');
  assert.equal(await root(pageA).getAttribute('lang'), 'ar');
  await answerAll(pageA, 'ar', ratingsA);
  assert.deepEqual(await violations(pageA, errors), [], 'the answering screen in Arabic');
  const fileA = await sealAndDownload(pageA, 'ar');
  assert.equal(JSON.parse(fileA.text).responses.language, 'ar', 'the file says its answers were given in Arabic');

  const contextB = await browserIn('ar');
  const pageB = await newPage(contextB, errors);
  await pageB.goto(env.server.url);
  await start(pageB, 'ar', 'local', 'شبكة نساء البحيرة', 'منظمة الشمال');
  await answerAll(pageB, 'ar', ratingsB);
  await sealAndDownload(pageB, 'ar');
  await openPartnerFile(pageB, 'ar', fileA);

  // Every number of the dimension table, from the test's own means, written as Arabic writes.
  const [meansA, meansB] = [means(inst, ratingsA), means(inst, ratingsB)];
  const rows = await dimensionRows(pageB);
  assert.equal(rows.length, inst.dimensions.length);
  for (const row of rows) {
    assert.equal(row.cells[0], number('ar', meansB[row.id]), `${row.id}: own score`);
    assert.equal(row.cells[1], number('ar', meansA[row.id]), `${row.id}: partner's score`);
    assert.equal(row.cells[2], number('ar', Math.abs(meansB[row.id] - meansA[row.id])), `${row.id}: gap`);
  }
  // Titles from the Arabic questionnaire; the partner's language named in Arabic.
  const titles = await pageB.locator('#psc-dimension-gaps tbody th').allTextContents();
  for (const title of titles) assert.ok(inst.dimensions.some((d) => title.includes(d.title)), title);
  assert.equal(await pageB.locator('.psc-answered-in').textContent(),
    fill(t.answered_in, { organisation: isolate('منظمة الشمال'), language: languageName('ar', 'ar') }));

  // Mirrored: the banner's name is right of the language list; a row's heading right of its
  // numbers; the page's text starts at the right.
  const box = async (locator) => locator.first().evaluate((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right }; });
  assert.ok((await box(pageB.locator('.psc-brand'))).left > (await box(pageB.locator('.psc-language'))).right, 'the name is on the right');
  const firstRow = pageB.locator('#psc-dimension-gaps tbody tr').first();
  assert.ok((await box(firstRow.locator('th'))).left >= (await box(firstRow.locator('td'))).right, 'the dimension comes first, on the right');
  assert.equal(await pageB.locator('h1').evaluate((h) => getComputedStyle(h).direction), 'rtl');
  // Charts keep numbers left to right.
  assert.equal(await pageB.locator('.psc-chart').first().evaluate((c) => getComputedStyle(c).direction), 'ltr');
  assert.deepEqual(await violations(pageB, errors), [], 'the comparison in Arabic');
  assert.deepEqual(errors, []);
  await contextA.close();
  await contextB.close();
});

test('partners in French and in English each read the comparison entirely in their own language', async () => {
  const errors = [];
  const [fr, en] = [questionnaire('fr'), questionnaire('en')];
  const [ratingsFr, ratingsEn] = [ratingsFor(en, 1), ratingsFor(en, 3)];
  const comment = 'Nous aimerions être consultés plus tôt ; <b>merci</b>';

  // Partner A's browser prefers French: the widget starts in French.
  const contextA = await browserIn('fr-FR');
  const pageA = await newPage(contextA, errors);
  await pageA.goto(env.server.url);
  await start(pageA, 'fr', 'local', 'Réseau des femmes', 'Nordic Aid');
  await answerAll(pageA, 'fr', ratingsFr);
  const item = fr.dimensions[0].items[0];
  const group = pageA.getByRole('group', { name: item.text });
  await group.getByText(words('fr').add_comment, { exact: true }).click();
  await group.getByRole('textbox').fill(comment);
  const fileA = await sealAndDownload(pageA, 'fr');
  assert.equal(JSON.parse(fileA.text).responses.language, 'fr');

  // Partner B's in English.
  const contextB = await browserIn('en-US');
  const pageB = await newPage(contextB, errors);
  await pageB.goto(env.server.url);
  await start(pageB, 'en', 'international', 'Nordic Aid', 'Réseau des femmes');
  await answerAll(pageB, 'en', ratingsEn);
  const fileB = await sealAndDownload(pageB, 'en');
  assert.equal(JSON.parse(fileB.text).responses.language, 'en');

  // B reads it in English: English titles and numbers, the French comment as typed, and that
  // the partner answered in French.
  await openPartnerFile(pageB, 'en', fileA);
  const [meansFr, meansEn] = [means(en, ratingsFr), means(en, ratingsEn)];
  for (const row of await dimensionRows(pageB)) {
    assert.equal(row.cells[0], number('en', meansEn[row.id]));
    assert.equal(row.cells[1], number('en', meansFr[row.id]));
  }
  assert.equal(await pageB.locator('.psc-answered-in').textContent(),
    fill(englishWords.answered_in, { organisation: isolate('Réseau des femmes'), language: 'French' }));
  assert.ok((await pageB.locator('#psc-dimension-gaps tbody th').allTextContents()).every((t) => en.dimensions.some((d) => t.includes(d.title))));
  await pageB.getByText(comment).first().waitFor(); // the partner's comment as typed, as text
  assert.equal(await pageB.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelectorAll('.psc b').length), 0);

  // A reads it in French: French titles, decimal commas, and that the partner answered in English.
  await openPartnerFile(pageA, 'fr', fileB);
  const rows = await dimensionRows(pageA);
  assert.ok(rows.some((r) => r.cells[0].includes(',')), 'decimal commas');
  for (const row of rows) {
    assert.equal(row.cells[0], number('fr', meansFr[row.id]));
    assert.equal(row.cells[1], number('fr', meansEn[row.id]));
  }
  assert.equal(await pageA.locator('.psc-answered-in').textContent(),
    fill(words('fr').answered_in, { organisation: isolate('Nordic Aid'), language: languageName('en', 'fr') }));
  assert.ok((await pageA.locator('#psc-dimension-gaps tbody th').allTextContents()).every((t) => fr.dimensions.some((d) => t.includes(d.title))));
  assert.deepEqual(await violations(pageA, errors), []);

  // The spreadsheet in French: semicolons between cells, decimal commas, and the notice says so.
  const [csv] = await Promise.all([pageA.waitForEvent('download'), pageA.getByRole('button', { name: words('fr').csv_button }).click()]);
  const table = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(table[0].split(';').length, 10, table[0]);
  assert.ok(table.some((line) => line.includes(`;${number('fr', meansFr[fr.dimensions[0].id])};`)), 'a mean with a decimal comma');
  await pageA.getByText(fill(words('fr').csv_separator_semicolon, { language: languageName('fr', 'fr') }), { exact: false }).waitFor();
  assert.deepEqual(errors, []);
  await contextA.close();
  await contextB.close();
});

test('a change of language mid-answer loses nothing, and is remembered', async () => {
  const errors = [];
  const context = await browserIn('en-US');
  const page = await newPage(context, errors);
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1, name: englishWords.home_title }).waitFor();
  // Typed on the start screen, not yet kept anywhere.
  await page.getByRole('radio', { name: english.roles[1].label }).check();
  await page.getByLabel(englishWords.organisation_label, { exact: true }).fill('Lake Women Network');
  await page.getByLabel(englishWords.partner_organisation_label, { exact: true }).fill('Nordic Aid');
  await page.getByLabel(englishWords.language_label).selectOption('fr');
  const fr = words('fr');
  await page.getByRole('heading', { level: 1, name: fr.home_title }).waitFor();
  assert.equal(await page.getByLabel(fr.organisation_label, { exact: true }).inputValue(), 'Lake Women Network');
  assert.equal(await page.getByLabel(fr.partner_organisation_label, { exact: true }).inputValue(), 'Nordic Aid');
  assert.equal(await page.getByRole('radio', { name: questionnaire('fr').roles[1].label }).isChecked(), true);
  assert.equal(await page.getByLabel(fr.language_label).inputValue(), 'fr');
  await page.getByRole('button', { name: fr.start }).click();
  await page.getByRole('heading', { level: 1, name: questionnaire('fr').title }).waitFor();

  // On the questions: a rating and a comment, then Spanish.
  const item = questionnaire('fr').dimensions[1].items[0];
  await radio(page, 'fr', item, 4).check();
  const group = page.getByRole('group', { name: item.text });
  await group.getByText(fr.add_comment, { exact: true }).click();
  await group.getByRole('textbox').fill('Un commentaire');
  await page.getByLabel(fr.language_label).selectOption('es');
  const es = questionnaire('es');
  const itemEs = es.dimensions[1].items[0];
  await page.getByRole('heading', { level: 1, name: es.title }).waitFor();
  assert.equal(await radio(page, 'es', itemEs, 4).isChecked(), true, 'the rating, in Spanish words');
  assert.equal(await page.getByRole('group', { name: itemEs.text }).getByRole('textbox').inputValue(), 'Un commentaire');
  const total = es.dimensions.reduce((n, d) => n + d.items.length, 0);
  await page.getByText(fill(counted(words('es').progress_text, total, 'es'), { answered: 1, total }), { exact: true }).waitFor();

  // Remembered in this browser: a reload is in Spanish.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: words('es').home_title }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('partnership-scorecard.language')), 'es');
  assert.deepEqual(await violations(page, errors), []);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [fault, respond] of [
  ['cannot be fetched', (route) => route.fulfill({ status: 404, body: 'missing' })],
  ['is cut off', async (route) => route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(join(repo, 'src/content/languages/fr.json'), 'utf8').slice(0, 5000) })],
  ['misses a key', async (route) => {
    const file = json('src/content/languages/fr.json');
    delete file.strings.resume;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(file) });
  }],
  ['has a wrong placeholder', async (route) => {
    const file = json('src/content/languages/fr.json');
    file.strings.part_of = 'Partie {partie} sur {total}';
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(file) });
  }],
  ['holds a script', async (route) => {
    const file = json('src/content/languages/fr.json');
    file.strings.home_title = '<img src=x onerror="window.__pwned=1">Voir';
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(file) });
  }],
]) {
  test(`a language file that ${fault}: the widget stays usable in English, says so once, and nothing stored changes`, async () => {
    const errors = [];
    const context = await browserIn('en-US');
    await context.route('**/content/languages/fr.json', respond);
    const page = await newPage(context, errors);
    await page.goto(env.server.url);
    await page.getByRole('heading', { level: 1, name: englishWords.home_title }).waitFor();
    const before = await storageSnapshot(page);
    await page.getByLabel(englishWords.language_label).selectOption('fr');
    if (fault === 'holds a script') {
      // Sound as a file: its words are text, never markup.
      await page.getByRole('heading', { level: 1, name: '<img src=x onerror="window.__pwned=1">Voir' }).waitFor();
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelectorAll('img').length), 0);
    } else {
      const message = fill(englishWords.language_failed, { language: 'French' });
      await page.getByText(message).waitFor();
      assert.equal(await page.getByText(message).count(), 1, 'said once');
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), englishWords.home_title);
      assert.equal(await page.getByLabel(englishWords.language_label).inputValue(), 'en', 'the list shows the language in use');
      assert.equal(await storageSnapshot(page), before, 'nothing stored changed');
      // Still usable: an assessment starts, in English.
      await page.getByRole('radio', { name: english.roles[0].label }).check();
      await page.getByLabel(englishWords.organisation_label, { exact: true }).fill('A');
      await page.getByLabel(englishWords.partner_organisation_label, { exact: true }).fill('B');
      await page.getByRole('button', { name: englishWords.start }).click();
      await page.getByRole('heading', { level: 1, name: english.title }).waitFor();
    }
    assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
    await context.close();
  });
}

test('a host page chooses each widget\'s language with data-lang, over the browser\'s', async () => {
  const errors = [];
  const context = await browserIn('en-US');
  await context.route('**/demo/languages.html', (route) => route.fulfill({
    status: 200,
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main>
      <div id="es" data-partnership-scorecard data-lang="es"></div>
      <div id="ar" data-partnership-scorecard data-lang="ar"></div>
      <script type="module" src="../boot.js"></script></main></body></html>`,
  }));
  const page = await newPage(context, errors);
  await page.goto(`${env.server.url}demo/languages.html`);
  await page.locator('#es').getByRole('heading', { level: 1, name: words('es').home_title }).waitFor();
  await page.locator('#ar').getByRole('heading', { level: 1, name: words('ar').home_title }).waitFor();
  assert.equal(await page.locator('#ar .psc').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('#es .psc').getAttribute('dir'), 'ltr');
  assert.equal(await page.locator('#es .psc').getAttribute('lang'), 'es');
  assert.deepEqual(errors, []);
  await context.close();
});
