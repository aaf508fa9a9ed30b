// Every built-in instrument, end to end for both partners in separate browsers: each answers
// what its role is asked (dimensions one side only answers are not shown to the other), seals,
// and the second opens the first's file. Every number on the results and comparison screens is
// recomputed here from the data file and the answers given; where each side rates both (the
// civic partnership), the four views and the blind spots are checked cell by cell; a checklist's
// results list the boxes not ticked with the source's advice; a one-off says why it has no rounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useServerAndBrowser, newPage, repo, meanTenths, oneDecimal, seal, violations, givePassphrase } from './harness.mjs';

const env = useServerAndBrowser();
const { instruments: index } = JSON.parse(readFileSync(join(repo, 'src/content/instruments/index.json'), 'utf8'));
const load = (id) => JSON.parse(readFileSync(join(repo, `src/content/instruments/${id}.json`), 'utf8'));

/** The statements `role` rates, with their dimension, numbered as in the whole instrument. */
function statementsFor(q, role) {
  return q.dimensions.flatMap((d, dn) => (d.roles?.length && !d.roles.includes(role) ? [] : d.items.map((item, n) => ({ ...item, dimension: d, number: `${dn + 1}.${n + 1}` }))));
}

/**
 * A partner's answers: a point of the scale for most, "don't know" for some, one left open. In
 * every other dimension rated about both sides, each side rates itself at the top and the other
 * at the bottom, so that the comparison has blind spots as well as views without one.
 */
function answersOf(q, role, shift) {
  const points = q.scale.max - q.scale.min + 1;
  const statements = statementsFor(q, role);
  const flattering = new Set(q.dimensions.filter((d) => ratesBoth(d)).filter((_, n) => n % 2 === 0).map((d) => d.id));
  return Object.fromEntries(statements.map((s, n) => {
    if (n === statements.length - 1) return [s.id, null];
    if (s.about && flattering.has(s.dimension.id)) return [s.id, s.about === role ? q.scale.max : q.scale.min];
    if ((n + shift) % 9 === 4) return [s.id, 'na'];
    return [s.id, q.scale.min + ((n * (shift + 2) + shift) % points)];
  }));
}

const checklist = (q) => q.kind === 'checklist';
/** Whether a dimension has statements about each side (the four views show those). */
const ratesBoth = (d) => new Set(d.items.map((i) => i.about).filter(Boolean)).size === 2;
const choiceName = (q, rating) => (rating === 'na' ? q.scale.not_applicable
  : checklist(q) ? q.scale.labels[rating - q.scale.min] : `${rating} – ${q.scale.labels[rating - q.scale.min]}`);

/** The groups an instrument is scored in: each dimension, split by the side its statements are about. */
function groupsOf(q) {
  const groups = [];
  for (const d of q.dimensions) {
    for (const item of d.items) {
      const about = item.about ?? null;
      if (!groups.some((g) => g.dimension === d && g.about === about)) groups.push({ dimension: d, about });
    }
  }
  return groups;
}

const roleLabel = (q, id) => q.roles.find((r) => r.id === id).label;
const groupTitle = (q, g) => (g.about ? `${g.dimension.title}: about ${roleLabel(q, g.about)}` : g.dimension.title);
const groupMean = (g, ratings) => meanTenths(g.dimension.items.filter((i) => (i.about ?? null) === g.about).map((i) => ratings[i.id]));
/** The smallest gap in tenths that counts as large: a third of the scale's range or more. */
const largeGap = (q) => Math.ceil(((q.scale.max - q.scale.min) * 10) / 3);
const text = (n) => (n == null ? 'not rated' : oneDecimal(n));

