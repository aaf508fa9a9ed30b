// The printed report: the comparison and the joint session under print media, laid out for an
// A4 page (its printable width at 96 px per inch): no control, nothing wider than the page, black
// on white even in the dark theme, the chart and the credit line there; then printed to PDF by
// the browser, with a page count a 26-statement report can have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, instrument, answeredAssessment } from './harness.mjs';

const env = useServerAndBrowser();

// A4 is 210 mm wide; Chromium prints with about 10 mm margins: 190 mm at 96 px per inch.
const A4_PRINTABLE_PX = Math.floor((190 / 25.4) * 96);

const stored = answeredAssessment('print-report');

/** What the print layout shows, measured in the page. */
function layout(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const all = [...root.querySelectorAll('*')].filter(shown);
    const widest = Math.max(...all.map((e) => e.getBoundingClientRect().right));
    const psc = getComputedStyle(root.querySelector('.psc'));
    return {
      controls: all.filter((e) => ['BUTTON', 'INPUT', 'TEXTAREA', 'NAV'].includes(e.tagName)).length,
      widest,
      scrollWidth: document.documentElement.scrollWidth,
      colour: psc.color,
      background: psc.backgroundColor,
      chart: root.querySelector('.psc-chart svg') ? shown(root.querySelector('.psc-chart svg')) : false,
      credit: root.querySelector('.psc-credit')?.textContent ?? '',
    };
  });
}

/** The number of pages of a PDF the browser wrote. */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

for (const theme of ['light', 'dark']) {
  test(`the comparison and the joint session print as an A4 report (${theme} theme)`, async () => {
    const errors = [];
    const context = await env.browser.newContext({ viewport: { width: A4_PRINTABLE_PX, height: 1100 } });
    const page = await newPage(context, errors);
    await page.addInitScript((entry) => localStorage.setItem(`partnership-scorecard.assessment.${entry.id}`, JSON.stringify(entry)), stored);
    await page.goto(env.server.url);
    if (theme === 'dark') {
      await page.evaluate(() => document.querySelector('[data-partnership-scorecard]').setAttribute('data-theme', 'dark'));
    }
    await page.getByRole('button', { name: /^Resume/ }).click();
    for (const [step, heading] of [['3. Compare', 'How you and your partner see the partnership'], ['4. Joint session', 'Joint session: talk the gaps through']]) {
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('button', { name: step }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.emulateMedia({ media: 'print' });
      const seen = await layout(page);
      assert.equal(seen.controls, 0, `${step}: no button, field or navigation in print`);
      assert.ok(seen.widest <= A4_PRINTABLE_PX && seen.scrollWidth <= A4_PRINTABLE_PX, `${step}: fits the page width (${seen.widest} px)`);
      assert.equal(seen.colour, 'rgb(0, 0, 0)', `${step}: black text`);
      assert.equal(seen.background, 'rgb(255, 255, 255)', `${step}: white paper`);
      assert.ok(seen.credit.includes(instrument.publisher), `${step}: the credit line`);
      if (step === '3. Compare') assert.ok(seen.chart, 'the chart is printed');
      const pdf = await page.pdf({ format: 'A4' });
      const pages = pageCount(pdf);
      assert.ok(pages >= 2 && pages <= 12, `${step}: ${pages} A4 pages`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
