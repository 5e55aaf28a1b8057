// Checks run inside the page (page.evaluate). Each returns a list of problems in words;
// an empty list is a pass. They share helpers through a string so each stays self-contained.

const HELPERS = `
  const describe = (el) => {
    if (!el || el.nodeType !== 1) return String(el);
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList.length) s += '.' + [...el.classList].join('.');
    for (const a of ['name', 'value', 'href', 'type']) {
      if (el.hasAttribute(a) && !(a === 'type' && el.tagName !== 'INPUT')) s += '[' + a + '=' + JSON.stringify(el.getAttribute(a)) + ']';
    }
    const text = (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return text ? s + ' "' + text + '"' : s;
  };
  const hiddenByDesign = (el) => !!el.closest('.visually-hidden');
  const rendered = (el) => {
    if (hiddenByDesign(el)) return false;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const offscreen = (el) => {
    const r = el.getBoundingClientRect();
    return r.right <= 0 || r.left >= document.documentElement.clientWidth;
  };
  /** Inside a keyboard-focusable region that scrolls sideways on its own (a wide data
   *  table, WCAG 1.4.10's exception for two-dimensional layout): the page does not scroll,
   *  the region does, so its content may lie past the window. */
  const inScrollRegion = (el) => {
    const region = el.parentElement && el.parentElement.closest('[role=region][tabindex="0"]');
    return !!region && /auto|scroll/.test(getComputedStyle(region).overflowX);
  };
  /** Text inside one SVG picture (role=img): it has a text alternative and the figures are
   *  in a table too; its size is the picture's, not the text size. */
  const inPicture = (el) => !!el.closest('svg[role=img]');
  const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  /** Interactive targets; a radio button counts as its label (the input lies over it). */
  const targets = () => {
    const out = [];
    for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), textarea, select, summary')) {
      if (el.matches('input[type=radio], input[type=checkbox]')) {
        const label = el.labels && el.labels[0];
        if (label) { out.push({ el: label, control: el }); continue; }
      }
      out.push({ el, control: el });
    }
    return out.filter((t) => rendered(t.el) && !offscreen(t.el));
  };
  /** A link inside a sentence: WCAG 2.5.8's inline exception. */
  const inlineInText = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const parent = el.parentElement;
    return parent && parent.textContent.replace(el.textContent, '').trim().length > 0;
  };
`;

const fn = (body) => new Function('arg', `${HELPERS}\n${body}`);

/** <html lang dir> match the locale. */
export const langDir = fn(`
  const { lang, dir } = arg;
  const html = document.documentElement;
  const problems = [];
  if (html.getAttribute('lang') !== lang) problems.push('<html lang="' + html.getAttribute('lang') + '">, expected "' + lang + '"');
  if (html.getAttribute('dir') !== dir) problems.push('<html dir="' + html.getAttribute('dir') + '">, expected "' + dir + '"');
  return problems;
`);

/** Body text at least `min` px; every rendered element with text of its own too. */
export const textSize = fn(`
  const min = arg;
  const problems = [];
  const body = parseFloat(getComputedStyle(document.body).fontSize);
  if (body < min) problems.push('body text is ' + body + 'px, under ' + min + 'px');
  for (const el of document.body.querySelectorAll('*')) {
    if (!ownText(el) || !rendered(el) || el.closest('.skip-link') || inPicture(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < min) problems.push(describe(el) + ': text is ' + size + 'px, under ' + min + 'px');
  }
  return problems;
`);

/** Links that are always a target of their own, never "a word in a sentence": the language
 *  links, the footer, "Back", the links on message and error pages, the error summary's
 *  link and the numbers to call. */
export const BIG_LINKS = '.languages a, .site-footer a, .back a, .links a, .error-summary a, a[href^="tel:"]';

/** Radio labels, buttons, fields and links not inside a sentence (and every link in
 *  BIG_LINKS, wherever it is): at least 44 by 44. */
export const targetSize = fn(`
  const min = arg;
  const problems = [];
  const big = ${JSON.stringify(BIG_LINKS)};
  for (const { el } of targets()) {
    if (inlineInText(el) && !el.matches(big)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < min - 0.5 || r.height < min - 0.5) {
      problems.push(describe(el) + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' px, under ' + min + 'x' + min);
    }
  }
  return problems;
`);

/** No horizontal scrolling: the page is no wider than the window (innerWidth) nor than
 *  the space inside any scrollbar (clientWidth). */