/** Starts an assessment of `q` as `role`, answers it, and goes to its results. */
async function answerAll(page, q, role, answers, organisation, partner) {
  await page.goto(env.server.url);
  await page.getByLabel('Questionnaire', { exact: true }).selectOption(q.id);
  await page.getByRole('radio', { name: roleLabel(q, role), exact: true }).check();
  await page.getByLabel("Your organisation's name").fill(organisation);
  await page.getByLabel("Your partner organisation's name").fill(partner);
  await page.getByRole('button', { name: 'Start answering' }).click();
  await page.getByRole('heading', { level: 1, name: q.title }).waitFor();
  // Dimensions the other side answers alone are not asked.
  const shown = await page.locator('fieldset.psc-item legend').allTextContents();
  const asked = statementsFor(q, role);
  assert.deepEqual(shown.map((l) => l.replace(/\s+/g, ' ').trim()), asked.map((s) => `${s.number} ${s.text}`), `${q.id}: the statements ${role} is asked`);
  for (const s of asked) {
    const rating = answers[s.id];
    if (rating != null) await page.getByRole('group', { name: `${s.number} ${s.text}`, exact: true }).getByRole('radio', { name: choiceName(q, rating), exact: true }).check();
  }
  const answered = asked.filter((s) => answers[s.id] != null).length;
  await page.getByText(`${answered} of ${asked.length} statements answered`).waitFor();
  // Learning questions of the dimensions asked, and the reflections.
  const questions = q.dimensions.filter((d) => !d.roles?.length || d.roles.includes(role)).flatMap((d) => d.questions ?? []).concat(q.reflections ?? []);
  for (const question of questions) await page.getByLabel(question.text, { exact: true }).fill(`${organisation} on ${question.id}`);
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
}

