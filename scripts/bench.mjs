// Prints performance figures of the release build in dist/ (run `bash scripts/test.sh` or
// `bash scripts/trunk.sh build --release` first): `node scripts/bench.mjs [runs]`.
// Numbers only, no pass/fail: sizes in bytes, timings as medians of several runs.
//
// Each update is timed twice, by `window.__timeUntil` below: "work" ends once the widget's DOM
// holds the change (seen by a MutationObserver; for an answer that changes no text, once it is
// stored), a lower bound of the app's script time: reactions it runs later in the same turn are
// not in it. (Waiting for the next task instead lets the browser render first, in some runs.)
// "drawn" ends when the next
// frame after it has been drawn (a requestAnimationFrame, then a task), so the browser's style,
// layout and paint count too, and so does waiting for the frame (up to 16.7 ms at 60 Hz).
// Polling with timers, as before, counted rendering in some runs and not in others, which is
// what made earlier figures fall into two groups.
import { readdirSync, readFileSync, statSync, existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { serveDist, launchBrowser, dist, repo, items, instrument, startAssessment, ratingRadio, seal } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
/** Medians of [work, drawn] pairs, as printed. */
const both = (pairs) => `work ${ms(median(pairs.map((p) => p[0])))}, drawn ${ms(median(pairs.map((p) => p[1])))}`;

// In the page: runs `act`, then resolves to [work, drawn] in ms once `done()` holds (see above);
// given a list of conditions, to one such pair for each. Frames are watched from before `act`,
// so this timer's frame callback runs before any the app asks for: a condition that holds when
// it runs is drawn in that frame, and the task it queues runs once the frame is drawn, ahead of
// tasks the app queues from the same frame (the comparison's later rows, for one).
const TIMER = `window.__timeUntil = (done, act) => new Promise((resolve) => {
  const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
  const conditions = [].concat(done);
  const work = conditions.map(() => null);
  const drawn = conditions.map(() => null);
  const start = performance.now();
  const check = () => conditions.forEach((holds, i) => {
    if (work[i] === null && holds()) work[i] = performance.now() - start;
  });
  const observer = new MutationObserver(check);
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  const frame = () => {
    check();
    conditions.forEach((_, i) => {
      if (work[i] === null || drawn[i] !== null) return;
      drawn[i] = 'pending';
      setTimeout(() => {
        drawn[i] = performance.now() - start;
        if (drawn.every((d) => typeof d === 'number')) {
          observer.disconnect();
          const pairs = work.map((w, k) => [w, drawn[k]]);
          resolve(Array.isArray(done) ? pairs : pairs[0]);
        }
      }, 0);
    });
    if (drawn.includes(null)) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  act();
  check();
});`;

// PSC_BENCH_FIRST_ONLY=1 stops after the first-question timings (sections 1 and 2).
const onlyFirstQuestion = process.env.PSC_BENCH_FIRST_ONLY === '1';

// 1. Transfer size: the app, and what a first visit to the first question downloads (the app,
// the list of questionnaires and the one offered first).
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
let app = 0;
for (const f of readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile())) {
  app += gz(join(dist, f));
  console.log(`bytes gzipped  ${f}: ${gz(join(dist, f))}`);
}
// Fetched only once the first screen is up: the service worker, and the part of the app's code
// for the later screens (split_later.<hash>.wasm, src/ui/parts/later.rs).
const later = readdirSync(dist).filter((f) => f === 'sw.js' || /^split_.*\.wasm$/.test(f));
const firstContent = ['content/instruments/index.json', `content/instruments/${instrument.id}.json`];
const firstVisit = app - later.reduce((sum, f) => sum + gz(join(dist, f)), 0) + firstContent.reduce((sum, f) => sum + gz(join(dist, f)), 0);
console.log(`bytes gzipped  app: ${app}`);
console.log(`bytes gzipped  first visit to the first question (app without ${later.join(', ')}; with ${firstContent.join(', ')}): ${firstVisit}`);

const server = await serveDist();
const browser = await launchBrowser();

