// The staff pages in real headless Chromium against the real `heard serve`: sign-in (and its
// error), the start page, the coverage dashboard (plain, filtered, with a bad filter), a
// poster; the filter form with the keyboard alone; a screenshot of the dashboard.
// Run from the repository root after `cargo build`:
//   cd tests/a11y && npm ci && node --test --test-concurrency=1 staff.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHeard } from './lib/heard.mjs';
import { launch, openPage, loads, inspect, SCREENSHOTS } from './lib/browser.mjs';
import { focusState } from './lib/checks.mjs';

const EN = { tag: 'en-GB', dir: 'ltr' };
const LEAD = { email: 'lead@devon.example', password: 'a long staff password 42' };
const DASHBOARD = '/staff/c/four-cornerstones';
// Staff pages are denser than the easy-read ones: body text 18 px, tables 16 px.
const STAFF_TEXT = 16;

/**
 * Every staff page this suite checks once signed in as a lead, in order. To check another
 * staff page, add it here: `path`, and `status` (default 200) or `shot` (a screenshot name
 * at 320 px) if needed. `expect` is text the page must show, so a wrong page cannot pass.
 */
export const LEAD_PAGES = [
  { name: 'staff start page', path: '/staff', expect: 'Four Cornerstones' },
  { name: 'dashboard', path: DASHBOARD, shot: 'staff-dashboard', expect: 'more voices needed' },
  {
    name: 'filtered dashboard',
    path: `${DASHBOARD}?group=parent-carer&channel=event&from=2026-11-09&to=2026-11-30`,
    expect: 'Filtered: only responses that match',
  },
  {
    name: 'dashboard with bad filters',
    path: `${DASHBOARD}?channel=fax&from=31%2F11%2F2026`,
    status: 400,
    expect: 'Choose a channel from the list',
  },
  { name: 'poster', path: `${DASHBOARD}/poster/teignbridge`, shot: 'staff-poster', expect: 'Have your say' },
  { name: 'export page', path: `${DASHBOARD}/export`, shot: 'staff-export', expect: 'Coverage, CSV' },
  { name: 'password page', path: '/staff/password', expect: 'Change your password' },
];

/** The admin's pages, checked the same way. */
export const ADMIN_PAGES = [
  { name: 'admin page', path: '/staff/admin', shot: 'staff-admin', expect: 'Staff accounts' },
];

/** The safeguarding lead's pages; the flagged view is the first in the queue. */
export const SAFEGUARDING_PAGES = [
  { name: 'safeguarding queue', path: '/staff/safeguarding', shot: 'staff-safeguarding', expect: 'Open' },
];
const ADMIN = { email: 'admin@devon.example', password: LEAD.password };
const SAFE = { email: 'safe@devon.example', password: LEAD.password };