export const noHorizontalScroll = fn(`
  const d = document.documentElement;
  if (d.scrollWidth <= d.clientWidth && d.scrollWidth <= innerWidth) return [];
  const wide = [...document.body.querySelectorAll('*')]
    .filter((el) => rendered(el) && el.getBoundingClientRect().right > d.clientWidth + 0.5 && !el.closest('.skip-link'))
    .filter((el, _, all) => !all.includes(el.parentElement))
    .slice(0, 5)
    .map((el) => describe(el) + ' reaches ' + Math.round(el.getBoundingClientRect().right) + 'px');
  // In right-to-left pages overflow runs to the left.
  const wideL = [...document.body.querySelectorAll('*')]
    .filter((el) => rendered(el) && el.getBoundingClientRect().left < -0.5 && !el.closest('.skip-link'))
    .slice(0, 5)
    .map((el) => describe(el) + ' starts at ' + Math.round(el.getBoundingClientRect().left) + 'px');
  return ['scrolls sideways: scrollWidth ' + d.scrollWidth + ' > clientWidth ' + d.clientWidth + ' / innerWidth ' + innerWidth + (wide.length || wideL.length ? ' (' + wide.concat(wideL).join('; ') + ')' : '')];
`);

/** No element reaches past either side of the window, even where nothing scrolls (an
 *  ancestor's overflow could hide it). Reports the outermost such elements. */
export const nothingOutside = fn(`
  const vw = Math.min(document.documentElement.clientWidth, innerWidth);
  const out = (el) => {
    const r = el.getBoundingClientRect();
    return r.left < -0.5 || r.right > vw + 0.5;
  };
  return [...document.body.querySelectorAll('*')]
    .filter((el) => rendered(el) && !el.closest('.skip-link') && !inScrollRegion(el) && out(el))
    .filter((el, _, all) => !all.includes(el.parentElement))
    .slice(0, 5)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return describe(el) + ' overflows the window (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw + ')';
    });
`);

/** What a review found and axe does not check:
 *  - every aria-describedby / aria-labelledby is non-empty and names elements that exist;
 *  - nothing interactive inside a <legend> (the "Read this to me" button goes before the form);
 *  - a number to call is a tel: link in dir="ltr", so right-to-left text does not reorder its
 *    digits, its digits are the link's, and it has a phone picture beside it;
 *  - pictures marked .mirror (they point the way you read) are turned round in right-to-left
 *    pages and only there, and the "skip" picture is one of them;
 *  - the page names an icon (no favicon 404);
 *  - the language links go to /language/TAG?next=PATH, PATH this page's own (`arg.next`, for
 *    error pages "/") or any local path. */
export const structure = fn(`
  const problems = [];
  for (const attr of ['aria-describedby', 'aria-labelledby']) {
    for (const el of document.querySelectorAll('[' + attr + ']')) {
      const ids = el.getAttribute(attr).trim().split(/\\s+/).filter(Boolean);
      if (!ids.length) problems.push(describe(el) + ' has an empty ' + attr);
      for (const id of ids) if (!document.getElementById(id)) problems.push(describe(el) + ' ' + attr + ' names #' + id + ', which is not on the page');
    }
  }
  for (const el of document.querySelectorAll('legend a, legend button, legend input, legend select, legend textarea, legend [tabindex], label button, label a')) {
    problems.push(describe(el) + ' is interactive and inside a ' + (el.closest('legend') ? 'legend' : 'label'));
  }
  const read = document.querySelector('.read-aloud');
  if (read) {
    if (read.closest('form, legend, label, h1')) problems.push('the "Read this to me" button is inside ' + describe(read.closest('form, legend, label, h1')));
    const form = document.querySelector('main form');
    const h1 = document.querySelector('main h1');
    if (form && form.contains(h1) && !(read.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING)) {
      problems.push('the "Read this to me" button is not before the form of the question');
    }
  }
  for (const a of document.querySelectorAll('a[href^="tel:"]')) {
    if (!a.closest('[dir=ltr]') || a.closest('[dir]') === document.documentElement) problems.push(describe(a) + ' is not marked dir="ltr"');
    if (getComputedStyle(a).direction !== 'ltr') problems.push(describe(a) + ' is laid out ' + getComputedStyle(a).direction);
    const point = a.closest('.point');
    if (point && !point.querySelector('img[src$="/phone.svg"]')) problems.push(describe(a) + ' has no phone picture beside it');
    if (a.textContent.replace(/\\D/g, '') !== a.getAttribute('href').slice(4).replace(/\\D/g, '')) problems.push(describe(a) + ': its words and its number differ');
  }
  const rtl = document.documentElement.dir === 'rtl';
  for (const img of document.querySelectorAll('img')) {
    const src = img.getAttribute('src') || '';
    if (/\\/skip\\.svg$/.test(src) && !img.classList.contains('mirror')) problems.push(describe(img) + ' src=' + src + ' points the way you read but is not .mirror');
    if (!img.classList.contains('mirror') || !rendered(img)) continue;
    const t = getComputedStyle(img).transform;
    const flipped = t.startsWith('matrix(-1');
    if (rtl && !flipped) problems.push(src + ' is not mirrored in a right-to-left page (transform ' + t + ')');
    if (!rtl && t !== 'none') problems.push(src + ' is turned (transform ' + t + ') in a left-to-right page');
  }
  if (!document.querySelector('link[rel~=icon][href]')) problems.push('no <link rel=icon>');
  for (const a of document.querySelectorAll('nav.languages a[hreflang]')) {
    const url = new URL(a.href);
    const next = url.searchParams.get('next');
    if (url.origin !== location.origin || url.pathname !== '/language/' + a.hreflang) problems.push(describe(a) + ' does not go to /language/' + a.hreflang);
    else if (!next || !next.startsWith('/') || next.startsWith('//')) problems.push(describe(a) + ' has no local page to come back to');
    else if (arg && arg.next && next !== arg.next) problems.push(describe(a) + ' comes back to ' + next + ', expected ' + arg.next);
  }
  return problems;
`);

