// The action plan, agreed in the joint session: an action starts from the source's suggestions,
// is kept in storage (and survives a reload), can be ticked done and removed, prints in the
// report, and refuses an empty "what" without changing anything stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, instrument, storageSnapshot, violations, answeredAssessment } from './harness.mjs';

const env = useServerAndBrowser();

const stored = answeredAssessment('plan');
const planOf = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.plan')).plan ?? []);
const hostile = '<img src=x onerror="window.__pwned=1"> & "quotes"';

test('partners agree actions in the joint session, tick them done, remove them, and print them', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.addInitScript((entry) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(`partnership-scorecard.assessment.${entry.id}`, JSON.stringify(entry));
      sessionStorage.setItem('seeded', '1');
    }
  }, stored);
  await page.goto(env.server.url);
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('button', { name: '4. Joint session' }).click();
  await page.getByText('No action agreed yet.', { exact: false }).waitFor();

  const dimension = instrument.dimensions[0];
  const group = page.locator(`[role="group"][data-dimension="${dimension.id}"]`);
  const what = group.getByLabel('What', { exact: true });
  // The source's suggestions for this dimension are offered as the partners type.
  const offered = await what.evaluate((input) => [...input.list.options].map((o) => o.value));
  assert.deepEqual(offered, dimension.suggested_actions);

  // Nothing to do: refused, said, nothing stored.
  const before = await storageSnapshot(page);
  await group.getByRole('button', { name: 'Add to the action plan' }).click();
  await page.getByRole('alert').getByText('Not added: say what will be done.').waitFor();
  assert.equal(await storageSnapshot(page), before);

  await what.fill(dimension.suggested_actions[0]);
  await group.getByLabel('Who', { exact: true }).fill(`Both directors ${hostile}`);
  await group.getByLabel('By when', { exact: true }).fill('2027-03-31');
  await group.getByRole('button', { name: 'Add to the action plan' }).click();
  await page.getByText('The action was added to the plan.').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-partnership-scorecard]').shadowRoot.activeElement?.id === 'psc-plan-title');
  const row = page.locator('.psc-plan tbody tr');
  assert.deepEqual(await row.locator('th, td').allTextContents().then((cells) => cells.slice(0, 4)),
    [dimension.title, dimension.suggested_actions[0], `Both directors ${hostile}`, '2027-03-31']);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await planOf(page), [{ dimension: dimension.id, what: dimension.suggested_actions[0], who: `Both directors ${hostile}`, by_when: '2027-03-31', done: false }]);

  // Ticked done: stored, and still so after a reload.
  await row.getByRole('checkbox', { name: 'Done' }).check();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('partnership-scorecard.assessment.plan')).plan[0].done === true);
  await page.reload();
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('button', { name: '4. Joint session' }).click();
  assert.equal(await page.locator('.psc-plan tbody tr').getByRole('checkbox', { name: 'Done' }).isChecked(), true);
  assert.deepEqual(await violations(page, errors), [], 'the session with a plan');

  // In print: the plan with "Done" written out, and none of its controls.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const plan = document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('.psc-plan');
    const shown = (e) => e.getClientRects().length > 0;
    return { text: plan.innerText, controls: [...plan.querySelectorAll('input, button'), ...plan.getRootNode().querySelectorAll('.psc-plan-form')].filter(shown).length };
  });
  await page.emulateMedia({ media: 'screen' });
  assert.equal(printed.controls, 0);
  assert.match(printed.text, /Done/);
  assert.match(printed.text, /2027-03-31/);

  // Removed, after confirming.
  page.once('dialog', (d) => d.accept());
  await page.locator('.psc-plan tbody tr').getByRole('button', { name: /^Remove/ }).click();
  await page.getByText('No action agreed yet.', { exact: false }).waitFor();
  assert.deepEqual(await planOf(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
