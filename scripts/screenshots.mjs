// Screenshots of every screen into /tmp/shots (docs/screenshot-comparison.png comes from here).
// Run after a release build: node scripts/screenshots.mjs
import { serveDist, launchBrowser, startAssessment, answer, items, instrument } from '../tests/e2e/harness.mjs';
import { mkdirSync } from 'node:fs';
const out = process.env.SHOTS_DIR || '/tmp/shots';
mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 }, acceptDownloads: true });
const page = await ctx.newPage();
await page.goto(server.url);
await page.getByRole('heading', { level: 1 }).waitFor();
await page.screenshot({ path: `${out}/home.png`, fullPage: true });
await startAssessment(page, server.url, { role: 'Local partner', organisation: 'Lake Women Network', partner: 'Nordic Aid' });
const pattern = [2, 3, 1, 4, 3, 'na', 2, 5];
await answer(page, Object.fromEntries(items.map((it, i) => [it.id, pattern[i % pattern.length]])));
await page.screenshot({ path: `${out}/answer.png` });
await page.getByRole('button', { name: 'See my results' }).click();
await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
await page.screenshot({ path: `${out}/results.png`, fullPage: true });
const partner = { format: 'partnership-scorecard-result', format_version: 1, exported_at: '2026-11-01T00:00:00Z',
  responses: { instrument: { id: instrument.id, version: instrument.version }, role: 'international', organisation: 'Nordic Aid', partner_organisation: 'Lake Women Network', created_at: 't', updated_at: '2026-11-01T00:00:00Z',
    answers: Object.fromEntries(items.map((it, i) => [it.id, { rating: [5, 4, 5, 4, 'not_applicable', 5, 3][i % 7], answered_at: 't' }])),
    reflections: Object.fromEntries(instrument.reflections.map((q) => [q.id, { text: 'We share decisions on activities, but the budget is set at headquarters.', answered_at: 't' }])) } };
await page.getByRole('button', { name: 'Seal my answers' }).click();
await page.getByRole('button', { name: 'Re-open my answers' }).waitFor();
await page.screenshot({ path: `${out}/results-sealed.png`, fullPage: true });
await page.getByLabel("Open your partner's result file").setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(partner)) });
await page.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
await page.screenshot({ path: `${out}/compare-full.png`, fullPage: true });
await page.setViewportSize({ width: 1000, height: 1000 });
await page.screenshot({ path: `${out}/compare.png` });
await browser.close();
await server.close();
