// The page runs under a strict Content Security Policy: no inline script, no eval, nothing loaded
// or sent anywhere but this site; each file of the build is fetched once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, startAssessment, ratingRadio, items } from './harness.mjs';

const env = useServerAndBrowser();

test('the app runs under a strict Content Security Policy, with no inline script', async () => {
  const errors = [];
  const context = await env.browser.newContext();
  const page = await newPage(context, errors);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await startAssessment(page, env.server.url, { role: 'Local partner', organisation: 'CSP Org', partner: 'Org B' });
  await ratingRadio(page, items[0], 3).check();
  await page.getByRole('button', { name: 'See my results' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();

  const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
  const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
  assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
  assert.match(policy, /connect-src 'self'/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0, 'no inline script');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'the app itself breaks no rule');
  // The policy is enforced: an injected inline script does not run.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__injected === true;
  });
  assert.equal(ran, false);
  assert.equal(await page.evaluate(() => window.__cspViolations.length), 1, 'and the browser reports it');

  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), [], 'nothing from anywhere else');
  const built = requests.filter((u) => /\.(js|wasm|css)$/.test(u));
  assert.equal(new Set(built).size, built.length, `each file fetched once: ${built.join(', ')}`);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  assert.equal(errors.length, 1, 'the one error logged is the refused injected script');
  await context.close();
});
