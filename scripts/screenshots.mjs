// Screenshots of the screens the README shows, into docs/ (or SHOTS_DIR): the comparison on a
// desktop and on a phone, the joint session's presentation on a projector, answering in French
// and the comparison in Arabic.
// Run after a release build: node scripts/screenshots.mjs
import { serveDist, launchBrowser, startAssessment, answer, items, instrument } from '../tests/e2e/harness.mjs';
import { mkdirSync, readFileSync } from 'node:fs';

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

// The partners' languages: answering in French, the comparison in Arabic (right to left).
const read = (path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
for (const [lang, shot] of [['fr', 'french-answering'], ['ar', 'arabic-comparison']]) {
  const t = read(`src/content/languages/${lang}.json`).strings;
  const q = read(`src/content/instruments/${lang}/local-leadership.json`);
  const context = await browser.newContext({ viewport: { width: 1000, height: 1000 }, acceptDownloads: true, locale: lang });
  const p = await context.newPage();
  await p.goto(server.url);
  await p.getByRole('heading', { level: 1, name: t.home_title }).waitFor();
  await p.getByRole('radio', { name: q.roles[1].label }).check();
  await p.getByLabel(t.organisation_label, { exact: true }).fill(lang === 'ar' ? 'شبكة نساء البحيرة' : 'Réseau des femmes du lac');
  await p.getByLabel(t.partner_organisation_label, { exact: true }).fill('Nordic Aid');
  await p.getByRole('button', { name: t.start }).click();
  await p.getByRole('heading', { level: 1, name: q.title }).waitFor();
  const statements = q.dimensions.flatMap((d) => d.items);
  for (const [i, item] of statements.entries()) {
    const rating = pattern[i % pattern.length];
    const label = rating === 'na' ? q.scale.not_applicable : `${rating} – ${q.scale.labels[rating - q.scale.min]}`;
    if (lang === 'fr' && i >= 3) break; // the French screen: its first statements answered
    await p.getByRole('group', { name: item.text }).getByRole('radio', { name: label, exact: true }).check();
  }
  if (lang === 'ar') {
    await p.getByRole('button', { name: t.see_results }).click();
    await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: t.seal_and_download }).click()]);
    await p.getByRole('button', { name: t.reopen_button }).waitFor();
    const english = { ...partner, responses: { ...partner.responses, language: 'en' } };
    await p.getByLabel(t.import_label).setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(english)) });
    await p.getByRole('heading', { level: 1, name: t.compare_title }).waitFor();
  }
  await p.evaluate(() => window.scrollTo(0, 0)); // from the top: the steps, the title, the first statements
  await p.waitForTimeout(300);
  await p.screenshot({ path: `${out}/screenshot-${shot}.png` });
  await context.close();
}
await browser.close();
await server.close();