for (const { id } of index) {
  test(`${id}: both partners answer, and every number of the results and the comparison is right`, async () => {
    const q = load(id);
    const [first, second] = q.roles.map((r) => r.id);
    const errors = [];
    const answersA = answersOf(q, first, 0);
    const answersB = answersOf(q, second, 3);

    // Partner A.
    const contextA = await env.browser.newContext({ acceptDownloads: true });
    const pageA = await newPage(contextA, errors);
    await answerAll(pageA, q, first, answersA, 'First Org', 'Second Org');
    const ownRows = await pageA.locator('#psc-own-scores tbody tr').evaluateAll((rows) => rows.map((r) => ({
      dimension: r.dataset.dimension, about: r.dataset.about || null, title: r.querySelector('th').textContent, cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()),
    })));
    const ownGroups = groupsOf(q).filter((g) => !g.dimension.roles?.length || g.dimension.roles.includes(first));
    assert.deepEqual(ownRows.map((r) => [r.dimension, r.about, r.title]), ownGroups.map((g) => [g.dimension.id, g.about, groupTitle(q, g)]), `${id}: a row per group answered`);
    for (const [n, g] of ownGroups.entries()) {
      const items = g.dimension.items.filter((i) => (i.about ?? null) === g.about);
      const rated = items.filter((i) => typeof answersA[i.id] === 'number').length;
      assert.deepEqual(ownRows[n].cells, [text(groupMean(g, answersA)), `${rated} of ${items.length}`, String(items.filter((i) => answersA[i.id] === 'na').length)], `${id}/${g.dimension.id}: own scores`);
    }
    if (checklist(q)) {
      // The boxes not ticked: below the top of the scale or not answered; "not yet relevant" is not one.
      const open = statementsFor(q, first).filter((s) => answersA[s.id] == null || (answersA[s.id] !== 'na' && answersA[s.id] < q.scale.max));
      const listed = await pageA.locator('.psc-not-ticked li').evaluateAll((li) => li.map((l) => l.dataset.item));
      assert.deepEqual(listed, open.map((s) => s.id), `${id}: the boxes not ticked`);
      if (q.advice) assert.equal((await pageA.locator('.psc-not-ticked blockquote').textContent()).trim(), q.advice.text, `${id}: the source's advice`);
    }
    // One statement is left open: sealing first says so, and A seals anyway; the sealed result
    // file comes down in the same step.
    const download = await seal(pageA, { anyway: true });
    const fileA = await readFile(await download.path(), 'utf8');

    // Partner B answers, seals and opens A's file.
    const contextB = await env.browser.newContext();
    const pageB = await newPage(contextB, errors);
    await answerAll(pageB, q, second, answersB, 'Second Org', 'First Org');
    await seal(pageB, { anyway: true });
    await pageB.getByLabel("Open your partner's result file").setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(fileA) });
    await givePassphrase(pageB, download.passphrase);
    await pageB.getByRole('heading', { level: 1, name: 'How you and your partner see the partnership' }).waitFor();
    await pageB.locator('#psc-item-gaps tbody tr').nth(q.dimensions.flatMap((d) => d.items).length - 1).waitFor();

    // Dimensions (or groups), largest gap first; each number from both partners' answers.
    const rows = await pageB.locator('#psc-dimension-gaps tbody tr').evaluateAll((rows) => rows.map((r) => ({
      dimension: r.dataset.dimension, about: r.dataset.about || null, large: r.classList.contains('psc-large'),
      cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()),
    })));
    const expected = groupsOf(q).map((g) => {
      const you = groupMean(g, answersB);
      const partner = groupMean(g, answersA);
      const gap = you != null && partner != null ? you - partner : null;
      return { g, you, partner, gap, large: gap != null && Math.abs(gap) >= largeGap(q) };
    });
    const order = [...expected].sort((a, b) => (b.gap == null ? -1 : Math.abs(b.gap)) - (a.gap == null ? -1 : Math.abs(a.gap)));
    assert.deepEqual(rows.map((r) => [r.dimension, r.about]), order.map((e) => [e.g.dimension.id, e.g.about]), `${id}: largest gap first`);
    for (const [n, e] of order.entries()) {
      const only = e.g.dimension.roles?.length === 1 ? `Answered by the ${roleLabel(q, e.g.dimension.roles[0])} only` : null;
      assert.equal(rows[n].cells[0], text(e.you), `${id}/${e.g.dimension.id}: yours`);
      assert.equal(rows[n].cells[1], text(e.partner), `${id}/${e.g.dimension.id}: your partner's`);
      assert.equal(rows[n].cells[2], (e.gap == null ? 'no gap to show' : oneDecimal(Math.abs(e.gap))) + (e.large ? ' Large gap' : ''), `${id}/${e.g.dimension.id}: the gap`);
      assert.equal(rows[n].large, e.large);
      if (only) assert.match(rows[n].cells[3], new RegExp(`^${only}`), `${id}/${e.g.dimension.id}: one side only`);
      // A blind spot: the side the statements are about rates itself higher by a large gap.
      if (e.g.about) {
        const selfMinusOther = e.g.about === second ? e.gap : e.gap == null ? null : -e.gap;
        const blind = selfMinusOther != null && selfMinusOther >= largeGap(q);
        assert.equal(rows[n].cells[3].includes('Blind spot'), blind, `${id}/${e.g.dimension.id}/${e.g.about}: blind spot`);
      }
    }

    // Every statement: both ratings and the gap.
    const statementRows = await pageB.locator('#psc-item-gaps tbody tr').evaluateAll((rows) => rows.map((r) => ({ id: r.dataset.item, cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()) })));
    const shownRating = (r) => (r === 'na' ? "don't know" : r == null ? 'not answered' : checklist(q) ? q.scale.labels[r - q.scale.min] : String(r));
    for (const row of statementRows) {
      const [you, partner] = [answersB[row.id], answersA[row.id]];
      assert.equal(row.cells[0], shownRating(you), `${id}/${row.id}: yours`);
      assert.equal(row.cells[1], shownRating(partner), `${id}/${row.id}: your partner's`);
      const gap = typeof you === 'number' && typeof partner === 'number' ? you - partner : null;
      assert.ok(row.cells[2].startsWith(gap == null ? 'no gap to show' : `${Math.abs(gap)}.0`), `${id}/${row.id}: the gap ${row.cells[2]}`);
    }

    // Where each side rated both: the four views, cell by cell, with the blind spots.
    assert.equal(await pageB.locator('#psc-views-table').count(), q.dimensions.some(ratesBoth) ? 1 : 0, `${id}: the four views only where a dimension has statements about each side`);
    if (q.dimensions.some(ratesBoth)) {
      const [a, b] = q.roles;
      const headers = await pageB.locator('#psc-views-table thead th').allTextContents();
      assert.deepEqual(headers, ['Dimension', `${a.label} on itself`, `${b.label} on ${a.label}`, `${b.label} on itself`, `${a.label} on ${b.label}`]);
      const views = await pageB.locator('#psc-views-table tbody tr').evaluateAll((rows) => rows.map((r) => ({ id: r.dataset.dimension, cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()) })));
      assert.deepEqual(views.map((v) => v.id), q.dimensions.filter(ratesBoth).map((d) => d.id));
      const ratingsOf = { [first]: answersA, [second]: answersB };
      let blindSpots = 0;
      for (const view of views) {
        const d = q.dimensions.find((x) => x.id === view.id);
        const mean = (about, rater) => meanTenths(d.items.filter((i) => i.about === about).map((i) => ratingsOf[rater][i.id]));
        const cells = [[a.id, a.id], [a.id, b.id], [b.id, b.id], [b.id, a.id]].map(([about, rater]) => {
          const value = mean(about, rater);
          const other = mean(about, about === a.id ? b.id : a.id);
          const blind = about === rater && value != null && other != null && value - other >= largeGap(q);
          blindSpots += blind ? 1 : 0;
          return text(value) + (blind ? ` Blind spot: ${roleLabel(q, about)} rates itself higher than its partner does` : '');
        });
        assert.deepEqual(view.cells, cells, `${id}/${view.id}: the four views`);
      }
      // The answers given reach both cases: some blind spots, and views without one.
      assert.ok(blindSpots > 0 && blindSpots < views.length * 2, `${id}: ${blindSpots} blind spots`);
    }

    // Learning questions and reflections, both answers side by side.
    const pairs = await pageB.locator('.psc-reflection-pair').evaluateAll((pairs) => pairs.map((p) => ({ id: p.dataset.question, answers: [...p.querySelectorAll('.psc-free-text')].map((x) => x.textContent) })));
    const allQuestions = q.dimensions.flatMap((d) => d.questions ?? []).concat(q.reflections ?? []);
    assert.deepEqual(pairs.map((p) => p.id), allQuestions.map((x) => x.id));
    const asks = (role, question) => q.dimensions.some((d) => (d.questions ?? []).some((x) => x.id === question.id) && (!d.roles?.length || d.roles.includes(role))) || (q.reflections ?? []).includes(question);
    for (const [n, question] of allQuestions.entries()) {
      assert.deepEqual(pairs[n].answers, [
        asks(second, question) ? `Second Org on ${question.id}` : 'No answer given.',
        asks(first, question) ? `First Org on ${question.id}` : 'No answer given.',
      ], `${id}/${question.id}`);
    }
    assert.deepEqual(await violations(pageB, errors), [], `${id}: the comparison`);

    // The joint session: every group in talking order, the source's own words for each, and,
    // for a one-off, why there are no rounds.
    await pageB.getByRole('button', { name: '4. Joint session' }).click();
    await pageB.getByRole('heading', { level: 1, name: 'Joint session: talk the gaps through' }).waitFor();
    assert.equal(await pageB.locator('.psc-session blockquote').count(), groupsOf(q).length, `${id}: the source's words in every section`);
    const rounds = pageB.getByText('This questionnaire is answered once, so there are no rounds to compare over time.');
    assert.equal(await rounds.count(), q.rounds === false ? 1 : 0, `${id}: rounds`);
    assert.equal(await pageB.getByLabel("Add an earlier round's joint session file").count(), q.rounds === false ? 0 : 1);
    assert.deepEqual(await violations(pageB, errors), [], `${id}: the joint session`);
    assert.deepEqual(errors, []);
    await contextA.close();
    await contextB.close();
  });
}
