// heard's accessibility suite, in real headless Chromium against the real `heard serve`.
// Run from the repository root after `cargo build`:  cd tests/a11y && npm ci && npm test
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHeard } from './lib/heard.mjs';
import { launch, openPage, loads, inspect, LOCALES } from './lib/browser.mjs';
import { focusState } from './lib/checks.mjs';

const SLUG = '/c/four-cornerstones';
let heard;
let browser;
let sent = 0; // submissions this run has sent, to compare with the database

before(async () => {
  heard = await startHeard();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await heard?.stop();
});

const fail = (problems) => assert.equal(problems.length, 0, `\n${problems.join('\n')}\n`);

// ---------------------------------------------------------------------------------------------
// 1, 2 and 5: every public page, in every locale, every error state.

for (const locale of LOCALES) {
  test(`every page and error state in ${locale.tag}: axe, 320 px, text 200%, focus, targets, CSP`, { timeout: 240_000 }, async () => {
    const p = await openPage(browser);
    const { page } = p;
    const problems = [];
    const check = async (name, opts = {}) => {
      if (everyShot && !opts.shot) opts = { ...opts, shot: `all/${locale.tag}-${name.replace(/[^\p{L}\p{N}]+/gu, '-')}` };
      for (const problem of await inspect(p, locale, opts)) problems.push(`${locale.tag} ${name}: ${problem}`);
    };
    const go = async (path) => { await page.goto(heard.base + path); };
    const send = (selector = 'button[value=continue]') => loads(page, () => page.click(selector));
    // The start page and a question page at 320 px in en-GB and ar; every state with A11Y_SCREENSHOTS=all.
    const shot = (name) => (locale.tag === 'en-GB' || locale.tag === 'ar' ? `${locale.tag}-${name}` : undefined);
    const everyShot = process.env.A11Y_SCREENSHOTS === 'all';
    try {
      await go('/');
      if (locale.tag !== 'en-GB') {
        // The language links set a cookie and come back to the same page.
        await loads(page, () => page.click(`nav a[hreflang="${locale.tag}"]`));
        assert.equal(new URL(page.url()).pathname, '/');
      }
      await check('home /', { next: '/' });
      await go('/about');
      await check('/about', { next: '/about' });
      // The pictures' credit and licence links are a list, one link an item.
      assert.deepEqual(
        await page.$$eval('main ul.links > li', (lis) => lis.map((li) => li.querySelectorAll('a[href^="https://"]').length)),
        [1, 1], 'the credit and licence links are a list, one link an item');
      await go('/no-such-page');
      await check('404 /no-such-page', { status: 404, next: '/' });
      await go(`${SLUG}/q/99`);
      await check('404 question 99', { status: 404, next: '/' });

      await go(SLUG);
      await check('start page', { shot: shot('start') });

      // 1: a single choice.
      await go(`${SLUG}/q/1`);
      await check('question 1', { shot: shot('question') });
      await send();
      await check('question 1, nothing chosen', { status: 422, shot: shot('question-error') });
      await page.check('input[name=answer][value=yes]');
      await send();
      assert.match(page.url(), /\/q\/2$/);

      // 2: feelings.
      await check('question 2 (feelings)');
      await send();
      await check('question 2, no face chosen', { status: 422 });
      await page.check('input[name=answer][value="4"]');
      await send();

      // 3: a single choice, answered; then the start page offers to carry on.
      await check('question 3');
      await page.check('input[name=answer][value=sometimes]');
      await send();
      await go(SLUG);
      await check('start page, carrying on');

      // 3 again, the database busy (another process holds its write lock) when it is sent:
      // the question again, the answer still chosen, a kind word to press again in a minute.
      await go(`${SLUG}/q/3`);
      const lock = await heard.holdWriteLock();
      try {
        await send();
      } finally {
        await lock.release();
      }
      assert.equal(p.state.doc.status(), 503, 'an answer not saved is a 503');
      assert.equal((await p.state.doc.allHeaders())['retry-after'], '60');
      assert.ok(await page.isChecked('input[name=answer][value=sometimes]'), 'the answer is still chosen');
      await check('question 3, not saved (database busy)', { status: 503, next: `${SLUG}/q/3` });
      await send();
      assert.match(page.url(), /\/q\/4$/, 'pressed again once the database is back, it is saved');

      // 4: a form sent with a stale token gets the kind "could not save" page.
      await go(`${SLUG}/q/4`);
      await check('question 4');
      await page.locator('input[name=csrf]').evaluate((el) => { el.value = 'stale'; });
      await send();
      await check('form expired (stale token)', { status: 403 });
      await go(`${SLUG}/q/4`);
      await send('button[value=skip]');

      // 5: free text.
      assert.match(page.url(), /\/q\/5$/);
      await check('question 5 (free text)');
      // Left empty it may be skipped; too long, it is shown again with the limit.
      await page.fill('textarea#answer', 'a'.repeat(5001));
      await send();
      await check('question 5, too long', { status: 422 });
      await page.fill('textarea#answer', 'More time to talk before meetings. Ring me on 07700 900123.');
      await send();

      // 6: the area, with every way it can go wrong.
      assert.match(page.url(), /\/q\/6$/);
      await check('question 6 (area)');
      await send();
      await check('question 6, no area', { status: 422 });
      await page.fill('#postcode', 'ZZ9 9ZZ');
      await send();
      await check('question 6, unknown postcode ZZ9 9ZZ', { status: 422 });
      await page.fill('#postcode', 'EX1');
      await send();
      assert.equal(await page.locator('input[name=answer]').count(), 2, 'EX1 could be in two areas');
      await check('question 6, which of these is your area (EX1)');
      await send();
      await check('question 6, which area, none chosen', { status: 422 });
      await page.check('input[name=answer] >> nth=0');
      await send();

      // 7: who is answering.
      assert.match(page.url(), /\/q\/7$/);
      await check('question 7 (group)');
      await send();
      await check('question 7, nothing chosen', { status: 422 });
      await page.check('input[name=answer] >> nth=1');
      await send();

      assert.match(page.url(), /\/check$/);
      await go(`${SLUG}/saved`);
      await check('saved for later');
      await go(`${SLUG}/check`);
      await check('check your answers');
      await send('form button[type=submit]');
      sent += 1;
      assert.match(page.url(), /\/thanks$/);
      await check('thank you');

      // A new visit (not sent): a worrying answer brings the signpost to help now, with
      // Childline's number beside a phone, on the next page. The answer reaches the
      // safeguarding lead at once, sent or not, so it is stored.
      await go(`${SLUG}/q/5`);
      await page.fill('textarea#answer', 'i dont feel safe at home. my dad hits me');
      await send();
      sent += 1;
      assert.match(page.url(), /\/q\/6$/);
      assert.equal(await page.locator('.signpost a[href="tel:08001111"]').count(), 1, 'the signpost shows');
      await check('question 6 with the signpost to help');
      // An area picked and a postcode somewhere else are asked about.
      await page.check('input[name=answer] >> nth=0');
      await page.fill('#postcode', 'TQ12 4AB');
      await send();
      await check('question 6, area and postcode differ', { status: 422 });
    } finally {
      await p.context.close();
    }
    fail(problems);
    assert.equal(heard.submissions(), sent);
  });
}

