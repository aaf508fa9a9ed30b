// Questionnaires are content, fetched when needed: the start screen lists the built-in ones from
// the index and fetches the one chosen, says so while it loads, and says why (with a way to try
// again) when it cannot, with nothing stored changed. An organisation's own questionnaire comes
// from a file or from the address its host page names, read by the same checks; a broken one is
// refused with the list of what is wrong, and hostile text in one stays text everywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  useServerAndBrowser, newPage, repo, instrument, items, storageSnapshot, answer, seal, violations, serveDist,
} from './harness.mjs';

const env = useServerAndBrowser();
const index = JSON.parse(readFileSync(join(repo, 'src/content/instruments/index.json'), 'utf8'));
const own = JSON.parse(readFileSync(join(repo, 'demo/our-partnership-check.json'), 'utf8'));
const instrumentUrl = (id) => `**/content/instruments/${id}.json`;

/** The start screen, with `setup` run on the page (routes, say) before it loads. */
async function startScreen(errors, setup = async () => {}) {
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await setup(page);
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page };
}

const ownFile = (value, name = 'our-questionnaire.json') => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) });

/** Chooses a questionnaire file of one's own on the start screen. */
async function chooseOwn(page, file) {
  const details = page.locator('details.psc-own-instrument');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await page.getByLabel('Your questionnaire file').setInputFiles(file);
}

/** Console errors the browser logs for a request the test made fail on purpose. */
const notNetwork = (errors) => errors.filter((e) => !/Failed to load resource|net::ERR/.test(e));

test('the start screen lists the built-in questionnaires and says so while the chosen one loads', async () => {
  const errors = [];
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { context, page } = await startScreen(errors, (page) => page.route(instrumentUrl(instrument.id), async (route) => {
    await held;
    await route.continue();
  }));
  const select = page.getByLabel('Questionnaire', { exact: true });
  assert.deepEqual(await select.locator('option').allTextContents(), index.instruments.map((e) => e.title));
  assert.equal(await select.inputValue(), index.instruments[0].id, 'the first of the index is offered');
  await page.getByRole('status').filter({ hasText: 'Loading the questionnaire…' }).waitFor();
  assert.equal(await page.getByRole('radio').count(), 0, 'no role to choose before the questionnaire is here');
  release();
  await page.getByRole('radio', { name: instrument.roles[0].label }).waitFor();
  assert.equal(await page.getByText('Loading the questionnaire…').count(), 0);
  assert.match(await page.locator('#psc-instrument-about').textContent(), new RegExp(instrument.publisher));
  assert.deepEqual(errors, []);
  await context.close();
});

const failures = [
  ['offline on a first visit', (route) => route.abort('internetdisconnected'), /seems to be offline/],
  ['missing on the site (404)', (route) => route.fulfill({ status: 404, body: 'not found' }), /error 404/],
  ['damaged (cut off)', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(instrument).slice(0, 900) }), /cannot be used\. What is wrong: line 1/],
  ['not a questionnaire', (route) => route.fulfill({ contentType: 'application/json', body: '{"hello": "world"}' }), /cannot be used\. What is wrong/],
  ['another questionnaire', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...own, id: 'someone-else' }) }), /another questionnaire \(“someone-else”\)/],
];
for (const [name, fail, message] of failures) {
  test(`a questionnaire ${name} says why and offers to try again, and nothing stored changes`, async () => {
    const errors = [];
    const { context, page } = await startScreen(errors, (page) => page.route(instrumentUrl(instrument.id), fail));
    const before = await storageSnapshot(page);
    const alert = page.locator('#psc-instrument-about [role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), message);
    assert.equal(await page.getByRole('radio').count(), 0);
    assert.deepEqual(await violations(page, errors), []);
    assert.equal(await storageSnapshot(page), before, 'nothing stored changed');
    await page.unroute(instrumentUrl(instrument.id));
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('radio', { name: instrument.roles[1].label }).waitFor();
    assert.deepEqual(notNetwork(errors), []);
    await context.close();
  });
}

test('a list of questionnaires that cannot be fetched says so, and trying again brings it', async () => {
  const errors = [];
  const { context, page } = await startScreen(errors, (page) => page.route('**/content/instruments/index.json', (route) => route.abort('internetdisconnected')));
  await page.locator('#psc-instrument-about [role=alert]').filter({ hasText: /seems to be offline/ }).waitFor();
  await page.unroute('**/content/instruments/index.json');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('radio', { name: instrument.roles[0].label }).waitFor();
  assert.deepEqual(notNetwork(errors), []);
  await context.close();
});

test("an organisation's own questionnaire from a file: checked, kept, answered, and deleted with all data", async () => {
  const errors = [];
  const { context, page } = await startScreen(errors);
  await chooseOwn(page, ownFile(own));
  await page.getByText(`“${own.title}” is ready`).waitFor();
  const select = page.getByLabel('Questionnaire', { exact: true });
  assert.equal(await select.inputValue(), own.id);
  assert.deepEqual(await select.locator('option').allTextContents(), [...index.instruments.map((e) => e.title), own.title]);
  assert.match(await page.locator('#psc-instrument-about').textContent(), new RegExp(own.credit.replace(/[()]/g, '.')));
  await page.getByRole('radio', { name: own.roles[1].label }).check();
  await page.getByLabel("Your organisation's name").fill('Kisumu Youth Forum');
  await page.getByLabel("Your partner organisation's name").fill('Lake Region Development Network');
  await page.getByRole('button', { name: 'Start answering' }).click();
  await page.getByRole('heading', { level: 1, name: own.title }).waitFor();
  const first = own.dimensions[0].items[0];
  await page.getByRole('group', { name: first.text }).getByRole('radio', { name: `3 – ${own.scale.labels[2]}` }).check();
  await page.getByText('All changes saved in this browser.').waitFor();
  const kept = await page.evaluate((id) => JSON.parse(localStorage.getItem(`partnership-scorecard.instrument.${id}`)), own.id);
  assert.equal(kept.title, own.title, 'kept with the assessment');
  // Offered again after a reload, from storage.
  await page.reload();
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('heading', { level: 1, name: own.title }).waitFor();
  assert.equal(await page.getByRole('group', { name: first.text }).getByRole('radio', { name: `3 – ${own.scale.labels[2]}` }).isChecked(), true);
  await page.getByRole('button', { name: 'All assessments' }).click();
  assert.deepEqual(await page.getByLabel('Questionnaire', { exact: true }).locator('option').allTextContents(), [...index.instruments.map((e) => e.title), own.title]);
  // A later version that drops a statement these answers use is refused.
  const fewer = structuredClone(own);
  fewer.version = '1.1.0';
  fewer.dimensions[0].items.shift();
  const before = await storageSnapshot(page);
  await chooseOwn(page, ownFile(fewer));
  await page.locator('#psc-custom-error').filter({ hasText: first.id }).waitFor();
  assert.equal(await storageSnapshot(page), before, 'nothing stored changed');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Delete all my data from this browser' }).click();
  await page.getByText('All your data was deleted from this browser.').waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'the questionnaire went with the data');
  assert.deepEqual(errors, []);
  await context.close();
});

