// The joint file: at the end of the joint session one partner downloads both partners' answers,
// the action plan and the session's date in one file, protected with the passphrase the app
// offers (the default); the other partner, in another browser, opens it on the start screen with
// that passphrase, says which partner they are, and sees the whole session again from their side.
// A file that is not a sound joint file is refused with the reason, and nothing stored changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  useServerAndBrowser, newPage, instrument, items, meanTenths, oneDecimal, storageSnapshot, violations, answeredAssessment, openSessionOf, shownDate,
  offeredPassphrase, fileText, givePassphrase,
} from './harness.mjs';

const env = useServerAndBrowser();
const hostile = '<img src=x onerror="window.__pwned=1"> "quoted"';
const activeId = (page) => page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id);

/** The local partner's browser after the joint session: both sides in, an action agreed. */
async function sessionWithPlan() {
  const errors = [];
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await newPage(context, errors);
  const stored = answeredAssessment('joint');
  stored.own.organisation = `Lake ${hostile}`;
  stored.partner.partner_organisation = `Lake ${hostile}`;
  await openSessionOf(page, env.server.url, stored);
  return { errors, context, page, stored };
}

/** Per dimension, a side's mean in tenths, from the ratings `answeredAssessment` gives. */
function means(rate) {
  return Object.fromEntries(instrument.dimensions.map((d) => [d.id, meanTenths(d.items.map((i) => rate(items.findIndex((x) => x.id === i.id))))]));
}
const localMeans = means((n) => 1 + (n % 5));
const internationalMeans = means((n) => 5 - (n % 3));

