// The action plan, agreed in the joint session: an action starts from the source's suggestions,
// is kept in storage (and survives a reload), can be ticked done and removed, prints in the
// report, and refuses an empty "what" without changing anything stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, instrument, storageSnapshot, violations, answeredAssessment, openSessionOf, shownDate } from './harness.mjs';

const env = useServerAndBrowser();

const stored = answeredAssessment('plan');
const planOf = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.plan')).plan ?? []);
const hostile = '<img src=x onerror="window.__pwned=1"> & "quotes"';

test('partners agree actions in the joint session, tick them done, remove them, and print them', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await openSessionOf(page, env.server.url, stored);
  await page.getByText('No action agreed yet.', { exact: false }).waitFor();

  const dimension = instrument.dimensions[0];
  const group = page.locator(`[role="group"][data-dimension="${dimension.id}"]`);
  const what = group.getByLabel('What', { exact: true });
  // The source's suggestions for this dimension are offered as the partners type.
  const offered = await what.evaluate((input) => [...input.list.options].map((o) => o.value));
  assert.deepEqual(offered, dimension.suggested_actions);

  // Nothing to do: refused and said beside the fields, focus on "What", nothing stored.
  const before = await storageSnapshot(page);
  await group.getByRole('button', { name: 'Add to the action plan' }).click();
  await group.getByRole('alert').getByText('Not added: say what will be done.').waitFor();
  await page.waitForFunction((id) => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === `psc-plan-what-${id}`, dimension.id);
  assert.equal(await storageSnapshot(page), before);

  await what.fill(dimension.suggested_actions[0]);
  await group.getByLabel('Who', { exact: true }).fill(`Both directors ${hostile}`);
  await group.getByLabel('By when', { exact: true }).fill('2027-03-31');
  await group.getByRole('button', { name: 'Add to the action plan' }).click();
  await page.getByText('The action was added to the plan.').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === 'psc-plan-title');
  const rows = page.locator('.psc-plan tbody tr');
  assert.deepEqual(await rows.first().locator('th, td').allTextContents().then((cells) => cells.slice(0, 4)),
    [dimension.title, dimension.suggested_actions[0], `Both directors ${hostile}`, shownDate('2027-03-31')]);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const first = { dimension: dimension.id, what: dimension.suggested_actions[0], who: `Both directors ${hostile}`, by_when: '2027-03-31', done: false };
  assert.deepEqual(await planOf(page), [first]);

  // A second action, on another dimension, typed in full.
  const other = instrument.dimensions[1];
  const otherGroup = page.locator(`[role="group"][data-dimension="${other.id}"]`);
  await otherGroup.getByLabel('What', { exact: true }).fill('Share the budget lines every quarter');
  await otherGroup.getByRole('button', { name: 'Add to the action plan' }).click();
  await rows.nth(1).waitFor();
  const second = { dimension: other.id, what: 'Share the budget lines every quarter', who: '', by_when: '', done: false };
  assert.deepEqual(await planOf(page), [first, second]);

  // The second ticked done: stored for that one only, printed as "Done" for that row only, and
  // still ticked after a reload.
  await page.getByRole('checkbox', { name: 'Done: Share the budget lines every quarter' }).check();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.plan')).plan[1].done === true);
  assert.deepEqual((await planOf(page)).map((a) => a.done), [false, true]);
  const printedRows = async () => {
    await page.emulateMedia({ media: 'print' });
    const seen = await page.evaluate(() => {
      const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
      const shown = (e) => e.getClientRects().length > 0;
      return {
        lastCells: [...root.querySelectorAll('.psc-plan tbody tr')].map((r) => r.lastElementChild.innerText.trim()),
        controls: [...root.querySelectorAll('.psc-plan input, .psc-plan button, .psc-plan-form')].filter(shown).length,
      };
    });
    await page.emulateMedia({ media: 'screen' });
    return seen;
  };
  assert.deepEqual(await printedRows(), { lastCells: ['', 'Done'], controls: 0 }, 'printed straight after ticking');
  await page.reload();
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('button', { name: '4. Joint session' }).click();
  assert.equal(await page.getByRole('checkbox', { name: 'Done: Share the budget lines every quarter' }).isChecked(), true);
  assert.deepEqual(await printedRows(), { lastCells: ['', 'Done'], controls: 0 }, 'printed after a reload');
  assert.deepEqual(await violations(page, errors), [], 'the session with a plan');

  // The first removed, after confirming: the second stays, still done.
  page.once('dialog', (d) => d.accept());
  await rows.first().getByRole('button', { name: /^Remove/ }).click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.plan')).plan.length === 1);
  assert.deepEqual(await planOf(page), [{ ...second, done: true }]);
  assert.equal(await rows.count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
