// A file can take a while to read (a large file, a slow disk, a cloud drive's placeholder). If
// the person leaves the screen meanwhile, the file is dropped when it arrives: nothing is stored,
// no other screen is pulled up or drawn again, and no message lands on a screen it is not about.
// Reading is slowed here by wrapping Blob.prototype.text, which the app reads files with. Each
// case first checks that the slowed file does arrive when the person stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, answeredAssessment, storageSnapshot, openSessionOf, seedAssessment, shownDate } from './harness.mjs';

const env = useServerAndBrowser();
const DELAY_MS = 600;

/** A context whose file reads each take DELAY_MS. */
async function slowContext() {
  const context = await env.browser.newContext();
  await context.addInitScript((delay) => {
    const text = Blob.prototype.text;
    Blob.prototype.text = function slowText() {
      return new Promise((resolve) => setTimeout(resolve, delay)).then(() => text.call(this));
    };
  }, DELAY_MS);
  return context;
}

const upload = (name, value) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });
const later = (page) => page.waitForTimeout(DELAY_MS * 2);

/** Sealed own answers, without the partner's yet, and the partner's result file for them. */
function sealedWithoutPartner(id) {
  const { partner, ...entry } = answeredAssessment(id);
  const file = { format: 'partnership-scorecard-result', format_version: 1, exported_at: 't', responses: partner };
  return { entry, file };
}


test("the partner's file, still being read when the person goes back to the start, is dropped", async () => {
  const errors = [];
  const context = await slowContext();
  const page = await newPage(context, errors);
  const { entry, file } = sealedWithoutPartner('slow');
  await seedAssessment(page, entry);
  await page.goto(env.server.url);
  const chooser = page.getByLabel("Open your partner's result file");
  const open = async () => {
    await page.getByRole('button', { name: /^Resume/ }).click();
    await page.getByRole('button', { name: '2. My results' }).click();
    await chooser.setInputFiles(upload('partner.json', file));
  };

  const before = await storageSnapshot(page);
  await open();
  await page.getByRole('button', { name: 'All assessments' }).click();
  await page.getByRole('heading', { level: 1, name: "See your partnership through both partners' eyes" }).waitFor();
  await later(page);
  assert.ok(await page.getByRole('heading', { level: 1, name: "See your partnership through both partners' eyes" }).isVisible(), 'still at the start');
  assert.equal(await storageSnapshot(page), before, "the partner's answers were not kept");

  // Staying, the same slowed file opens the comparison.
  await open();
  await page.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
  assert.notEqual(await storageSnapshot(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an earlier round's file, still being read when the person moves on, is dropped", async () => {
  const errors = [];
  const context = await slowContext();
  const page = await newPage(context, errors);
  const current = { ...answeredAssessment('rounds'), round_date: '2026-09-01', store_version: 3 };
  const round = {
    format: 'partnership-scorecard-joint', format_version: 1, exported_at: 't',
    responses: current.own, partner: current.partner, plan: [], round_date: '2026-03-01',
  };
  await openSessionOf(page, env.server.url, current);
  const chooser = page.getByLabel("Add an earlier round's joint session file");

  const before = await storageSnapshot(page);
  await chooser.setInputFiles(upload('round.json', round));
  await page.getByRole('button', { name: '3. Compare' }).click();
  const compare = page.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' });
  await compare.waitFor();
  await later(page);
  assert.ok(await compare.isVisible(), 'the comparison stays on screen');
  assert.equal(await page.getByText(`The round of ${shownDate('2026-03-01')} was added.`).count(), 0);
  assert.equal(await storageSnapshot(page), before, 'the round was not kept');

  await page.getByRole('button', { name: '4. Joint session' }).click();
  await chooser.setInputFiles(upload('round.json', round));
  await page.getByText(`The round of ${shownDate('2026-03-01')} was added.`).waitFor();
  assert.notEqual(await storageSnapshot(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a joint file, still being read when the person leaves the start screen, asks nothing later', async () => {
  const errors = [];
  const context = await slowContext();
  const page = await newPage(context, errors);
  const { own, partner } = answeredAssessment('joint');
  const joint = { format: 'partnership-scorecard-joint', format_version: 1, exported_at: 't', responses: own, partner, plan: [], round_date: '2026-09-01' };
  await seedAssessment(page, answeredAssessment('kept'));
  await page.goto(env.server.url);
  const chooser = page.getByLabel('Open a joint session file');
  const question = page.getByText('Which partner are you?');
  // The choice of side: a button per partner ("I am … (role)").
  const sides = page.getByRole('button', { name: /^I am / });
  // The section is folded away on the start screen: opened first, each time the screen is drawn.
  const reopen = page.getByText('Reopen a joint session', { exact: true });

  await reopen.click();
  await chooser.setInputFiles(upload('joint.json', joint));
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('button', { name: 'All assessments' }).click();
  await later(page);
  assert.equal(await question.count(), 0, 'no question whose answer would go nowhere');
  assert.equal(await sides.count(), 0);

  await reopen.click();
  await chooser.setInputFiles(upload('joint.json', joint));
  await question.waitFor();
  assert.equal(await sides.count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});
