// Screenshots of the screens the README shows, into docs/ (or SHOTS_DIR): the comparison on a
// desktop and on a phone, and the joint session's presentation on a projector.
// Run after a release build: node scripts/screenshots.mjs
import { serveDist, launchBrowser, startAssessment, answer, items, instrument } from '../tests/e2e/harness.mjs';
import { mkdirSync } from 'node:fs';

const out = process.env.SHOTS_DIR || new URL('../docs', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 }, acceptDownloads: true });
const page = await ctx.newPage();
await startAssessment(page, server.url, { role: 'Local partner', organisation: 'Lake Women Network', partner: 'Nordic Aid' });
const pattern = [2, 3, 1, 4, 3, 'na', 2, 5];
await answer(page, Object.fromEntries(items.map((it, i) => [it.id, pattern[i % pattern.length]])));
await page.getByRole('button', { name: 'See my results' }).click();
await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
const partner = { format: 'partnership-scorecard-result', format_version: 1, exported_at: '2026-11-01T00:00:00Z',
  responses: { instrument: { id: instrument.id, version: instrument.version }, role: 'international', organisation: 'Nordic Aid', partner_organisation: 'Lake Women Network', created_at: 't', updated_at: '2026-11-01T00:00:00Z', sealed_at: '2026-11-01T00:00:00Z',
    answers: Object.fromEntries(items.map((it, i) => [it.id, { rating: [5, 4, 5, 4, 'not_applicable', 5, 3][i % 7], answered_at: 't' }])),
    reflections: Object.fromEntries(instrument.reflections.map((q) => [q.id, { text: 'We share decisions on activities, but the budget is set at headquarters.', answered_at: 't' }])) } };
await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Seal and download my result file' }).click()]);
await page.getByRole('button', { name: 'Re-open my answers' }).waitFor();
await page.getByLabel("Open your partner's result file").setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(partner)) });
await page.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
await page.setViewportSize({ width: 1000, height: 1000 });
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/screenshot-comparison.png` });
// A phone: the chart drawn for its width, the table as cards, each value with its label.
await page.setViewportSize({ width: 375, height: 1400 });
await page.waitForTimeout(300);
await page.locator('#psc-dimension-gaps').scrollIntoViewIfNeeded();
await page.evaluate(() => window.scrollBy(0, -560));
await page.screenshot({ path: `${out}/screenshot-phone-comparison.png` });
// A projector: the joint session's presentation.
await page.setViewportSize({ width: 1280, height: 720 });
await page.getByRole('button', { name: '4. Joint session' }).click();
await page.getByRole('button', { name: 'Present on a projector' }).click();
await page.locator('.psc-present h1').waitFor();
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/screenshot-presentation.png` });
await browser.close();
await server.close();