// 2. Navigation to the first question being usable, CPU slowed 4x, network ~1.6 Mbit/s, 150 ms
// latency, timed against the SurveyJS page of the same instrument (../shared/peer-surveyjs)
// served the same way, interleaved run by run so both see the same machine. PSC_BENCH_BASELINE
// names another build of the app (an earlier dist/) to time in the same runs.
//
// The moment is taken in the page, once the first frame that shows the app's first choice laid
// out and enabled has been drawn (the peer's first question, `.sd-question`, as its README says:
// its container, not a choice in it), counted from the navigation's start (MARK_WHEN_SHOWN
// below). Playwright then confirms it, untimed. Timing Playwright's own wait instead measured
// its polling (its retries back off to 500 ms apart) and its accessibility-tree queries, which
// run on the same throttled main thread as the page (about 200 ms of it at 4x, profiled), more
// for the app's role query than the peer's CSS one. One navigation to each, untimed, comes first:
// the test server compresses each file on its first request only.
//
// The app's first question may be the start screen drawn into index.html at build time
// (scripts/first-screen.mjs), answered before the app's code is in. So the moment its whole start
// screen works (its Start button usable: the app has taken over) is printed too, never the peer's:
// its first question works in full once shown.
const inWidget = (selector) => `document.querySelector('[data-partnership-scorecard]')?.shadowRoot?.querySelector('${selector}')`;
const appChoice = inWidget('input[type=radio][name="psc-role"]');
const contenders = [{
  name: 'app', url: server.url, choice: appChoice, working: inWidget('button.psc-primary[type=submit]'),
  ready: (page) => page.getByRole('button', { name: 'Start answering' }).click({ trial: true }),
}];
const peer = await peerSurveyJs();
if (peer) contenders.push({ name: 'SurveyJS peer', url: peer.server.url, choice: `document.querySelector('.sd-question')`, ready: (page) => page.locator('.sd-question').first().waitFor({ state: 'visible' }) });
const baselineDir = process.env.PSC_BENCH_BASELINE;
const baseline = baselineDir ? await serveDist(baselineDir) : null;
if (baseline) contenders.push({ ...contenders[0], name: `baseline ${baselineDir}`, url: baseline.url });
/** Marks `mark` once the first frame that shows `element` (an expression) laid out and enabled
 * has been drawn: a task after that frame's callbacks, as `__timeUntil` does. */