test("a joint session goes into one file, and the other partner reopens all of it from their side", async () => {
  const a = await sessionWithPlan();
  // The session's date, set by the partners, and one agreed action ticked done.
  const dimension = instrument.dimensions[1];
  await a.page.getByLabel('Date of this session').fill('2026-11-25');
  await a.page.waitForFunction(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.joint')).round_date === '2026-11-25');
  const group = a.page.locator(`[role="group"][data-dimension="${dimension.id}"]`);
  await group.getByLabel('What', { exact: true }).fill(`Share budget lines ${hostile}`);
  await group.getByLabel('Who', { exact: true }).fill('Both finance officers');
  await group.getByLabel('By when', { exact: true }).fill('2027-01-31');
  await group.getByRole('button', { name: 'Add to the action plan' }).click();
  await a.page.getByRole('checkbox', { name: `Done: Share budget lines ${hostile}` }).check();
  await a.page.waitForFunction(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.joint')).plan?.[0]?.done === true);

  const passphrase = await offeredPassphrase(a.page);
  const [download] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.getByRole('button', { name: 'Download the joint session file' }).click(),
  ]);
  const name = download.suggestedFilename();
  // What the file is, the instrument, the side, the (safe) organisation, when these answers were
  // started (nobody named), that they are sealed, and the session's date.
  assert.match(name, /^joint-session_local-leadership_local_lake-img-src-x-onerror-window-pwn[a-z0-9-]*_080000_2026-11-25\.json$/);
  await a.page.getByText(`The joint session file ${name} was downloaded. Your file is protected with the passphrase ${passphrase}`).waitFor();
  const text = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(await fileText(download, passphrase));
  const kept = await a.page.evaluate(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.joint')));
  assert.equal(file.format, 'partnership-scorecard-joint');
  assert.equal(file.format_version, 1);
  assert.equal(file.round_date, '2026-11-25');
  assert.deepEqual(file.responses, kept.own);
  assert.deepEqual(file.partner, kept.partner);
  // ...and what is kept is what the test stored: the answers, comments, reflections and seals.
  const seeded = a.stored;
  for (const [side, ours] of [[file.responses, seeded.own], [file.partner, seeded.partner]]) {
    for (const field of ['role', 'organisation', 'partner_organisation', 'answers', 'reflections', 'sealed_at']) {
      assert.deepEqual(side[field], ours[field], field);
    }
  }
  assert.deepEqual(file.plan, [{ dimension: dimension.id, what: `Share budget lines ${hostile}`, who: 'Both finance officers', by_when: '2027-01-31', done: true }]);
  assert.deepEqual(a.errors, []);

  // The international partner's browser: nothing stored yet.
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The section is folded away on the start screen: open it first.
  await page.getByText('Reopen a joint session', { exact: true }).click();
  await page.getByLabel('Open a joint session file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await givePassphrase(page, passphrase);
  await page.getByText('Which partner are you?', { exact: false }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === 'psc-joint-question');
  assert.deepEqual(await storageSnapshot(page), '[]', 'nothing is kept before the choice');
  assert.deepEqual(await violations(page, errors), []);
  await page.getByRole('button', { name: 'I am \u2068Nordic Aid\u2069 (International partner)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Joint session: talk the gaps through' }).waitFor();
  await page.getByText(`The joint session of ${shownDate('2026-11-25')} was opened and kept here.`).waitFor();
  assert.equal(await page.getByLabel('Date of this session').inputValue(), '2026-11-25');

  // Seen from the international side: its own scores come first. Both sides are named by
  // organisation and role.
  for (const d of instrument.dimensions) {
    const section = page.getByRole('region', { name: new RegExp(`^\\d\\. ${d.title.replace(/[()]/g, '.')}$`) });
    const scores = await section.locator('.psc-session-scores').textContent();
    const gap = internationalMeans[d.id] - localMeans[d.id];
    assert.ok(scores.startsWith(
      `\u2068Nordic Aid\u2069 (International partner): ${oneDecimal(internationalMeans[d.id])}. \u2068Lake ${hostile}\u2069 (Local partner): ${oneDecimal(localMeans[d.id])}. Gap: ${oneDecimal(Math.abs(gap))}.`,
    ), `${d.id}: ${scores}`);
  }
  const row = page.locator('.psc-plan tbody tr');
  assert.deepEqual((await row.locator('th, td').allTextContents()).slice(0, 4), [dimension.title, `Share budget lines ${hostile}`, 'Both finance officers', shownDate('2027-01-31')]);
  assert.equal(await page.getByRole('checkbox', { name: `Done: Share budget lines ${hostile}` }).isChecked(), true);
  const reopened = await page.evaluate(() => Object.entries(localStorage)
    .filter(([k]) => k.startsWith('partnership-scorecard.assessment.')).map(([, v]) => JSON.parse(v)));
  assert.equal(reopened.length, 1);
  assert.deepEqual(reopened[0].own, kept.partner);
  assert.deepEqual(reopened[0].partner, kept.own);
  assert.deepEqual(reopened[0].plan, file.plan);
  // The saved list names it from this side too.
  await page.getByRole('button', { name: 'All assessments' }).click();
  assert.equal(await page.locator('.psc-saved-row strong').textContent(), `\u2068Nordic Aid\u2069 with \u2068Lake ${hostile}\u2069`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await a.context.close();
  await context.close();
});

test('files that are not sound joint files are refused beside the chooser, with nothing stored', async () => {
  const a = await sessionWithPlan();
  const passphrase = await offeredPassphrase(a.page);
  const [download] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.getByRole('button', { name: 'Download the joint session file' }).click(),
  ]);
  const sound = JSON.parse(await fileText(download, passphrase));
  const edited = (edit) => { const f = structuredClone(sound); edit(f); return JSON.stringify(f); };
  await a.context.close();

  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.goto(env.server.url);
  const cases = [
    ['one partner\'s result file', JSON.stringify({ ...sound, format: 'partnership-scorecard-result', partner: undefined }), /one partner's result file, not a joint session file/],
    ['cut off', JSON.stringify(sound).slice(0, 300), /cut off before its end/],
    ['another version', edited((f) => { f.format_version = 4; }), /format version 4/],
    ['a questionnaire this app lacks', edited((f) => { f.responses.instrument.id = 'x'; f.partner.instrument.id = 'x'; }), /questionnaire this scorecard does not have \(x\)/],
    ['both sides the same role', edited((f) => { f.partner.role = 'local'; }), /same role/],
    ['an action with nothing to do', edited((f) => { f.plan = [{ dimension: instrument.dimensions[0].id, what: ' ', who: '', by_when: '', done: false }]; }), /An agreed action in this joint file \(“\u2068 \u2069”\) is not one the scorecard can keep/],
    ['no date', edited((f) => { delete f.round_date; }), /has no date for its session/],
  ];
  for (const [what, text, message] of cases) {
    const before = await storageSnapshot(page);
    await page.getByText('Reopen a joint session', { exact: true }).click();
    await page.getByLabel('Open a joint session file').setInputFiles({ name: 'j.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('#psc-joint-error')?.textContent.length > 0);
    const said = await page.locator('#psc-joint-error').textContent();
    assert.match(said, message, what);
    assert.match(said, /Nothing was changed\.$/, what);
    await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === 'psc-joint-error');
    assert.equal(await page.locator('#psc-joint-which button').count(), 0, `${what}: no choice offered`);
    assert.equal(await storageSnapshot(page), before, `${what}: nothing stored changed`);
    await page.reload();
    // The start screen drawn again (axe, below, checks it, not a page still starting).
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  assert.deepEqual(await violations(page, errors), []);
  assert.deepEqual(errors, []);
  await context.close();
});
