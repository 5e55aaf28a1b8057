// Real headless Chromium (Debian's /usr/bin/chromium), driven by playwright-core, with axe.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as checks from './checks.mjs';
import { TARGET } from './heard.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = join(TARGET, 'a11y-screenshots');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
export const LOCALES = [
  { tag: 'en-GB', dir: 'ltr' },
  { tag: 'pl', dir: 'ltr' },
  { tag: 'ar', dir: 'rtl' },
];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 320, height: 640 };
const DEFAULT_FONTS = { standard: 16, fixed: 13 };
const DOUBLE_FONTS = { standard: 32, fixed: 26 };

export async function launch() {
  // playwright-core gives every launch a fresh, temporary user-data dir of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    timeout: 60_000,
  });
}

/**
 * A page that records what a person would not see but should be told about: the last
 * document response (status, CSP), console CSP errors, script errors and failed loads.
 */
export async function openPage(browser, { javaScript = true, viewport = DESKTOP, locale } = {}) {
  // `locale` sets the browser's own (how a date field shows its parts); pages choose theirs.
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport, reducedMotion: 'reduce', ...(locale ? { locale } : {}) });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const state = { doc: null, events: [] };
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) state.doc = r;
    else if (r.status() >= 400) state.events.push(`${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // The browser fetches the site icon by itself, and gives up on it when the page moves
    // on first: not a fault. An icon that is missing still shows, as a 404 response above.
    if (/\/favicon\.(svg|ico)$/.test(new URL(r.url()).pathname) && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    state.events.push(`load failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('console', (m) => {
    const text = m.text();
    // The document's own status (400, 401, 404, 422, 403, 429, 500, 503 pages) is logged too: that is
    // expected. A sub-resource that fails is still caught, by its response above.
    if (/Content.Security.Policy|Refused to/i.test(text)) state.events.push(`console CSP error: ${text}`);
    else if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of (400|401|404|422|403|429|500|503)/.test(text)) {
      state.events.push(`console error: ${text}`);
    }
  });
  page.on('pageerror', (e) => state.events.push(`script error: ${e.message}`));
  return { context, page, cdp, state };
}

/** Waits for the page load that `action` starts (a link followed, a form sent). */
export async function loads(page, action) {
  const loaded = page.waitForEvent('load');
  await action();
  await loaded;
}

async function axe(page) {
  // axe can leave focus on an element it looked at (seen on the skip link): put it back.
  const was = await page.evaluateHandle(() => document.activeElement);
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  await page.evaluate((el) => {
    if (document.activeElement === el) return;
    if (el && el !== document.body && el.isConnected) el.focus();
    else document.activeElement?.blur();
  }, was);
  await was.dispose();
  return result.violations.map((v) =>
    `axe ${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`).join('\n      ')}`);
}

/** Tabs through the whole page: every stop must show its focus, and every control be reached. */
async function tabThrough(page) {
  const problems = [];
  const expected = await page.evaluate(checks.tabStops);
  // Start from the top of the page, wherever focus was (an error summary takes it on load).
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    const body = document.body;
    body.setAttribute('tabindex', '-1');
    body.focus();
    body.removeAttribute('tabindex');
  });
  const reached = [];
  for (let i = 0; i < expected.length + 5; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(checks.focusState);
    if (f.none) break;
    if (reached.includes(f.id)) break;
    reached.push(f.id);
    if (!f.visible) problems.push(`no visible focus outline on ${f.id} (${f.style})`);
    if (!f.onScreen) problems.push(`focused ${f.id} is not on screen`);
  }
  for (const id of expected) {
    if (!reached.includes(id)) problems.push(`Tab never reaches ${id}`);
  }
  return problems;
}

/**
 * Everything this suite checks on one state of one page; returns problems as text.
 * `shot` names the screenshots to take of it at 320 px; `minText` is the smallest text
 * allowed at the default size (20 px on the easy-read pages; staff pages are denser).
 */
export async function inspect({ page, cdp, state }, locale, { status = 200, shot, next, minText = 20 } = {}) {
  const problems = [];
  const add = (where, list) => { for (const p of list) problems.push(`[${where}] ${p}`); };
  await page.evaluate(() => document.fonts && document.fonts.ready);

  // The document: status and Content-Security-Policy.
  const doc = state.doc;
  if (!doc) add('http', ['no document response seen']);
  else {
    if (doc.status() !== status) add('http', [`status ${doc.status()}, expected ${status}`]);
    const csp = (await doc.allHeaders())['content-security-policy'];
    if (!csp) add('csp', ['no Content-Security-Policy header']);
    else if (/unsafe-inline|unsafe-eval/.test(csp)) add('csp', [`CSP allows unsafe code: ${csp}`]);
  }
  add('lang', await page.evaluate(checks.langDir, { lang: locale.tag, dir: locale.dir }));
  add('structure', await page.evaluate(checks.structure, { next }));

  // Desktop, default text size.
  await page.setViewportSize(DESKTOP);
  add('axe 1280px', await axe(page));
  add('text size', await page.evaluate(checks.textSize, minText));

  // A small phone, default text size.
  await page.setViewportSize(PHONE);
  add('320px', await page.evaluate(checks.noHorizontalScroll));
  add('320px', await page.evaluate(checks.nothingOutside));
  add('320px targets', await page.evaluate(checks.targetSize, 44));
  add('320px', await page.evaluate(checks.nothingCutOff));
  if (shot) {
    mkdirSync(dirname(join(SCREENSHOTS, shot)), { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${shot}.png`), fullPage: true });
  }

  // The same phone with the browser's text size doubled (pages use rem).
  await cdp.send('Page.setFontSizes', { fontSizes: DOUBLE_FONTS });
  try {
    add('320px, text 200%', await page.evaluate(checks.noHorizontalScroll));
    add('320px, text 200%', await page.evaluate(checks.nothingOutside));
    add('320px, text 200%', await page.evaluate(checks.nothingCutOff));
    add('320px, text 200% targets', await page.evaluate(checks.targetSize, 44));
    add('axe 320px, text 200%', await axe(page));
    if (shot) {
      // A full-page screenshot would put the default text size back: make the window tall instead.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: PHONE.width, height });
      await page.screenshot({ path: join(SCREENSHOTS, `${shot}-text-200.png`) });
      await page.setViewportSize(PHONE);
    }
  } finally {
    await cdp.send('Page.setFontSizes', { fontSizes: DEFAULT_FONTS });
  }

  // The same phone with the root font size set to 200% (as a reader's own style sheet or
  // zoom-text setting does it, rather than the browser's default size).
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  try {
    add('320px, root 200%', await page.evaluate(checks.noHorizontalScroll));
    add('320px, root 200%', await page.evaluate(checks.nothingOutside));
    add('320px, root 200%', await page.evaluate(checks.nothingCutOff));
    add('320px, root 200% targets', await page.evaluate(checks.targetSize, 44));
  } finally {
    await page.evaluate(() => { document.documentElement.style.removeProperty('font-size'); });
  }

  // Keyboard focus: last, as it moves focus about.
  add('focus 320px', await tabThrough(page));
  await page.setViewportSize(DESKTOP);

  add('console', state.events.splice(0));
  return problems;
}
