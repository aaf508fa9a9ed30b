// The joint session on a projector (issue 17): one dimension at a time in the order they are
// talked through, both organisations named, the chart, moved through by keyboard; an action
// agreed on a slide keeps the slide; Escape goes back to the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, instrument, answeredAssessment, openSessionOf, meanTenths, violations } from './harness.mjs';

const env = useServerAndBrowser();

const stored = answeredAssessment('present');
const rating = (side, item) => stored[side].answers[item.id].rating;

/**
 * The talking order, from the rules as the README states them: dimensions with a large gap
 * first, largest first; then the others by their shared score, lowest first; ties in the
 * instrument's order (the comparison's order, largest gap first, for the rest).
 */
function talkingOrder() {
  const range = instrument.scale.max - instrument.scale.min;
  const dims = instrument.dimensions.map((d, at) => {
    const own = meanTenths(d.items.map((i) => rating('own', i)));
    const partner = meanTenths(d.items.map((i) => rating('partner', i)));
    const gap = Math.abs(own - partner);
    return { title: d.title, at, gap, large: 3 * gap >= 10 * range, shared: own + partner };
  });
  const byGap = [...dims].sort((a, b) => b.gap - a.gap || a.at - b.at);
  const large = byGap.filter((d) => d.large);
  const rest = byGap.filter((d) => !d.large).sort((a, b) => a.shared - b.shared);
  return [...large, ...rest].map((d) => d.title);
}

const slideTitle = (page) => page.locator('.psc-present h1').textContent();

test('the presentation: a slide per dimension in talking order, by keyboard, both organisations named', async () => {
  const errors = [];
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await newPage(context, errors);
  await openSessionOf(page, env.server.url, stored);
  await page.getByRole('button', { name: 'Present on a projector' }).click();
  const order = talkingOrder();
  const slides = [...order, 'Questions to talk through together'];
  await page.locator('.psc-present h1').waitFor();
  assert.equal(await slideTitle(page), order[0]);
  assert.equal(await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.tagName), 'H1', 'focus on the slide title');
  assert.equal(await page.locator('.psc-slide-count').textContent(), `1 of ${slides.length}`);
  // Both organisations, by name and role, with their scores, in large type.
  const scores = await page.locator('.psc-present-scores').textContent();
  assert.match(scores, /Lake Women Network\u2069? \(Local partner\): \d\.\d\. .*Nordic Aid\u2069? \(International partner\): \d\.\d\./);
  const size = await page.locator('.psc-present-scores').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 28, `scores in large type (${size} px)`);
  // Its chart: the dimension's statements, both ratings each.
  const dimension = instrument.dimensions.find((d) => d.title === order[0]);
  // Its lines, wrapped, joined again.
  const chartText = (await page.locator('.psc-present .psc-chart svg text').allTextContents()).map((t) => t.trim()).join(' ');
  for (const item of dimension.items) assert.ok(chartText.includes(item.text), `the chart shows ${item.id}`);
  assert.deepEqual(await violations(page, errors), []);

  const press = async (key, expected) => {
    await page.keyboard.press(key);
    await page.waitForFunction((title) => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('.psc-present h1')?.textContent === title, expected);
  };
  await press('ArrowRight', slides[1]);
  await press('PageDown', slides[2]);
  await press('PageUp', slides[1]);
  await press('End', slides.at(-1));
  assert.equal(await page.locator('.psc-slide-count').textContent(), `${slides.length} of ${slides.length}`);
  assert.ok(await page.getByRole('button', { name: 'Next', exact: true }).isDisabled(), 'no slide after the last');
  await press('Home', slides[0]);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await slideTitle(page), slides[0], 'no slide before the first');

  // Typing in the action form: arrows move the cursor, not the slides; the action is added and
  // the slide stays.
  const what = page.getByLabel('What', { exact: true });
  await what.fill('Agree the budget together');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  assert.equal(await slideTitle(page), slides[0], 'typing does not change the slide');
  await page.getByRole('button', { name: 'Add to the action plan' }).click();
  await page.getByRole('status').filter({ hasText: 'The action was added to the plan.' }).waitFor();
  assert.equal(await slideTitle(page), slides[0], 'the slide stays after adding');
  const plan = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes('.assessment.')).map(([, v]) => JSON.parse(v).plan)[0]);
  assert.deepEqual(plan.map((a) => [a.what, a.dimension]), [['Agree the budget together', dimension.id]]);

  // Escape: back to the document, focus on its heading, the action in its plan.
  await page.locator('.psc-present h1').focus();
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { level: 1, name: 'Joint session: talk the gaps through' }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.textContent), 'Joint session: talk the gaps through');
  assert.match(await page.locator('.psc-plan').textContent(), /Agree the budget together/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the presentation by buttons, and its slides at a projector\'s width fill the screen', async () => {
  const errors = [];
  const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await newPage(context, errors);
  await openSessionOf(page, env.server.url, stored);
  await page.getByRole('button', { name: 'Present on a projector' }).click();
  const order = talkingOrder();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.waitForFunction((t) => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('.psc-present h1')?.textContent === t, order[1]);
  const box = await page.locator('.psc-present').boundingBox();
  assert.ok(box.width >= 1900 && box.height >= 1000, `the slide fills the screen (${box.width}×${box.height})`);
  await page.getByRole('button', { name: 'Previous', exact: true }).click();
  await page.waitForFunction((t) => document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('.psc-present h1')?.textContent === t, order[0]);
  await page.getByRole('button', { name: 'Leave the presentation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Joint session: talk the gaps through' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