const MARK_WHEN_SHOWN = (element, mark) => `(() => {
  const frame = () => {
    const input = ${element};
    const box = input?.getBoundingClientRect();
    if (input && !input.disabled && box.width > 0 && box.height > 0) setTimeout(() => performance.mark('${mark}'));
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
const times = contenders.map(() => []);
const working = contenders.map(() => []);
for (let i = -1; i < runs; i++) {
  for (const [n, contender] of contenders.entries()) {
    const context = await browser.newContext();
    await context.addInitScript({ content: MARK_WHEN_SHOWN(contender.choice, 'first-question') });
    if (contender.working) await context.addInitScript({ content: MARK_WHEN_SHOWN(contender.working, 'working') });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(contender.url, { waitUntil: 'commit' });
    await contender.ready(page);
    const shown = await page.evaluate(() => performance.getEntriesByName('first-question')[0]?.startTime);
    if (shown === undefined) throw new Error(`${contender.name}: the first question was clickable, but no frame showed it`);
    if (i >= 0) times[n].push(shown);
    if (contender.working) {
      await page.waitForFunction(() => performance.getEntriesByName('working').length > 0);
      const whole = await page.evaluate(() => performance.getEntriesByName('working')[0].startTime);
      if (i >= 0) working[n].push(whole);
    }
    await context.close();
  }
}
const spread = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
for (const [n, contender] of contenders.entries()) {
  console.log(`first question interactive (4x CPU, 1.6 Mbit/s, 150 ms), ${contender.name}, median of ${runs}: ${ms(median(times[n]))} (${spread(times[n])})`);
}
for (const [n, contender] of contenders.entries()) {
  if (contender.working) console.log(`start screen working in full (its Start button usable), ${contender.name}, median of ${runs}: ${ms(median(working[n]))} (${spread(working[n])})`);
}
if (peer) console.log(`first question, app / SurveyJS peer: ${(median(times[0]) / median(times[1])).toFixed(2)}x (target at most 0.35x)`);
await peer?.server.close();
await baseline?.close();
if (onlyFirstQuestion) {
  await browser.close();
  await server.close();
  process.exit(0);
}

// 3. One answer changed: from the click to the progress count showing it (unthrottled).
const context = await browser.newContext();
await context.addInitScript({ content: TIMER });
const page = await context.newPage();
await startAssessment(page, server.url, { role: instrument.roles[1].label, organisation: 'Bench A', partner: 'Bench B' });
const answerTimes = [];
for (let i = 0; i < Math.min(runs * 3, items.length); i++) {
  const radio = ratingRadio(page, items[i], 1 + (i % 5));
  await radio.waitFor();
  answerTimes.push(await page.evaluate((id) => {
    const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
    const input = root.querySelector(`input[name="psc-item-${id}"]`);
    const progress = () => root.querySelector('.psc-progress-bar span').textContent;
    const before = progress();
    return window.__timeUntil(() => progress() !== before, () => input.click());
  }, items[i].id));
}
console.log(`one answer to screen and storage, median of ${answerTimes.length}: ${both(answerTimes)}`);

// 4. Opening a partner's file and drawing the comparison (unthrottled).
await page.getByRole('button', { name: 'See my results' }).click();
await seal(page, { anyway: true });
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
await context.close();

// 5 and 6. Long questionnaires: generated instruments of 200 and 500 statements, kept in the
// page's storage as a custom instrument is, with an assessment of each.
const benchBrowser = browser;
const benchServer = server;

/** A generated instrument of `size` statements in ten dimensions, as a custom one is written. */
const generated = (size) => {
  const source = { file: 'generated', section: 'timing' };
  return {
    schema_version: 1, id: `bench-${size}`, version: '1.0.0', title: `Generated, ${size} statements`, summary: '',
    publisher: 'Benchmark', credit: 'Generated for timing.', source,
    roles: [{ id: 'a', label: 'Partner A' }, { id: 'b', label: 'Partner B' }],
    scale: { min: 1, max: 5, labels: ['1', '2', '3', '4', '5'], not_applicable: "Don't know" },
    dimensions: Array.from({ length: 10 }, (_, d) => ({
      id: `d${d}`, title: `Generated dimension ${d}`, short_title: `Dimension ${d}`, summary: '', source,
      items: Array.from({ length: size }, (_, n) => n).filter((n) => n % 10 === d)
        .map((n) => ({ id: `d${d}.i${n}`, text: `Generated statement number ${n}`, source })),
    })),
    reflections: [],
  };
};
/** The generated instrument's item ids. */
const generatedIds = (size) => Array.from({ length: size }, (_, n) => `d${n % 10}.i${n}`);
const answersOf = (ids, shift) => Object.fromEntries(ids.map((id, n) => [id, { rating: 1 + ((n * 7 + shift) % 5), answered_at: 't' }]));
const responsesOf = (size, role, shift) => ({
  instrument: { id: `bench-${size}`, version: '1.0.0' }, role, organisation: `Org ${role}`,
  partner_organisation: 'Other', created_at: 't', updated_at: 't', answers: answersOf(generatedIds(size), shift), reflections: {},
});

/** A page whose storage already holds the generated instrument and an answered assessment of it. */
async function seeded(size, withPartner) {
  const context = await benchBrowser.newContext();
  await context.addInitScript({ content: TIMER });
  // Without the partner's answers yet, the own answers are sealed, ready to open their file.
  const own = { ...responsesOf(size, 'a', 0), ...(withPartner ? {} : { sealed_at: '2026-11-21T00:00:00Z' }) };
  const stored = { store_version: 2, id: `bench-${size}`, own, ...(withPartner ? { partner: responsesOf(size, 'b', 3) } : {}) };
  await context.addInitScript(([entry, questionnaire]) => {
    localStorage.setItem(`partnership-scorecard.assessment.${entry.id}`, JSON.stringify(entry));
    localStorage.setItem(`partnership-scorecard.instrument.${questionnaire.id}`, JSON.stringify(questionnaire));
  }, [stored, generated(size)]);
  const page = await context.newPage();
  await page.goto(benchServer.url);
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('heading', { level: 1, name: `Generated, ${size} statements` }).waitFor();
  return { context, page };
}

// The comparison is on screen once its chart and its statement table's first rows are; the
// table's other rows are added after that has been drawn (src/ui/compare.rs, FIRST_ROWS).

// 5. 200 statements: one answer changed (to screen and storage), then the comparison (chart and
// both tables) drawn afresh with it, which is how the app updates it.
{
  const { context, page } = await seeded(200, true);
  const ids = generatedIds(200);
  const answer = [];
  const redraw = [];
  const redrawAll = [];
  for (let i = 0; i < runs; i++) {
    await page.getByRole('button', { name: '1. Answer' }).click();
    await page.locator(`input[name="psc-item-${ids[i]}"]`).first().waitFor();
    answer.push(await page.evaluate((id) => {
      const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
      const input = [...root.querySelectorAll(`input[name="psc-item-${id}"]`)].find((r) => !r.checked && r.value !== 'na');
      const saved = () => localStorage.getItem('partnership-scorecard.assessment.bench-200');
      const before = saved();
      // Every statement is answered already, so the progress stays: done once it is stored.
      return window.__timeUntil(() => input.checked && saved() !== before, () => input.click());
    }, ids[i]));
    const [screen, all] = await page.evaluate(() => {
      const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
      const step = [...root.querySelectorAll('button')].find((b) => b.textContent.includes('3. Compare'));
      return window.__timeUntil([() => root.querySelector('.psc-chart svg') && root.querySelector('#psc-item-gaps tbody tr'), () => root.querySelectorAll('#psc-item-gaps tbody tr').length >= 200], () => step.click());
    });
    redraw.push(screen);
    redrawAll.push(all);
  }
  console.log(`200 statements: one answer to screen and storage, median of ${runs}: ${both(answer)}`);
  console.log(`200 statements: comparison on screen with the change, median of ${runs}: ${both(redraw)}`);
  console.log(`200 statements: ... and all 200 statement rows, median of ${runs}: ${both(redrawAll)}`);
  await context.close();
}

// 6. 500 statements on each side: open the partner's file to the full comparison.
{
  const { context, page } = await seeded(500, false);
  const file = JSON.stringify({ format: 'partnership-scorecard-result', format_version: 1, exported_at: '2026-11-21T00:00:00Z', responses: responsesOf(500, 'b', 3) });
  const times = [];
  const timesAll = [];
  for (let i = 0; i < runs; i++) {
    await page.getByRole('button', { name: '2. My results' }).click();
    await page.getByLabel("Open your partner's result file").waitFor();
    const [screen, all] = await page.evaluate((text) => {
      const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
      const input = root.querySelector('#psc-partner-file');
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'partner.json', { type: 'application/json' }));
      return window.__timeUntil([() => root.querySelector('.psc-chart svg') && root.querySelector('#psc-item-gaps tbody tr'), () => root.querySelectorAll('#psc-item-gaps tbody tr').length >= 500], () => {
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }, file);
    times.push(screen);
    timesAll.push(all);
  }
  console.log(`500 statements each side: open the partner's file to the comparison on screen, median of ${runs}: ${both(times)}`);
  console.log(`500 statements each side: ... and all 500 statement rows, median of ${runs}: ${both(timesAll)}`);
  await context.close();
}
await benchBrowser.close();
await benchServer.close();

