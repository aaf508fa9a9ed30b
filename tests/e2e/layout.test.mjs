// Every screen at a phone's, a tablet's and a desktop's width (issue 17): nothing scrolls
// sideways, every number in a table or a card has its label visible beside it, and every chart's
// text is drawn at 14 CSS pixels or more at the size it is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, answeredAssessment, seedAssessment } from './harness.mjs';

const env = useServerAndBrowser();

const WIDTHS = [320, 375, 768, 1280];

/** What a screen shows that a reader could lose: measured in the widget's shadow root. */
function measure(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const unlabelled = [];
    let numbers = 0;
    for (const cell of root.querySelectorAll('td')) {
      if (!shown(cell) || !/\d/.test(cell.textContent)) continue;
      numbers += 1;
      const head = cell.closest('table').tHead;
      const header = head && shown(head) ? head.rows[0].cells[cell.cellIndex] : null;
      // On a wide screen the column's header names it; on a narrow one, the label written
      // before the value (the cell's ::before, from its data-label).
      const before = getComputedStyle(cell, '::before').content;
      const label = cell.dataset.label ?? '';
      const named = header
        ? shown(header) && header.textContent.trim().length > 0
        : label.trim().length > 0 && before !== 'none' && before.includes(label);
      if (!named) unlabelled.push(`${cell.closest('table').id || cell.closest('table').className}: ${cell.textContent.trim().slice(0, 40)}`);
    }
    const small = [];
    let texts = 0;
    for (const svg of root.querySelectorAll('.psc-chart svg')) {
      if (!shown(svg)) continue;
      const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
      for (const text of svg.querySelectorAll('text')) {
        texts += 1;
        const px = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (px < 13.95) small.push(`${text.textContent.slice(0, 30)}: ${px.toFixed(1)} px`);
      }
    }
    const psc = root.querySelector('.psc');
    return {
      sideways: document.documentElement.scrollWidth - window.innerWidth,
      widgetSideways: psc.scrollWidth - psc.clientWidth,
      numbers, unlabelled, texts, small,
      heading: root.querySelector('h1')?.textContent ?? '',
    };
  });
}

for (const width of WIDTHS) {
  test(`every screen reads at ${width} px: no sideways scroll, numbers labelled, chart text at least 14 px`, async () => {
    const errors = [];
    const context = await env.browser.newContext({ viewport: { width, height: 900 } });
    const page = await newPage(context, errors);
    await seedAssessment(page, answeredAssessment(`layout-${width}`));
    await page.goto(env.server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const seen = {};
    const check = async (name, { charts = 0, numbers = false } = {}) => {
      const m = await measure(page);
      seen[name] = m;
      assert.ok(m.sideways <= 0, `${name} at ${width}: the page scrolls sideways by ${m.sideways} px`);
      assert.ok(m.widgetSideways <= 0, `${name} at ${width}: the widget scrolls sideways by ${m.widgetSideways} px`);
      assert.deepEqual(m.unlabelled, [], `${name} at ${width}: numbers without a visible label`);
      assert.deepEqual(m.small, [], `${name} at ${width}: chart text under 14 px`);
      if (numbers) assert.ok(m.numbers > 0, `${name} at ${width}: the check saw the numbers`);
      assert.ok(m.texts >= charts, `${name} at ${width}: the check saw the charts' text`);
    };
    await check('start');
    await page.getByRole('button', { name: /^Resume/ }).click();
    await page.getByRole('group').first().waitFor();
    await check('answering');
    await page.getByRole('button', { name: '2. My results' }).click();
    await page.locator('#psc-own-scores').waitFor();
    await check('results', { charts: 5, numbers: true });
    await page.getByRole('button', { name: '3. Compare' }).click();
    await page.locator('#psc-dimension-gaps').waitFor();
    await check('comparison', { charts: 10, numbers: true });
    await page.getByRole('button', { name: '4. Joint session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Joint session: talk the gaps through' }).waitFor();
    await check('joint session');
    await page.getByRole('button', { name: 'Present on a projector' }).click();
    await page.locator('.psc-present h1').waitFor();
    await check('presentation', { charts: 5 });
    // Turned from landscape to portrait (or a window made narrow): the charts are drawn again
    // for the new width, their text still at its size.
    await page.setViewportSize({ width: Math.max(320, Math.round(width / 2)), height: 900 });
    await page.waitForTimeout(300);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '3. Compare' }).click();
    await page.locator('#psc-dimension-gaps').waitFor();
    await check('comparison, window narrowed', { charts: 10, numbers: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
