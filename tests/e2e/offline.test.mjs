// After one visit online, the scorecard opens and works with no server at all: its service
// worker serves the app's own files and every built-in questionnaire. Answers were never in that
// cache: they stay in storage, with the questionnaire each assessment uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, useServerAndBrowser, newPage, startAssessment, ratingRadio, instrument, items, repo } from './harness.mjs';

const env = useServerAndBrowser();

test('once opened online, the app opens and keeps answers with the server gone', async () => {
  const server = await serveDist(); // this test's own server, stopped half way
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await startAssessment(page, server.url, { role: 'Local partner', organisation: 'Offline Org', partner: 'Org B' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await ratingRadio(page, items[0], 4).check();
  await page.getByText('All changes saved in this browser.').waitFor();

  await server.close(); // no network from here on
  const gone = await page.evaluate((url) => fetch(url).then(() => 'reached', () => 'unreachable'), `${server.url}no-such-file`);
  assert.equal(gone, 'unreachable', 'the server is really gone');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: "See your partnership through both partners' eyes" }).waitFor();
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('group', { name: items[0].text }).waitFor();
  assert.equal(await ratingRadio(page, items[0], 4).isChecked(), true, 'the answer given online is there');
  await ratingRadio(page, items[1], 2).check();
  await page.getByText(`2 of ${items.length} statements answered`).waitFor();
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|net::ERR/.test(e)), []);
  await context.close();
});

test('after one visit, every built-in questionnaire starts with the server gone', async () => {
  const server = await serveDist();
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.goto(server.url);
  await page.getByRole('radio').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  const { instruments } = JSON.parse(readFileSync(join(repo, 'src/content/instruments/index.json'), 'utf8'));
  // The service worker fetches every questionnaire in the background once the app runs.
  const allKept = () => page.evaluate(async (ids) => {
    const cache = await caches.open('partnership-scorecard-v3');
    const kept = await Promise.all(ids.map((id) => cache.match(`content/instruments/${id}.json`)));
    return kept.every(Boolean);
  }, instruments.map((i) => i.id));
  for (let i = 0; i < 150 && !(await allKept()); i += 1) await page.waitForTimeout(100);
  assert.ok(await allKept(), 'every questionnaire was kept for offline use');
  await server.close();

  for (const { id, title } of instruments) {
    const questionnaire = JSON.parse(readFileSync(join(repo, `src/content/instruments/${id}.json`), 'utf8'));
    await page.goto(server.url);
    await page.getByLabel('Questionnaire', { exact: true }).selectOption(id);
    await page.getByRole('radio', { name: questionnaire.roles[0].label }).check();
    await page.getByLabel("Your organisation's name").fill('Workshop Org');
    await page.getByLabel("Your partner organisation's name").fill('Partner Org');
    await page.getByRole('button', { name: 'Start answering' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|net::ERR/.test(e)), []);
  await context.close();
});

test('a language used once online works with the server gone, with its questionnaires', async (t) => {
  const server = await serveDist();
  t.after(() => server.close()); // also when an assertion fails half way
  const errors = [];
  const context = await env.browser.newContext({ locale: 'pt-BR' });
  const page = await newPage(context, errors);
  const pt = JSON.parse(readFileSync(join(repo, 'src/content/languages/pt.json'), 'utf8')).strings;
  await page.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  await page.reload(); // now through the service worker
  await page.getByRole('heading', { level: 1, name: pt.home_title }).waitFor();
  const { instruments } = JSON.parse(readFileSync(join(repo, 'src/content/instruments/pt/index.json'), 'utf8'));
  const allKept = () => page.evaluate(async (ids) => {
    const cache = await caches.open('partnership-scorecard-v3');
    const paths = ['content/languages/pt.json', 'content/instruments/pt/index.json', ...ids.map((id) => `content/instruments/pt/${id}.json`)];
    return (await Promise.all(paths.map((p) => cache.match(p)))).every(Boolean);
  }, instruments.map((i) => i.id));
  for (let i = 0; i < 150 && !(await allKept()); i += 1) await page.waitForTimeout(100);
  assert.ok(await allKept(), 'the language and its questionnaires were kept for offline use');
  await server.close();

  const last = instruments[instruments.length - 1];
  const questionnaire = JSON.parse(readFileSync(join(repo, `src/content/instruments/pt/${last.id}.json`), 'utf8'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: pt.home_title }).waitFor();
  await page.getByLabel(pt.instrument_label, { exact: true }).selectOption(last.id);
  await page.getByRole('radio', { name: questionnaire.roles[0].label }).check();
  await page.getByLabel(pt.organisation_label, { exact: true }).fill('Workshop Org');
  await page.getByLabel(pt.partner_organisation_label, { exact: true }).fill('Partner Org');
  await page.getByRole('button', { name: pt.start }).click();
  await page.getByRole('heading', { level: 1, name: questionnaire.title }).waitFor();
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|net::ERR/.test(e)), []);
  await context.close();
});

test('a screen whose part of the app cannot be fetched says so, changes nothing, and opens once it can', async () => {
  const errors = [];
  // No service worker: it would answer from its cache. The part of the app holding the screens
  // after the start screen is refused, as it would be offline before it was ever kept.
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  let refuse = true;
  const refused = [];
  await context.route('**/split_later.*.wasm', (route) => {
    if (!refuse) return route.continue();
    refused.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = await newPage(context, errors);
  await page.goto(env.server.url);
  await page.getByRole('radio', { name: instrument.roles[0].label }).check();
  await page.getByLabel("Your organisation's name").fill('Offline Org');
  await page.getByLabel("Your partner organisation's name").fill('Org B');
  await page.getByRole('button', { name: 'Start answering' }).click();
  await page.getByRole('heading', { level: 1, name: 'This screen could not be opened' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'This part of the app could not be fetched' }).waitFor();
  assert.ok(refused.length > 0, 'the part was asked for, and refused');
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  const asked = refused.length;
  await page.getByRole('button', { name: 'Try again' }).click();
  for (let i = 0; i < 50 && refused.length === asked; i += 1) await page.waitForTimeout(100);
  assert.ok(refused.length > asked, 'trying again asks for the part again');
  await page.getByRole('heading', { level: 1, name: 'This screen could not be opened' }).waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), stored, 'a failed opening changes nothing stored');

  refuse = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: instrument.title }).waitFor();
  await ratingRadio(page, items[0], 3).check();
  await page.getByText('All changes saved in this browser.').waitFor();
  // The part's loader logs each failed fetch.
  const unexpected = errors.filter((e) => !/Failed to load resource|net::ERR|TypeError: Failed to fetch/.test(e));
  assert.deepEqual(unexpected, []);
  await context.close();
});

test('a host that serves the later part without its WebAssembly type still opens its screens', async () => {
  const errors = [];
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const served = [];
  await context.route('**/split_later.*.wasm', async (route) => {
    const response = await route.fetch();
    served.push(response.headers()['content-type']);
    return route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: instrument.roles[0].label, organisation: 'Plain Host Org', partner: 'Org B' });
  await ratingRadio(page, items[0], 2).check();
  await page.getByText('All changes saved in this browser.').waitFor();
  assert.deepEqual(served, ['application/wasm'], 'the part was asked for once, and served as something else');
  assert.deepEqual(errors, []);
  await context.close();
});
