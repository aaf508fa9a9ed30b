// The printed report: the comparison and the joint session under print media, laid out for an
// A4 page (its printable width at 96 px per inch): no control, nothing wider than the page, black
// on white even in the dark theme, the chart and the credit line there; then printed to PDF by
// the browser, with a page count a 26-statement report can have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, instrument, answeredAssessment, seedAssessment } from './harness.mjs';

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

/** Print-media screenshots of each screen in each theme, compared once both themes have run. */
const shots = {};

/** The number of pages of a PDF the browser wrote. */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

for (const theme of ['light', 'dark']) {
  test(`the comparison and the joint session print as an A4 report (${theme} theme)`, async () => {
    const errors = [];
    const context = await env.browser.newContext({ viewport: { width: A4_PRINTABLE_PX, height: 1100 } });
    const page = await newPage(context, errors);
    await seedAssessment(page, stored);
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
      (shots[step] ??= {})[theme] = await page.screenshot({ fullPage: true });
      const pdf = await page.pdf({ format: 'A4' });
      const pages = pageCount(pdf);
      assert.ok(pages >= 2 && pages <= 12, `${step}: ${pages} A4 pages`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// The screenshots, compared: on paper the dark theme must look exactly like the light one (the
// print stylesheet sets black on white for both), pixel for pixel; and the page is neither
// blank nor cut at its right edge.
test('printed, both themes give the same page, not blank and not cut at the edge', async () => {
  assert.deepEqual(Object.keys(shots), ['3. Compare', '4. Joint session'], 'both themes ran first');
  const page = await env.browser.newPage();
  for (const [step, { light, dark }] of Object.entries(shots)) {
    assert.ok(light.equals(dark), `${step}: the dark theme prints as the light one`);
    // Read the pixels in the browser (no image library): share of ink, and ink in the last column.
    const seen = await page.evaluate(async (png) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const dark = (i) => data[i] + data[i + 1] + data[i + 2] < 3 * 160;
      let ink = 0;
      let edge = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (dark(i)) {
          ink += 1;
          if ((i / 4) % image.width === image.width - 1) edge += 1;
        }
      }
      return { width: image.width, share: ink / (data.length / 4), edge };
    }, light.toString('base64'));
    assert.equal(seen.width, A4_PRINTABLE_PX, `${step}: the page is as wide as A4's printable width`);
    assert.ok(seen.share > 0.01 && seen.share < 0.5, `${step}: ink on ${(seen.share * 100).toFixed(1)} % of the page`);
    assert.equal(seen.edge, 0, `${step}: nothing dark touches the right edge`);
  }
  await page.close();
});
