// Printing (issue 17): a Print button on the comparison and the joint session; the printed
// report has no empty section (the rounds section, with no earlier round, is left off) and no
// page at its end holding nothing of the report (once, only the footer was there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useServerAndBrowser, newPage, answeredAssessment, seedAssessment } from './harness.mjs';

const env = useServerAndBrowser();

/** The text of each page of a PDF. */
async function pageTexts(pdf) {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true, verbosity: 0 }).promise;
  const texts = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    texts.push(content.items.map((i) => i.str).join(' ').replace(/\s+/g, ' ').trim());
  }
  return texts;
}

/** Sections shown in print that hold nothing but their heading. */
function emptySections(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
    const shown = (e) => e.getClientRects().length > 0;
    return [...root.querySelectorAll('section')].filter(shown).filter((section) => {
      const heading = section.querySelector('h2, h3')?.textContent ?? '';
      const visible = [...section.querySelectorAll('p, li, td, th, figure, blockquote')].filter(shown);
      return visible.every((e) => e.textContent.trim() === '' || heading.includes(e.textContent.trim()));
    }).map((s) => s.querySelector('h2')?.textContent ?? s.className);
  });
}

test('the comparison and the joint session print with no empty section and no trailing page', async () => {
  const errors = [];
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 1000 } });
  const page = await newPage(context, errors);
  await seedAssessment(page, answeredAssessment('print-pages'));
  await page.goto(env.server.url);
  await page.getByRole('button', { name: /^Resume/ }).click();
  for (const [step, heading, last] of [
    ['3. Compare', 'How you and your partner see the partnership', 'Nordic Aid'],
    ['4. Joint session', 'Joint session: talk the gaps through', 'CISU'],
  ]) {
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: step }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    // The Print button opens the browser's print dialog.
    await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    assert.equal(await page.evaluate(() => window.__printed), 1, `${step}: Print prints`);

    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await emptySections(page), [], `${step}: no empty section in print`);
    const rounds = page.locator('.psc-rounds');
    if (await rounds.count()) assert.equal(await rounds.isVisible(), false, `${step}: no rounds section without rounds`);
    const texts = await pageTexts(await page.pdf({ format: 'A4' }));
    assert.ok(texts.length >= 2, `${step}: ${texts.length} pages`);
    assert.ok(texts[0].includes(heading), `${step}: the report starts with its heading`);
    const end = texts.at(-1);
    assert.ok(end.length > 80, `${step}: the last page holds part of the report, not only a footer: "${end}"`);
    assert.ok(!end.includes('Your answers are kept only in this browser'), `${step}: no footer printed`);
    assert.ok(texts.join(' ').includes(last), `${step}: the report's end is printed`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