/** The views gathered at events, as a lead would import them: a known spread. */
function eventsCsv() {
  const rows = ['ref,area,group,date'];
  const add = (n, area, group, days) => {
    for (let i = 0; i < n; i++) {
      const day = days[i % days.length];
      rows.push(`${rows.length},${area},${group},${day}`);
    }
  };
  add(30, 'east-devon', 'parent-carer', ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24']);
  add(10, 'exeter', 'young-person', ['2026-11-12', '2026-11-26']);
  add(2, 'torridge', 'child', ['2026-11-19']);
  add(2, 'outside-devon', 'professional', ['2026-11-20']);
  return rows.join('\n') + '\n';
}

let heard;
let browser;

before(async () => {
  heard = await startHeard();
  heard.run(['staff', 'add', '--email', LEAD.email, '--role', 'lead'], { input: `${LEAD.password}\n` });
  heard.run(['staff', 'add', '--email', 'safe@devon.example', '--role', 'safeguarding'], { input: `${LEAD.password}\n` });
  const csv = join(heard.dir, 'events.csv');
  writeFileSync(csv, eventsCsv());
  heard.run(['import', csv, '--consultation', 'four-cornerstones']);
  heard.run(['staff', 'add', '--email', ADMIN.email, '--role', 'admin'], { input: `${LEAD.password}\n` });
  // One view whose words suggest a child is at risk, for the safeguarding queue.
  const flagged = join(heard.dir, 'flagged.csv');
  writeFileSync(flagged, 'ref,area,group,better-together\nf1,prefer-not-to-say,young-person,my dad hits me when he is angry\n');
  heard.run(['import', flagged, '--consultation', 'four-cornerstones']);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await heard?.stop();
});

const fail = (problems) => assert.equal(problems.length, 0, `\n${problems.join('\n')}\n`);

/** Signs in through the form, as a person would. */
async function signIn(page, { email = LEAD.email, password = LEAD.password } = {}) {
  await page.goto(`${heard.base}/staff/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await loads(page, () => page.click('form[action="/staff/sign-in"] button[type=submit]'));
}

test('sign-in page and its error: axe, 320 px, text 200%, focus, targets, CSP', { timeout: 120_000 }, async () => {
  const p = await openPage(browser);
  const problems = [];
  try {
    await p.page.goto(`${heard.base}/staff/sign-in`);
    for (const x of await inspect(p, EN, { minText: STAFF_TEXT, shot: 'staff-sign-in' })) problems.push(`sign-in: ${x}`);
    await signIn(p.page, { password: 'not the password at all' });
    assert.equal(p.state.doc.status(), 401);
    assert.match(await p.page.innerText('.error-summary'), /not right/);
    for (const x of await inspect(p, EN, { status: 401, minText: STAFF_TEXT })) problems.push(`sign-in, wrong password: ${x}`);
  } finally {
    await p.context.close();
  }
  fail(problems);
});

test('a lead\'s pages: axe, 320 px, text 200%, focus, targets, CSP', { timeout: 300_000 }, async () => {
  const p = await openPage(browser);
  const { page } = p;
  const problems = [];
  try {
    await signIn(page);
    assert.equal(new URL(page.url()).pathname, '/staff', 'signed in, at the start page');
    for (const { name, path, status = 200, shot, expect } of LEAD_PAGES) {
      await page.goto(heard.base + path);
      if (expect) assert.ok((await page.innerText('main')).includes(expect), `${name} shows "${expect}"`);
      for (const x of await inspect(p, EN, { status, shot, minText: STAFF_TEXT })) problems.push(`${name}: ${x}`);
    }
  } finally {
    await p.context.close();
  }
  fail(problems);
});

/** Signs in as `who` and inspects each of `pages`, then any `more` pages it finds. */
async function inspectPages(who, pages, more = async () => []) {
  const p = await openPage(browser);
  const { page } = p;
  const problems = [];
  try {
    await signIn(page, who);
    for (const { name, path, status = 200, shot, expect } of [...pages, ...(await more(page))]) {
      await page.goto(heard.base + path);
      assert.equal(p.state.doc.status(), status, `${name} answers ${status}`);
      if (expect) assert.ok((await page.innerText('main')).includes(expect), `${name} shows "${expect}"`);
      for (const x of await inspect(p, EN, { status, shot, minText: STAFF_TEXT })) problems.push(`${name}: ${x}`);
    }
  } finally {
    await p.context.close();
  }
  fail(problems);
}

test('an admin\'s pages, and the add-staff form with an error: axe, 320 px, text 200%, focus, targets', { timeout: 180_000 }, async () => {
  await inspectPages(ADMIN, ADMIN_PAGES);
  const p = await openPage(browser);
  const problems = [];
  try {
    await signIn(p.page, ADMIN);
    await p.page.goto(`${heard.base}/staff/admin`);
    await p.page.fill('#staff-email', 'new.lead@devon.example');
    await p.page.fill('#staff-password', 'short');
    await loads(p.page, () => p.page.click('form[action="/staff/admin/staff"] button[type=submit]'));
    assert.equal(p.state.doc.status(), 422);
    assert.match(await p.page.innerText('.error-summary'), /at least 12 characters/);
    for (const x of await inspect(p, EN, { status: 422, minText: STAFF_TEXT })) problems.push(`admin, add-staff error: ${x}`);
  } finally {
    await p.context.close();
  }
  fail(problems);
});

test('the safeguarding queue and a flagged view: axe, 320 px, text 200%, focus, targets', { timeout: 180_000 }, async () => {
  await inspectPages(SAFE, SAFEGUARDING_PAGES, async (page) => {
    await page.goto(`${heard.base}/staff/safeguarding`);
    const href = await page.locator('main a[href^="/staff/safeguarding/"]').first().getAttribute('href');
    assert.ok(href, 'the flagged view is in the queue');
    return [{ name: 'flagged view', path: href, shot: 'staff-flag', expect: 'hits' }];
  });
});

test('the dashboard shows the known spread, its pictures load, and a screenshot is saved', { timeout: 60_000 }, async () => {
  const p = await openPage(browser);
  const { page } = p;
  try {
    await signIn(page);
    await page.goto(heard.base + DASHBOARD);
    const main = await page.innerText('main');
    assert.match(main, /42 responses from Devon districts/);
    // Under-represented first, each with its link, QR code and poster.
    const first = page.locator('.outreach-item').first();
    assert.match(await first.innerText(), /more voices needed/);
    assert.match(await first.locator('.outreach-link a').getAttribute('href'), /\/c\/four-cornerstones\?area=[a-z-]+&via=outreach-link$/);
    for (const img of await page.locator('img.qr').all()) {
      assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 0), 'a QR code loads');
    }
    assert.equal(await page.locator('svg.map[role=img] path[data-area="east-devon"]').count(), 1);
    assert.equal(await page.locator('svg.chart[role=img]').count(), 2, 'the ratio chart and the trend');
    assert.deepEqual(p.state.events, [], 'no CSP errors, script errors or failed loads');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'staff-dashboard-desktop.png'), fullPage: true });
    await page.goto(`${heard.base}${DASHBOARD}/poster/teignbridge`);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SCREENSHOTS, 'staff-poster-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  } finally {
    await p.context.close();
  }
});

test('the safeguarding role gets 403 on the dashboard', { timeout: 60_000 }, async () => {
  const p = await openPage(browser);
  try {
    await signIn(p.page, { email: 'safe@devon.example' });
    await p.page.goto(heard.base + DASHBOARD);
    assert.equal(p.state.doc.status(), 403);
  } finally {
    await p.context.close();
  }
});

/** Presses Tab until focus is on `selector`, checking each stop shows its focus. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusState);
    if (!f.none) assert.ok(f.visible, `focus is not visible on ${f.id}: ${f.style}`);
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the filter form with the keyboard alone', { timeout: 90_000 }, async () => {
  const p = await openPage(browser, { javaScript: false });
  const { page } = p;
  try {
    await signIn(page);
    await page.goto(heard.base + DASHBOARD);
    // The "On this page" link to the filters, then into the form.
    await tabTo(page, 'a[href="#filters"]');
    await page.keyboard.press('Enter');
    await tabTo(page, '#group');
    // Arrow keys change a closed list's choice: Any group, Children, Young people, Parent carers.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.inputValue('#group'), 'parent-carer');
    await tabTo(page, '#from');
    await page.keyboard.type('2026-11-09');
    assert.equal(await page.inputValue('#from'), '2026-11-09');
    await tabTo(page, 'form.filters button[type=submit]');
    await loads(page, () => page.keyboard.press('Enter'));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('group'), 'parent-carer');
    assert.equal(url.searchParams.get('from'), '2026-11-09');
    const main = await page.innerText('main');
    assert.match(main, /Filtered: only responses that match/);
    // East Devon's parent carers from 9 November: the last three of its four event days.
    assert.match(main, /22 responses from Devon districts/);
    // Clear, with the keyboard too.
    await tabTo(page, 'form.filters a.button');
    await loads(page, () => page.keyboard.press('Enter'));
    assert.equal(new URL(page.url()).search, '');
    assert.match(await page.innerText('main'), /42 responses from Devon districts/);
  } finally {
    await p.context.close();
  }
});
