// A questionnaire file is text from outside, like a partner's file: markup in any of its text
// fields (titles, statements, scale labels, roles, actions, questions, credit) is shown as the
// characters typed, on every screen, in the charts and in print, and never becomes an element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServerAndBrowser, newPage, repo, seal, violations } from './harness.mjs';

const env = useServerAndBrowser();
const base = JSON.parse(readFileSync(join(repo, 'demo/our-partnership-check.json'), 'utf8'));

/** A hostile text naming the field it stands in, so each can be found on screen. */
const hostile = (field) => `<img src=x onerror="window.__ran=1"><script>window.__ran=1</script><b>${field}</b> & "quotes"`;

const questionnaire = structuredClone(base);
questionnaire.id = 'hostile-check';
for (const field of ['title', 'summary', 'publisher', 'credit']) questionnaire[field] = hostile(field);
questionnaire.roles = questionnaire.roles.map((r, n) => ({ ...r, label: hostile(`role ${n}`) }));
questionnaire.scale.labels = questionnaire.scale.labels.map((_, n) => hostile(`point ${n}`));
questionnaire.scale.not_applicable = hostile('not applicable');
for (const [d, dimension] of questionnaire.dimensions.entries()) {
  dimension.title = hostile(`dimension ${d}`);
  dimension.short_title = `<i>${d}</i>`;
  dimension.summary = hostile(`summary ${d}`);
  dimension.suggested_actions = [hostile(`action ${d}`)];
  dimension.items.forEach((item, i) => { item.text = hostile(`statement ${d}.${i}`); });
}
questionnaire.reflections[0].text = hostile('reflection');
const statements = questionnaire.dimensions.flatMap((d) => d.items);

/** What the widget drew: no element made of the file's text, and the text itself. */
async function inert(page, expected, where) {
  const found = await page.evaluate(() => {
    const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
    return { elements: root.querySelectorAll('img, script, b, i, iframe, object').length, text: root.textContent, ran: window.__ran ?? null };
  });
  assert.equal(found.elements, 0, `${where}: no element made from the file's text`);
  assert.equal(found.ran, null, `${where}: nothing ran`);
  for (const text of expected) assert.ok(found.text.includes(text), `${where}: shows ${JSON.stringify(text)} as text`);
}