// ---------------------------------------------------------------------------------------------
// The error pages, each in every locale, on a second heard of their own: 404, 429 (its
// per-address post limit set to 1 a minute) and 500 (its database broken under it). Each has
// language links that work and come back to "/" (never the path that failed).

test('error pages 404, 429 and 500 in every locale: axe, 320 px, text 200%, targets, language links', { timeout: 240_000 }, async () => {
  const errors = await startHeard({ env: { HEARD_FORM_POSTS_PER_MINUTE: '1' } });
  const problems = [];
  /** A fresh browser in `locale`, chosen with the language link on the error page `path`. */
  const open = async (locale, path, status) => {
    const p = await openPage(browser);
    await p.page.goto(errors.base + path);
    assert.equal(p.state.doc.status(), status, `${path} is a ${status}`);
    if (locale.tag !== 'en-GB') {
      await loads(p.page, () => p.page.click(`nav a[hreflang="${locale.tag}"]`));
      assert.equal(new URL(p.page.url()).pathname, '/', `the ${locale.tag} link on a ${status} page goes to /`);
      assert.equal(await p.page.getAttribute('html', 'lang'), locale.tag);
    }
    return p;
  };
  const check = async (p, locale, name, opts) => {
    for (const problem of await inspect(p, locale, { next: '/', ...opts })) problems.push(`${locale.tag} ${name}: ${problem}`);
  };
  try {
    for (const locale of LOCALES) {
      const p = await open(locale, '/no-such-page', 404);
      const { page } = p;
      try {
        await page.goto(errors.base + '/no-such-page');
        await check(p, locale, '404', { status: 404 });

        // 429: send the question's form until the limit says no (one post a minute, shared
        // by every locale here, so the first post may already be one too many).
        await page.goto(`${errors.base}${SLUG}/q/1`);
        for (let i = 0; i < 3 && p.state.doc.status() !== 429; i++) {
          await loads(page, () => page.click('button[value=continue]'));
        }
        assert.equal(p.state.doc.status(), 429, 'the post limit gives a 429 page');
        assert.equal((await p.state.doc.allHeaders())['retry-after'], '60');
        await check(p, locale, '429 (too many posts)', { status: 429 });
        // Its language links work: the next language, back at "/".
        const other = LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length];
        await loads(page, () => page.click(`nav a[hreflang="${other.tag}"]`));
        assert.equal(new URL(page.url()).pathname, '/');
        assert.equal(p.state.doc.status(), 200);
        assert.equal(await page.getAttribute('html', 'lang'), other.tag);
      } finally {
        await p.context.close();
      }
    }

    // 500: no test hook; the database loses a table the first page reads.
    errors.dropTable('consultations');
    for (const locale of LOCALES) {
      const p = await open(locale, '/', 500);
      try {
        await check(p, locale, '500 (something went wrong)', { status: 500 });
      } finally {
        await p.context.close();
      }
    }
  } finally {
    await errors.stop();
  }
  fail(problems);
});