/** Nothing cut off: no clipped text, no text outside its own box or the screen,
 *  no two interactive targets over each other. */
export const nothingCutOff = fn(`
  const problems = [];
  const vw = document.documentElement.clientWidth;
  for (const el of document.body.querySelectorAll('*')) {
    if (!rendered(el) || el.closest('.skip-link') || inPicture(el)) continue;
    const cs = getComputedStyle(el);
    const clips = /hidden|clip/.test(cs.overflowX + ' ' + cs.overflowY);
    const boxed = cs.display !== 'inline' && cs.display !== 'contents';
    const textual = ownText(el) || el.matches('a, button, label, legend, h1, h2, h3, p, li, dt, dd');
    // A text field scrolls its own value as the caret moves: nothing in it is lost.
    const field = el.matches('input, textarea, select');
    if (clips && !field && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
      problems.push(describe(el) + ' cuts off its content (' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight + ')');
    } else if (boxed && textual && el.tagName !== 'TEXTAREA' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
      problems.push(describe(el) + ': text runs out of its box (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
    }
    if (ownText(el) && !inScrollRegion(el)) {
      for (const r of el.getClientRects()) {
        if (r.width && (r.left < -0.5 || r.right > vw + 0.5)) {
          problems.push(describe(el) + ': text outside the screen (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw + ')');
          break;
        }
      }
    }
  }
  const ts = targets();
  for (let i = 0; i < ts.length; i++) {
    for (let j = i + 1; j < ts.length; j++) {
      const a = ts[i].el, b = ts[j].el;
      if (a.contains(b) || b.contains(a)) continue;
      // A link that wraps onto two lines is two boxes, not the rectangle around both.
      let worst = null;
      for (const ra of a.getClientRects()) {
        for (const rb of b.getClientRects()) {
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 1 && h > 1 && (!worst || w * h > worst[0] * worst[1])) worst = [w, h];
        }
      }
      if (worst) problems.push(describe(a) + ' overlaps ' + describe(b) + ' by ' + Math.round(worst[0]) + 'x' + Math.round(worst[1]) + ' px');
    }
  }
  return problems;
`);

/** Every element that can take keyboard focus, as tabbing should reach them: one stop per radio group. */
export const tabStops = fn(`
  const seen = new Set();
  const out = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), textarea, select, summary, [tabindex]:not([tabindex="-1"])')) {
    if (el.disabled) continue;
    if (el.matches('input[type=radio]')) {
      if (seen.has(el.name)) continue;
      seen.add(el.name);
      out.push('radio group ' + el.name);
      continue;
    }
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    out.push(describe(el));
  }
  return out;
`);

/** The focused element, whether its focus is plain to see, and whether it is on screen. */
export const focusState = fn(`
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { none: true };
  const id = el.matches('input[type=radio]') ? 'radio group ' + el.name : describe(el);
  // A radio button is invisible over its label: the label shows the focus.
  const shown = el.matches('input[type=radio]') && el.labels && el.labels[0] ? el.labels[0] : el;
  const cs = getComputedStyle(shown);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
  const r = shown.getBoundingClientRect();
  const onScreen = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < document.documentElement.clientWidth;
  return {
    id,
    visible: outline,
    style: cs.outlineStyle + ' ' + cs.outlineWidth + ' ' + cs.outlineColor + ' / box-shadow ' + cs.boxShadow,
    onScreen,
  };
`);
