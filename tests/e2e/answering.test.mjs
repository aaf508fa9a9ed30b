// The answering screen on a phone (issue 17): each statement's scale on one row at every width,
// comments folded behind "Add a comment" (open where there is one), and one dimension at a time
// with the way through shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, startAssessment, ratingRadio, instrument, items, violations } from './harness.mjs';

const env = useServerAndBrowser();

/** The page's height and each statement's scale: how many rows its points take. */
function scaleRows(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
    const rows = [...root.querySelectorAll('.psc-scale')].filter((s) => s.getClientRects().length > 0).map((scale) => {
      const tops = new Set([...scale.querySelectorAll('.psc-choice')].map((c) => Math.round(c.getBoundingClientRect().top)));
      return tops.size;
    });
    return { rows, height: document.documentElement.scrollHeight };
  });
}

for (const width of [320, 1280]) {
  test(`the scale keeps to one row at ${width} px, and comments are folded until wanted`, async () => {
    const errors = [];
    const context = await env.browser.newContext({ viewport: { width, height: 800 } });
    const page = await newPage(context, errors);
    await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Lake Women Network', partner: 'Nordic Aid' });
    const { rows, height } = await scaleRows(page);
    assert.equal(rows.length, items.length);
    assert.deepEqual([...new Set(rows)], [1], 'every scale on one row');
    console.log(`# answering screen at ${width} px: ${height} px tall, all dimensions shown`);
    // The comment box is hidden until asked for.
    const group = page.getByRole('group', { name: items[3].text });
    const box = group.getByLabel(/^Comment on 1\.4 /);
    assert.equal(await box.isVisible(), false, 'folded');
    await group.getByText('Add a comment').click();
    await box.fill('Asked for, then written');
    await ratingRadio(page, items[3], 2).check();
    // A comment written stays open when the screen is drawn again.
    await page.reload();
    await page.getByRole('button', { name: /^Resume/ }).click();
    // The answering screen is in the later part of the code, fetched afresh after a reload.
    await page.getByRole('heading', { level: 1, name: instrument.title }).waitFor();
    const again = page.getByRole('group', { name: items[3].text }).getByLabel(/^Comment on 1\.4 /);
    assert.equal(await again.isVisible(), true, 'open where there is a comment');
    assert.equal(await again.inputValue(), 'Asked for, then written');
    assert.equal(await page.getByRole('group', { name: items[4].text }).getByLabel(/^Comment on/).isVisible(), false);
    assert.deepEqual(await violations(page, errors), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('one dimension at a time: a part shown, the way through it, nothing lost', async () => {
  const errors = [];
  const context = await env.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await newPage(context, errors);
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'Lake Women Network', partner: 'Nordic Aid' });
  const all = (await scaleRows(page)).height;
  const toggle = page.getByRole('button', { name: 'Show one dimension at a time' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const parts = instrument.dimensions.length + (instrument.reflections.length ? 1 : 0);
  const visibleHeadings = () => page.locator('#psc-questions > section:not([hidden]) h2').allTextContents();
  assert.deepEqual(await visibleHeadings(), [`1. ${instrument.dimensions[0].title}`]);
  assert.equal(await page.locator('.psc-part').textContent(), `Part 1 of ${parts}`);
  const one = (await scaleRows(page)).height;
  console.log(`# answering screen at 375 px: ${all} px tall with all dimensions, ${one} px one at a time`);
  // The other parts take no room at all: the questions are as tall as the part shown.
  const [shownPart, questions] = await page.evaluate(() => {
    const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
    return [root.querySelector('#psc-questions > section:not([hidden])').offsetHeight, root.querySelector('#psc-questions').offsetHeight];
  });
  assert.ok(questions <= shownPart + 40, `only the part shown takes room (${questions} px for a part of ${shownPart})`);
  assert.ok(one < all, `shorter one at a time (${one} of ${all} px)`);
  assert.equal(await page.getByRole('button', { name: 'Previous dimension' }).isVisible(), false, 'no way back from the first');
  const first = instrument.dimensions[0].items[0];
  await ratingRadio(page, { ...first, dimension: instrument.dimensions[0].id }, 5).check();
  await page.getByRole('button', { name: 'Next dimension' }).click();
  assert.deepEqual(await visibleHeadings(), [`2. ${instrument.dimensions[1].title}`]);
  assert.equal(await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.textContent), `2. ${instrument.dimensions[1].title}`, 'focus on the new part\'s heading');
  await page.getByRole('button', { name: 'Previous dimension' }).click();
  assert.deepEqual(await visibleHeadings(), [`1. ${instrument.dimensions[0].title}`]);
  assert.equal(await ratingRadio(page, first, 5).isChecked(), true, 'the answer is still there');
  for (let n = 1; n < parts; n += 1) await page.getByRole('button', { name: 'Next dimension' }).click();
  assert.equal(await page.locator('.psc-part').textContent(), `Part ${parts} of ${parts}`);
  assert.equal(await page.getByRole('button', { name: 'Next dimension' }).isVisible(), false, 'no next after the last');
  assert.deepEqual(await violations(page, errors), []);
  // Back to all at once.
  await toggle.click();
  assert.equal((await visibleHeadings()).length, parts);
  assert.deepEqual(errors, []);
  await context.close();
});