/**
 * The SurveyJS page of ../shared/peer-surveyjs, with the library files its README names (npm
 * packages installed once into dist-peer/, outside the project's own dependencies), served
 * gzipped like the app; null where that folder is not there.
 */
async function peerSurveyJs() {
  const source = join(repo, '../shared/peer-surveyjs');
  if (!existsSync(join(source, 'index.html'))) {
    console.log('SurveyJS peer: ../shared/peer-surveyjs is not here, so it is not timed');
    return null;
  }
  const dir = join(repo, 'dist-peer');
  const packages = join(dir, '.packages');
  const files = [
    ['survey-core/survey.core.min.js', 'survey.core.min.js'],
    ['survey-core/survey-core.min.css', 'survey-core.min.css'],
    ['survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js'],
  ];
  if (!existsSync(join(packages, 'node_modules', files[0][0]))) {
    mkdirSync(packages, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', packages, 'survey-core@2.5.38', 'survey-js-ui@2.5.38'], { stdio: 'ignore' });
  }
  for (const name of readdirSync(source)) copyFileSync(join(source, name), join(dir, name));
  for (const [from, to] of files) copyFileSync(join(packages, 'node_modules', from), join(dir, to));
  const bytes = [...readdirSync(source), ...files.map(([, to]) => to)].filter((f) => !f.endsWith('.md')).reduce((sum, f) => sum + gz(join(dir, f)), 0);
  console.log(`bytes gzipped  SurveyJS peer page: ${bytes}`);
  return { server: await serveDist(dir) };
}
