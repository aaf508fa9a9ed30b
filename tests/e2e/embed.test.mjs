// The widget on another organisation's page (demo/, a host page with hostile global CSS): two
// widgets work independently, the host's rules do not reach in, the widget's do not leak out,
// theming goes through the documented custom properties, the height follows the content; and
// the iframe variant sizes its frame by message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, instrument, violations } from './harness.mjs';

const env = useServerAndBrowser();

/** Computed style values of the first element `selector` finds inside widget `id`'s shadow root. */
function widgetStyle(page, id, selector, properties) {
  return page.evaluate(([id, selector, properties]) => {
    const element = document.getElementById(id).shadowRoot.querySelector(selector);
    const style = getComputedStyle(element);
    return Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
  }, [id, selector, properties]);
}

test('two widgets on a hostile host page look as designed, keep to themselves and work independently', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.goto(`${env.server.url}demo/`);
  const local = page.locator('#widget-local');
  const dark = page.locator('#widget-dark');
  await local.getByRole('heading', { level: 1 }).waitFor();
  await dark.getByRole('heading', { level: 1 }).waitFor();

  // The host's rules (22px Comic Sans in red capitals, root font size 62.5%) do not reach in:
  // the widget's text is the reader's default size in its own font and colour.
  const text = await widgetStyle(page, 'widget-local', '.psc', ['font-size', 'font-family', 'color', 'text-transform', 'letter-spacing']);
  assert.equal(text['font-size'], '16px');
  assert.doesNotMatch(text['font-family'], /Comic/);
  assert.equal(text.color, 'rgb(26, 26, 26)');
  assert.equal(text['text-transform'], 'none');
  assert.equal(text['letter-spacing'], 'normal');
  const heading = await widgetStyle(page, 'widget-local', 'h1', ['font-size']);
  assert.equal(heading['font-size'], '28px', 'headings keep their size (1.75 em of 16 px)');
  const field = await widgetStyle(page, 'widget-local', '#psc-org', ['box-sizing', 'border-top-style']);
  assert.equal(field['box-sizing'], 'border-box', 'the host\'s box-sizing !important stays outside');
  assert.equal(field['border-top-style'], 'solid', 'the host\'s "all: unset" on inputs stays outside');

  // The widget says which language it is in, so a screen reader on a host page in another
  // language reads it in English (the language is set inside the shadow root, not inherited).
  await page.evaluate(() => { document.documentElement.lang = 'fr'; });
  for (const widget of [local, dark]) {
    assert.equal(await widget.locator('h1').evaluate((h) => h.closest('[lang]')?.lang), 'en');
  }

  // Nothing of the widget's leaks out: the host's paragraph named like a widget class keeps
  // the host's look.
  const decoy = await page.evaluate(() => {
    const s = getComputedStyle(document.getElementById('host-decoy'));
    return { background: s.backgroundColor, color: s.color, font: s.fontFamily };
  });
  assert.deepEqual(decoy, { background: 'rgba(0, 0, 0, 0)', color: 'rgb(176, 0, 0)', font: decoy.font });
  assert.match(decoy.font, /Comic/);

  // Theming: the host's custom property colours the first widget's buttons; the second is dark.
  const button = await widgetStyle(page, 'widget-local', 'button.psc-primary', ['background-color', 'border-top-left-radius']);
  assert.equal(button['background-color'], 'rgb(0, 87, 63)');
  assert.equal(button['border-top-left-radius'], '0px');
  const night = await widgetStyle(page, 'widget-dark', '.psc', ['background-color', 'color']);
  assert.equal(night['background-color'], 'rgb(18, 18, 18)');
  assert.equal(night.color, 'rgb(242, 242, 242)');

  // Presets: the first widget offers the named questionnaire with the role already chosen.
  assert.equal(await local.getByLabel('Questionnaire', { exact: true }).inputValue(), 'local-leadership');
  assert.equal(await local.getByRole('radio', { name: 'Local partner', exact: true }).isChecked(), true);
  assert.equal(await dark.getByRole('radio', { name: 'Local partner', exact: true }).isChecked(), false);

  // No violations, in either widget or in the host page around them.
  assert.deepEqual(await violations(page, errors, { bestPractice: false }), []);

  // The height follows the content: no scrollbar inside the widget, and it grows as it fills.
  const box = () => local.evaluate((host) => ({ height: host.getBoundingClientRect().height, inner: host.scrollHeight, client: host.clientHeight }));
  const start = await box();
  assert.ok(start.inner <= start.client + 1, `no inner scrolling: ${JSON.stringify(start)}`);
  await local.getByLabel("Your organisation's name").fill('Lake Women Network');
  await local.getByLabel("Your partner organisation's name").fill('Nordic Aid');
  await local.getByRole('button', { name: 'Start answering' }).click();
  await local.getByRole('heading', { level: 1, name: instrument.title }).waitFor();
  const answering = await box();
  assert.ok(answering.height > start.height * 2, `grows with the questionnaire: ${start.height} -> ${answering.height}`);
  assert.ok(answering.inner <= answering.client + 1, 'still no inner scrolling');

  // Independent: the second widget is still on its start screen, focus stayed in the first.
  await dark.getByRole('heading', { level: 1, name: "See your partnership through both partners' eyes" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'widget-local');
  // They share the browser's storage, and keep in step: the second lists what the first
  // started, and an answer given in one shows in the other, so neither overwrites the other.
  await dark.getByRole('button', { name: /^Resume/ }).click();
  await dark.getByRole('heading', { level: 1, name: instrument.title }).waitFor();
  const first = instrument.dimensions[0].items[0];
  const label = `4 – ${instrument.scale.labels[4 - instrument.scale.min]}`;
  await dark.getByRole('group', { name: first.text }).getByRole('radio', { name: label, exact: true }).check();
  const mirrored = local.getByRole('group', { name: first.text }).getByRole('radio', { name: label, exact: true });
  for (let i = 0; i < 50 && !(await mirrored.isChecked()); i += 1) await page.waitForTimeout(20);
  assert.equal(await mirrored.isChecked(), true, 'the first widget shows the answer given in the second');
  const second = instrument.dimensions[0].items[1];
  await local.getByRole('group', { name: second.text }).getByRole('radio', { name: label, exact: true }).check();
  await dark.getByText(`2 of ${instrument.dimensions.flatMap((d) => d.items).length} statements answered`).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe variant reports its height, so the frame never scrolls', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  await page.goto(`${env.server.url}demo/iframe.html`);
  const frame = page.frameLocator('#frame');
  await frame.getByRole('heading', { level: 1 }).waitFor();
  // Options from the frame's address: questionnaire and role chosen in advance.
  assert.equal(await frame.getByRole('radio', { name: 'International partner', exact: true }).isChecked(), true);
  await page.waitForFunction(() => parseFloat(document.getElementById('frame').style.height) > 600);
  const sizes = await page.evaluate(() => {
    const frame = document.getElementById('frame');
    const inner = frame.contentDocument.documentElement;
    return { frame: frame.getBoundingClientRect().height, content: inner.scrollHeight };
  });
  assert.ok(Math.abs(sizes.frame - sizes.content) <= 2, `the frame is as tall as its content: ${JSON.stringify(sizes)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the stylesheet and first content come early from boot.js, and are fetched as before when that fails', async () => {
  const errors = [];
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await newPage(context, errors);
  const asked = (url) => page.evaluate((url) => performance.getEntriesByType('resource').filter((r) => r.name.endsWith(url)).length, url);
  const styling = () => page.evaluate(() => {
    const root = document.querySelector('[data-partnership-scorecard]').shadowRoot;
    const style = getComputedStyle(root.querySelector('.psc-primary'));
    return { background: style.backgroundColor, radius: style.borderTopLeftRadius, adopted: root.adoptedStyleSheets.length, linked: root.querySelectorAll('link[rel="stylesheet"]').length };
  });
  await page.goto(env.server.url);
  await page.getByRole('radio', { name: instrument.roles[0].label }).waitFor();
  const early = await styling();
  assert.equal(early.adopted, 1, 'the stylesheet fetched by boot.js is adopted');
  assert.equal(early.linked, 0);
  assert.notEqual(early.background, 'rgba(0, 0, 0, 0)', 'the primary button is styled');
  for (const file of ['main.css', 'content/instruments/index.json', `content/instruments/${instrument.id}.json`]) {
    assert.equal(await asked(file), 1, `${file} is fetched once`);
  }

  // boot.js's own fetches fail (the first request for each file): the app fetches them itself.
  const refused = new Set();
  await context.route(/\/(main\.css|content\/instruments\/[a-z0-9.-]+\.json)$/, (route) => {
    const url = route.request().url();
    if (refused.has(url)) return route.continue();
    refused.add(url);
    return route.abort('failed');
  });
  await page.reload();
  await page.getByRole('radio', { name: instrument.roles[0].label }).waitFor();
  assert.ok(refused.size >= 3, `boot.js's fetches were refused: ${[...refused].join(', ')}`);
  const linked = await styling();
  assert.equal(linked.adopted, 0);
  assert.equal(linked.linked, 1, 'the stylesheet is linked instead');
  assert.deepEqual([linked.background, linked.radius], [early.background, early.radius], 'and styles the widget the same');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|net::ERR/.test(e)), []);
  await context.close();
});