const broken = [
  ['not JSON', 'title: our check', /What is wrong: line 1, column \d+: this is not JSON/],
  ['cut off', JSON.stringify(own).slice(0, 300), /line 1, column 300: the file ends too early/],
  ['missing its roles', (() => { const i = structuredClone(own); delete i.roles; return i; })(), /What is wrong: roles: something that must be there is missing\.?$/],
  ['with one role', { ...own, roles: [own.roles[0]] }, /roles: there must be exactly two roles/],
  ['with a statement id used twice', (() => {
    const i = structuredClone(own);
    i.dimensions[0].items[1].id = i.dimensions[0].items[0].id;
    return i;
  })(), /dimensions\[0\]\.items\[1\]\.id: this id is used twice/],
  ['with a scale label missing', { ...own, scale: { ...own.scale, labels: own.scale.labels.slice(1) } }, /scale\.labels: there must be one label for each point/],
  ['with an empty title and a statement without a source section', (() => {
    const i = structuredClone(own);
    i.title = ' ';
    i.dimensions[1].items[0].source.section = '';
    return i;
  })(), /title: must not be empty.*dimensions\[1\]\.items\[0\]\.source\.section: name the section/],
  ['with a field the schema does not have', { ...own, colour: 'green' }, /colour: a field the format does not have/],
  // Every problem at once, the file's shape and the schema's rules, each with its place.
  ['with several things wrong', (() => {
    const i = structuredClone(own);
    i.dimensions[0].items[0].text = 7;
    i.dimensions[1].short_title = '';
    i.roles[1].id = 'Member Organisation';
    return i;
  })(), /dimensions\[0\]\.items\[0\]\.text: text was expected; roles\[1\]\.id: use lowercase letters.*; dimensions\[1\]\.short_title: must not be empty/],
  ['taking the id of a built-in questionnaire', { ...own, id: instrument.id }, new RegExp(`the id “${instrument.id}”, which belongs to a questionnaire built into the scorecard`)],
];
test('a broken questionnaire file is refused with the list of what is wrong, and nothing is stored', async () => {
  const errors = [];
  const { context, page } = await startScreen(errors);
  await page.getByRole('radio', { name: instrument.roles[0].label }).waitFor();
  const before = await storageSnapshot(page);
  for (const [name, file, message] of broken) {
    const alert = page.locator('#psc-custom-error');
    const earlier = await alert.textContent();
    await chooseOwn(page, ownFile(file));
    // Each file's message differs from the one before it.
    for (let i = 0; i < 100 && (await alert.textContent()) === earlier; i += 1) await page.waitForTimeout(20);
    assert.match(await alert.textContent(), message, name);
    assert.equal(await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id), 'psc-custom-error', `${name}: focus on the reason`);
    assert.equal(await storageSnapshot(page), before, `${name}: nothing stored changed`);
    assert.equal(await page.getByLabel('Questionnaire', { exact: true }).inputValue(), instrument.id, `${name}: the choice stays`);
  }
  assert.deepEqual(await violations(page, errors), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a host page's own questionnaire, named by its address, is offered first", async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.goto(`${env.server.url}demo/`);
  const widget = page.locator('#widget-own');
  await widget.getByRole('radio', { name: own.roles[0].label }).waitFor();
  assert.equal(await widget.getByLabel('Questionnaire', { exact: true }).inputValue(), own.id);
  assert.match(await widget.locator('#psc-instrument-about').textContent(), new RegExp(own.publisher));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a host page's questionnaire that cannot be fetched says why, with a way to try again", async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.route('**/demo/our-partnership-check.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${env.server.url}demo/`);
  const widget = page.locator('#widget-own');
  await widget.locator('#psc-instrument-about [role=alert]').filter({ hasText: /error 404/ }).waitFor();
  await page.unroute('**/demo/our-partnership-check.json');
  await widget.getByRole('button', { name: 'Try again' }).click();
  await widget.getByRole('radio', { name: own.roles[0].label }).waitFor();
  assert.equal(await widget.getByLabel('Questionnaire', { exact: true }).inputValue(), own.id);
  assert.deepEqual(notNetwork(errors), []);
  await context.close();
});

test('a slow questionnaire does not take over once the person has chosen another', async () => {
  const errors = [];
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { context, page } = await startScreen(errors, (page) => page.route(instrumentUrl(instrument.id), async (route) => {
    await held;
    await route.continue();
  }));
  await page.getByText('Loading the questionnaire…').waitFor();
  await chooseOwn(page, ownFile(own));
  await page.getByRole('radio', { name: own.roles[0].label }).waitFor();
  release();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/local-leadership.json') && e.responseEnd > 0));
  await page.waitForTimeout(100);
  assert.equal(await page.getByLabel('Questionnaire', { exact: true }).inputValue(), own.id, 'still the one chosen');
  assert.equal(await page.getByRole('radio', { name: own.roles[0].label }).count(), 1, 'its roles stay');
  assert.deepEqual(errors, []);
  await context.close();
});

/** An assessment as kept before questionnaires were stored with their assessments. */
const oldEntry = {
  store_version: 4, id: 'kept-earlier',
  own: {
    instrument: { id: instrument.id, version: instrument.version }, role: 'local', organisation: 'Lake Women Network',
    partner_organisation: 'Nordic Aid', created_at: '2026-11-01T08:00:00.000Z', updated_at: '2026-11-01T08:00:00.000Z',
    answers: { [items[0].id]: { rating: 2, answered_at: '2026-11-01T08:00:00.000Z' } }, reflections: {},
  },
};
const seedOld = (page) => page.addInitScript((entry) => {
  if (!sessionStorage.getItem('seeded')) {
    localStorage.setItem(`partnership-scorecard.assessment.${entry.id}`, JSON.stringify(entry));
    sessionStorage.setItem('seeded', '1');
  }
}, oldEntry);

test('an assessment kept before questionnaires were stored with it opens, and keeps its questionnaire from then on', async () => {
  const errors = [];
  const { context, page } = await startScreen(errors, seedOld);
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('heading', { level: 1, name: instrument.title }).waitFor();
  assert.equal(await page.getByRole('group', { name: items[0].text }).getByRole('radio', { name: `2 – ${instrument.scale.labels[1]}` }).isChecked(), true);
  await page.waitForFunction((id) => localStorage.getItem(`partnership-scorecard.instrument.${id}`) !== null, instrument.id);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an assessment whose questionnaire is still on its way: leaving for the start screen is not undone when it arrives", async () => {
  const errors = [];
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { context, page } = await startScreen(errors, async (page) => {
    await seedOld(page);
    await page.route(instrumentUrl(instrument.id), async (route) => {
      await held;
      await route.continue();
    });
  });
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Opening the questionnaire' }).waitFor();
  await page.getByRole('button', { name: 'All assessments' }).click();
  await page.getByRole('heading', { level: 1, name: "See your partnership through both partners' eyes" }).waitFor();
  release();
  await page.getByRole('radio', { name: instrument.roles[0].label }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), "See your partnership through both partners' eyes");
  assert.deepEqual(errors, []);
  await context.close();
});

test('a copy of the app served from a folder of a site works there', async () => {
  const server = await serveDist(undefined, { folder: '/scorecard/' });
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  const outside = [];
  page.on('request', (r) => { if (!new URL(r.url()).pathname.startsWith('/scorecard/')) outside.push(r.url()); });
  await page.goto(`${server.url}scorecard/`);
  await page.getByRole('radio', { name: instrument.roles[1].label }).check();
  await page.getByLabel("Your organisation's name").fill('Lake Women Network');
  await page.getByLabel("Your partner organisation's name").fill('Nordic Aid');
  await page.getByRole('button', { name: 'Start answering' }).click();
  await page.getByRole('heading', { level: 1, name: instrument.title }).waitFor();
  assert.deepEqual(outside, [], 'nothing is asked for outside the folder');
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});