test('"Read this to me" reads the whole page once: the question, its error, the choices', async () => {
  const p = await openPage(browser);
  const { page } = p;
  try {
    // The browser's speech, stood in for so what would be spoken can be read back.
    await page.addInitScript(() => {
      window.spoken = [];
      window.SpeechSynthesisUtterance = function (text) { this.text = text; };
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: { cancel() {}, speak(u) { window.spoken.push(u.text); } },
      });
    });
    await page.goto(`${heard.base}${SLUG}/q/1`);
    await loads(page, () => page.click('button[value=continue]'));
    await page.click('button.read-aloud');
    const [said] = await page.evaluate(() => window.spoken);
    assert.match(said, /Do you feel welcome/);
    assert.match(said, /Choose one answer/, 'the error is read');
    assert.match(said, /Sometimes/);
    const once = said.split('Choose one answer').length - 1;
    assert.equal(once, 2, 'the error is read where the summary says it and beside the question, no more');
  } finally {
    await p.context.close();
  }
});

test('the site icon is served, not a 404', async () => {
  const p = await openPage(browser);
  try {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const r = await p.page.request.get(heard.base + path);
      assert.equal(r.status(), 200, path);
      assert.equal(r.headers()['content-type'], 'image/svg+xml', path);
      assert.match(await r.text(), /^<svg/, path);
    }
  } finally {
    await p.context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// 3: the whole consultation with the keyboard alone: Tab, Shift+Tab, Space, Enter, arrows.

/** Presses Tab (or Shift+Tab) until focus is on what `want` describes; checks focus shows. */
async function tabTo(page, want, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await page.evaluate(focusState);
    if (!f.none) {
      assert.ok(f.visible, `focus is not visible on ${f.id}: ${f.style}`);
    }
    if (await page.evaluate((w) => {
      const el = document.activeElement;
      return !!el && el.matches(w.selector) && (!w.text || (el.innerText || el.value || '').includes(w.text));
    }, want)) return;
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached ${JSON.stringify(want)} on ${page.url()}`);
}

const press = (page, key) => loads(page, () => page.keyboard.press(key));
const checkedValue = (page) => page.evaluate(() => document.querySelector('input[name=answer]:checked')?.value ?? null);

async function keyboardRun({ javaScript, tag, label }) {
  const p = await openPage(browser, { javaScript, viewport: { width: 375, height: 667 } });
  const { page } = p;
  const before = heard.submissions();
  try {
    await page.goto(heard.base + '/');
    if (tag !== 'en-GB') {
      await tabTo(page, { selector: `a[hreflang="${tag}"]` });
      await press(page, 'Enter');
      assert.equal(await page.getAttribute('html', 'lang'), tag);
    }
    // The first page: the skip link, then the consultation's card.
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement.matches('.skip-link')), 'the first Tab stop is the skip link');
    await tabTo(page, { selector: 'a.card' });
    await press(page, 'Enter');
    await tabTo(page, { selector: 'main a.button' });
    await press(page, 'Enter');

    // 1: Space picks the first answer, an arrow key moves to the next.
    assert.match(page.url(), /\/q\/1$/);
    await tabTo(page, { selector: 'input[name=answer]' });
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    assert.equal(await checkedValue(page), 'sometimes');
    await tabTo(page, { selector: 'button[value=continue]' });
    await press(page, 'Enter');

    // 2: a face, with the arrow keys.
    assert.match(page.url(), /\/q\/2$/);
    await tabTo(page, { selector: 'input[name=answer]' });
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await checkedValue(page), '4');
    await tabTo(page, { selector: 'button[value=continue]' });
    await press(page, 'Enter');

    // 3: Continue with nothing chosen: the error summary, then choose and go on.
    assert.match(page.url(), /\/q\/3$/);
    await tabTo(page, { selector: 'button[value=continue]' });
    await press(page, 'Enter');
    assert.equal(await page.locator('.error-summary').count(), 1, 'the error summary shows');
    await tabTo(page, { selector: 'input[name=answer]' });
    await page.keyboard.press('Space');
    assert.equal(await checkedValue(page), 'yes');
    await tabTo(page, { selector: 'button[value=continue]' });
    await press(page, 'Space');

    // 4: skipped; reached by going past it and coming back with Shift+Tab.
    assert.match(page.url(), /\/q\/4$/);
    await tabTo(page, { selector: 'button[value=save]' });
    await tabTo(page, { selector: 'button[value=skip]' }, { back: true });
    await press(page, 'Enter');

    // 5: free text, typed.
    assert.match(page.url(), /\/q\/5$/);
    await tabTo(page, { selector: 'textarea#answer' });
    await page.keyboard.type('Ask me before the meeting, not during it.');
    await tabTo(page, { selector: 'button[value=continue]' });
    await press(page, 'Enter');

    // 6: the area.
    assert.match(page.url(), /\/q\/6$/);
    if (javaScript) {
      // By postcode: EX1 could be in two areas, so pick one.
      await tabTo(page, { selector: '#postcode' });
      await page.keyboard.type('EX1');
      await press(page, 'Enter');
      assert.equal(await page.locator('input[name=answer]').count(), 2, 'EX1 could be in two areas');
      await tabTo(page, { selector: 'input[name=answer]' });
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
    } else {
      // From the list, with the arrow keys.
      await tabTo(page, { selector: 'input[name=answer]' });
      await page.keyboard.press('Space');
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    }
    assert.ok(await checkedValue(page), 'an area is chosen');
    await tabTo(page, { selector: 'button[value=continue]' });
    await press(page, 'Enter');

    // 7: who is answering; then save for later and carry on.
    assert.match(page.url(), /\/q\/7$/);
    await tabTo(page, { selector: 'input[name=answer]' });
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    assert.equal(await checkedValue(page), 'young-person');
    await tabTo(page, { selector: 'button[value=continue]' });
    await press(page, 'Enter');

    // Check your answers; change one on the way.
    assert.match(page.url(), /\/check$/);
    await tabTo(page, { selector: '.change a[href*="/q/3"]' });
    await press(page, 'Enter');
    await tabTo(page, { selector: 'input[name=answer]' });
    await page.keyboard.press('ArrowDown');
    assert.equal(await checkedValue(page), 'sometimes');
    await tabTo(page, { selector: 'button[value=continue]' });
    await press(page, 'Enter');
    assert.match(page.url(), /\/check$/);
    assert.ok((await page.innerText('main')).length > 0);
    await tabTo(page, { selector: 'form button[type=submit]' });
    await press(page, 'Space');
    assert.match(page.url(), /\/thanks$/);
    assert.deepEqual(p.state.events, [], 'no CSP errors, script errors or failed loads');
  } catch (e) {
    await page.screenshot({ path: `${process.env.TMPDIR || '/tmp'}/heard-a11y-${label}-failure.png` }).catch(() => {});
    throw e;
  } finally {
    await p.context.close();
  }
  sent += 1;
  assert.equal(heard.submissions(), before + 1, 'one new submission stored');
}

test('keyboard alone, JavaScript on (en-GB): the whole consultation is sent and stored', { timeout: 120_000 }, () =>
  keyboardRun({ javaScript: true, tag: 'en-GB', label: 'keyboard-js' }));

test('keyboard alone, JavaScript off (ar): the whole consultation is sent and stored', { timeout: 120_000 }, () =>
  keyboardRun({ javaScript: false, tag: 'ar', label: 'keyboard-nojs' }));

test('the database holds exactly the submissions this run sent', () => {
  // Each locale sends one visit and leaves one worrying one unsent (stored at once).
  assert.equal(sent, LOCALES.length * 2 + 2);
  assert.equal(heard.submissions(), sent);
});