test('markup in every text field of a questionnaire stays text: on screen, in the charts and in print', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.goto(env.server.url);
  await page.locator('details.psc-own-instrument summary').click();
  await page.getByLabel('Your questionnaire file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(questionnaire)) });
  await page.getByRole('radio', { name: hostile('role 1') }).waitFor();
  await inert(page, [hostile('title'), hostile('summary'), hostile('publisher'), hostile('credit'), hostile('role 0')], 'start screen');
  assert.ok((await page.getByLabel('Questionnaire', { exact: true }).locator('option').allTextContents()).includes(hostile('title')));

  await page.getByRole('radio', { name: hostile('role 1') }).check();
  await page.getByLabel("Your organisation's name").fill('Kisumu Youth Forum');
  await page.getByLabel("Your partner organisation's name").fill('Lake Region Development Network');
  await page.getByRole('button', { name: 'Start answering' }).click();
  await page.getByRole('heading', { level: 1, name: hostile('title') }).waitFor();
  for (const [n, statement] of statements.entries()) {
    await page.getByRole('group', { name: statement.text }).getByRole('radio', { name: `${1 + n} – ${hostile(`point ${n}`)}` }).check();
  }
  await page.getByLabel(hostile('reflection')).fill('We would meet more often.');
  await inert(page, [hostile('dimension 0'), hostile('summary 1'), hostile('statement 0.1'), hostile('not applicable'), hostile('point 3')], 'questions');

  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await inert(page, [hostile('dimension 1')], 'results');
  const chartWords = async () => (await page.locator('.psc-chart svg text').allTextContents()).map((w) => w.trim());
  assert.ok((await chartWords()).includes('<i>0</i>'), 'the chart labels are the short titles, as text');
  await seal(page);

  // The partner's file, answered on the same questionnaire.
  const partner = {
    format: 'partnership-scorecard-result', format_version: 1, exported_at: '2026-11-21T09:00:00.000Z',
    responses: {
      instrument: { id: questionnaire.id, version: questionnaire.version }, role: questionnaire.roles[0].id,
      organisation: 'Lake Region Development Network', partner_organisation: 'Kisumu Youth Forum',
      created_at: '2026-11-20T09:00:00.000Z', updated_at: '2026-11-20T09:00:00.000Z',
      answers: Object.fromEntries(statements.map((s) => [s.id, { rating: 4, answered_at: 't' }])),
      reflections: { [questionnaire.reflections[0].id]: { text: 'More money for members.', answered_at: 't' } },
    },
  };
  await page.getByLabel("Open your partner's result file").setInputFiles({ name: 'partner.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(partner)) });
  await page.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
  await page.locator('#psc-item-gaps tbody tr').nth(statements.length - 1).waitFor();
  await inert(page, [hostile('statement 1.0'), hostile('dimension 0'), hostile('role 0'), hostile('reflection'), hostile('credit')], 'comparison');
  assert.ok((await chartWords()).some((w) => w.includes('<i>1</i>')), 'the comparison chart too');
  assert.deepEqual(await violations(page, errors), []);

  await page.getByRole('button', { name: '4. Joint session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Joint session: talk the gaps through' }).waitFor();
  await inert(page, [hostile('action 0'), hostile('summary 0'), hostile('dimension 1')], 'joint session');
  assert.equal(await page.locator('datalist option').first().getAttribute('value'), hostile('action 0'), 'offered as typed');

  await page.emulateMedia({ media: 'print' });
  await inert(page, [hostile('dimension 0'), hostile('credit')], 'print');
  assert.ok(await page.getByText(hostile('summary 0')).isVisible(), 'printed as text');
  assert.deepEqual(errors, []);
  await context.close();
});

test('markup in a checklist, its advice, learning questions and statements about each side stays text', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  const q = structuredClone(questionnaire);
  q.id = 'hostile-checklist';
  q.kind = 'checklist';
  q.scale = { min: 0, max: 2, labels: [hostile('no'), hostile('partly'), hostile('yes')], not_applicable: hostile('not yet relevant') };
  q.advice = { text: hostile('advice'), source: q.source };
  q.dimensions[0].questions = [{ id: 'voice.learning', text: hostile('learning question'), source: q.source }];
  q.dimensions[0].items[0].about = q.roles[0].id;
  q.dimensions[0].items[1].about = q.roles[1].id;
  q.dimensions[1].roles = [q.roles[1].id];
  await page.goto(env.server.url);
  await page.locator('details.psc-own-instrument summary').click();
  await page.getByLabel('Your questionnaire file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(q)) });
  await page.getByRole('radio', { name: hostile('role 0') }).check();
  await page.getByLabel("Your organisation's name").fill('Kisumu Youth Forum');
  await page.getByLabel("Your partner organisation's name").fill('Lake Region Development Network');
  await page.getByRole('button', { name: 'Start answering' }).click();
  await page.getByRole('heading', { level: 1, name: hostile('title') }).waitFor();
  await page.getByRole('group', { name: q.dimensions[0].items[0].text }).getByRole('radio', { name: hostile('partly'), exact: true }).check();
  await page.getByLabel(hostile('learning question')).fill('We learn slowly.');
  await inert(page, [hostile('partly'), hostile('not yet relevant'), hostile('learning question')], 'checklist questions');
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await inert(page, [hostile('advice'), hostile('statement 0.0'), `${hostile('dimension 0')}: about ${hostile('role 0')}`], 'checklist results');
  const axis = (await page.locator('.psc-chart svg text').allTextContents()).map((w) => w.trim());
  assert.ok(axis.includes(hostile('yes')), 'the axis names the points by the scale\'s words, as text');
  assert.deepEqual(errors, []);
  await context.close();
});
