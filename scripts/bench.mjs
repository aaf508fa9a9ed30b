// Prints performance figures of the release build in dist/ (run `bash scripts/test.sh` or
// `bash scripts/trunk.sh build --release --offline` first): `node scripts/bench.mjs [runs]`.
// Numbers only, no pass/fail: sizes in bytes, timings as medians of several runs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { serveDist, launchBrowser, dist, items, instrument, startAssessment, ratingRadio } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

// 1. Transfer size.
let total = 0;
for (const f of readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile())) {
  const gz = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  total += gz;
  console.log(`bytes gzipped  ${f}: ${gz}`);
}
console.log(`bytes gzipped  total: ${total}`);

const server = await serveDist();
const browser = await launchBrowser();

// 2. Navigation to the first question being usable, CPU slowed 4x, network ~1.6 Mbit/s, 150 ms.
const firstInteractive = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const start = performance.now();
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.getByRole('radio', { name: instrument.roles[0].label }).click({ trial: true });
  firstInteractive.push(performance.now() - start);
  await context.close();
}
console.log(`first question interactive (4x CPU, 1.6 Mbit/s, 150 ms), median of ${runs}: ${ms(median(firstInteractive))}`);

// 3. One answer changed: from the click to the progress count showing it (unthrottled).
const context = await browser.newContext();
const page = await context.newPage();
await startAssessment(page, server.url, { role: instrument.roles[1].label, organisation: 'Bench A', partner: 'Bench B' });
const answerTimes = [];
for (let i = 0; i < Math.min(runs * 3, items.length); i++) {
  const radio = ratingRadio(page, items[i], 1 + (i % 5));
  await radio.waitFor();
  const t = await page.evaluate(async (id) => {
    const input = document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector(`input[name="psc-item-${id}"]`);
    const before = document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('.psc-progress-bar span').textContent;
    const start = performance.now();
    input.click();
    while (document.querySelector('[data-partnership-scorecard]').shadowRoot.querySelector('.psc-progress-bar span').textContent === before) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    return performance.now() - start;
  }, items[i].id);
  answerTimes.push(t);
}
console.log(`one answer to screen and storage, median of ${answerTimes.length}: ${ms(median(answerTimes))}`);

// 4. Opening a partner's file and drawing the comparison (unthrottled).
await page.getByRole('button', { name: 'See my results' }).click();
const partner = JSON.stringify({
  format: 'partnership-scorecard-result', format_version: 1, exported_at: '2026-11-21T00:00:00Z',
  responses: {
    instrument: { id: instrument.id, version: instrument.version }, role: instrument.roles[0].id,
    organisation: 'Bench B', partner_organisation: 'Bench A', created_at: 't', updated_at: 't',
    answers: Object.fromEntries(items.map((it, n) => [it.id, { rating: 1 + ((n * 3) % 5), answered_at: 't' }])),
    reflections: {},
  },
});
const importTimes = [];
for (let i = 0; i < runs; i++) {
  await page.getByRole('button', { name: '2. My results' }).click();
  const input = page.getByLabel("Open your partner's result file");
  await input.waitFor();
  const start = performance.now();
  await input.setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(partner) });
  await page.locator('#psc-item-gaps tbody tr').nth(items.length - 1).waitFor();
  importTimes.push(performance.now() - start);
}
console.log(`open a partner's file to full comparison (${items.length} statements, incl. Playwright round trips), median of ${runs}: ${ms(median(importTimes))}`);

await browser.close();
await server.close();
