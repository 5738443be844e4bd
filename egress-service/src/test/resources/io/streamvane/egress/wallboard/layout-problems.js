// What is wrong with the wallboard's layout as drawn now, one sentence per problem; none when everything fits.
// Run by WallboardBrowserTest as a WebDriver script (the body of a function): it reads boxes and styles only.
// arguments[0]: the smallest font size, in CSS px, a value may have (0 for none).
const minValuePx = arguments[0];
const problems = [];
const EPS = 0.5; // sub-pixel rounding of boxes

const fmt = (r) => `${Math.round(r.left)}..${Math.round(r.right)} x ${Math.round(r.top)}..${Math.round(r.bottom)}`;
const inside = (a, b) => a.left >= b.left - EPS && a.right <= b.right + EPS && a.top >= b.top - EPS
  && a.bottom <= b.bottom + EPS;
const overlap = (a, b) => a.left < b.right - EPS && b.left < a.right - EPS && a.top < b.bottom - EPS
  && b.top < a.bottom - EPS;
const range = (el) => { const r = document.createRange(); r.selectNodeContents(el); return r; };
// Where an element's text is drawn: across, as far as the text goes, which may be out of the element's box (text that
// does not fit); down, its line boxes, since a font's ascent and descent may exceed the line height a little.
const textBox = (el) => {
  const across = range(el).getBoundingClientRect();
  const down = el.getBoundingClientRect();
  return { left: across.left, right: across.right, top: down.top, bottom: down.bottom };
};
const lines = (el) => new Set([...range(el).getClientRects()].filter((r) => r.width > 0)
  .map((r) => Math.round(r.top))).size;
const text = (el) => el.textContent.trim();

// WCAG 2 contrast ratio of two computed colours ("rgb(r, g, b)").
const luminance = (css) => {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (fg, bg) => {
  const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
};

if (document.documentElement.scrollWidth > window.innerWidth) {
  problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a`
    + ` ${window.innerWidth} px window`);
}
const bar = [...document.querySelectorAll('.bar h1, .bar .pill')].map((el) => ({ el, box: textBox(el) }));
bar.forEach((a, i) => bar.slice(i + 1).filter((b) => overlap(a.box, b.box)).forEach((b) =>
  problems.push(`header: "${text(a.el)}" (${fmt(a.box)}) overlaps "${text(b.el)}" (${fmt(b.box)})`)));

const tiles = [...document.querySelectorAll('#tiles .tile')];
tiles.forEach((a, i) => tiles.slice(i + 1).filter((b) => overlap(a.getBoundingClientRect(), b.getBoundingClientRect()))
  .forEach((b) => problems.push(`tile ${a.dataset.key} overlaps tile ${b.dataset.key}`)));

for (const tile of tiles) {
  const say = (what) => problems.push(`${tile.dataset.key}: ${what}`);
  const tileBox = tile.getBoundingClientRect();
  for (const part of tile.children) {
    const box = part.getBoundingClientRect();
    const called = [part.localName, ...part.classList].join('.');
    if (!inside(box, tileBox)) say(`its ${called} (${fmt(box)}) sticks out of the tile (${fmt(tileBox)})`);
  }
  const background = getComputedStyle(tile).backgroundColor;
  const drawn = []; // { what, el, box } of every piece of text in the tile, as drawn

  const name = tile.querySelector('h2 .name');
  if (!name) {
    say('no element for the queue name (h2 .name)');
  } else {
    if (name.title !== name.textContent) {
      say(`the queue name's title is "${name.title}", not the full name "${name.textContent}"`);
    }
    const style = getComputedStyle(name);
    if (name.scrollWidth > name.clientWidth && (style.overflowX !== 'hidden' || style.textOverflow !== 'ellipsis')) {
      say(`the queue name is ${name.scrollWidth} px wide in ${name.clientWidth} px and does not end in an ellipsis`);
    }
    // Clipped to its box by design: the box is what is drawn.
    drawn.push({ what: 'queue name', el: name, box: name.getBoundingClientRect() });
  }
  for (const el of tile.querySelectorAll('header .media, header .sl-badge')) {
    drawn.push({ what: el.classList.contains('media') ? 'media type' : 'SL badge', el, box: textBox(el) });
  }
  const status = tile.querySelector('.tile-status');
  if (!status || text(status) === '') {
    say('no status text (.tile-status)');
  } else {
    drawn.push({ what: `status "${text(status)}"`, el: status, box: textBox(status) });
    if (status.dataset.level !== tile.dataset.level) {
      say(`the status says level "${status.dataset.level}", the tile is "${tile.dataset.level}"`);
    }
  }

  const cells = [...tile.querySelectorAll('.metric')];
  for (const cell of cells) {
    const cellBox = cell.getBoundingClientRect();
    const label = cell.querySelector('.label');
    const value = cell.querySelector('.value');
    const called = `"${label ? text(label) : '?'}"`;
    if (!inside(cellBox, tileBox)) say(`the ${called} cell (${fmt(cellBox)}) sticks out of the tile (${fmt(tileBox)})`);
    const parts = [['label', label], ['value', value], ...[...cell.querySelectorAll('.sub')].map((s) => ['note', s])];
    for (const [kind, el] of parts) {
      if (!el) {
        say(`the ${called} cell has no ${kind}`);
        continue;
      }
      if (text(el) === '') continue; // draws nothing
      const what = `${kind} "${text(el)}" of ${called}`;
      const box = textBox(el);
      drawn.push({ what, el, box });
      if (el.scrollWidth > el.clientWidth) say(`${what} is cut: ${el.scrollWidth} px wide in ${el.clientWidth} px`);
      if (!inside(box, cellBox)) say(`${what} (${fmt(box)}) sticks out of its cell (${fmt(cellBox)})`);
      if (kind !== 'note' && lines(el) > 1) say(`${what} wraps onto ${lines(el)} lines`);
    }
    if (label && value) {
      const labelPx = parseFloat(getComputedStyle(label).fontSize);
      const valuePx = parseFloat(getComputedStyle(value).fontSize);
      if (valuePx < 1.5 * labelPx) {
        say(`value "${text(value)}" (${valuePx} px) is not 1.5 times its label (${labelPx} px)`);
      }
      if (valuePx < minValuePx) say(`value "${text(value)}" is ${valuePx} px, under ${minValuePx} px`);
    }
    // State in words, not only colour: a coloured SL value says which side of the target it is.
    const sl = value?.dataset.sl;
    const words = { good: '✓ on target', bad: '▼ below target' }[sl];
    if (words && !cell.textContent.includes(words)) say(`${called} says "${sl}" but not "${words}"`);
    // A warning or critical value is marked in words and an icon, which a screen reader is given too.
    const level = value?.dataset.level;
    if (level === 'warning' || level === 'critical') {
      const marker = cell.querySelector(`.alert[data-level="${level}"]`);
      const icon = { warning: '●', critical: '▲' }[level];
      if (!marker || !text(marker).includes(`${icon} ${level}`)) {
        say(`${called} is coloured "${level}" but does not say "${icon} ${level}"`);
      } else if (!(marker.getAttribute('aria-label') || '').includes(level)) {
        say(`${called}'s "${level}" marker has no aria-label naming it`);
      }
    }
  }
  if (cells.length === 0) say('no metric cells (.metric)');

  for (const d of drawn) {
    if (!inside(d.box, tileBox)) say(`${d.what} (${fmt(d.box)}) sticks out of the tile (${fmt(tileBox)})`);
    const ratio = contrast(getComputedStyle(d.el).color, background);
    if (ratio < 4.5) say(`${d.what} has contrast ${ratio.toFixed(2)}:1 on the tile, under 4.5:1 (WCAG AA)`);
  }
  drawn.forEach((a, i) => drawn.slice(i + 1).filter((b) => overlap(a.box, b.box)).forEach((b) =>
    say(`${a.what} (${fmt(a.box)}) overlaps ${b.what} (${fmt(b.box)})`)));

  const chart = tile.querySelector('svg.chart');
  if (chart) {
    const chartBox = chart.getBoundingClientRect();
    for (const t of chart.querySelectorAll('text')) {
      const box = t.getBoundingClientRect();
      if (!inside(box, chartBox)) say(`chart text "${text(t)}" (${fmt(box)}) is cut by the chart (${fmt(chartBox)})`);
    }
  }
}
// The agent board: cards side by side without overlapping; in each, every text inside the card, none over another, on
// one line, with AA contrast; the name and the detail may end in "…" (their title says it all), the time in state and
// the state in words are never cut; not responding says so with its icon.
const cards = [...document.querySelectorAll('#agents .agent')];
const boxes = cards.map((c) => c.getBoundingClientRect());
cards.forEach((a, i) => cards.slice(i + 1).forEach((b, j) => {
  if (overlap(boxes[i], boxes[i + 1 + j])) problems.push(`agent card ${a.dataset.user} overlaps ${b.dataset.user}`);
}));
cards.forEach((card, i) => {
  const say = (what) => problems.push(`agent ${card.dataset.user}: ${what}`);
  const background = getComputedStyle(card).backgroundColor;
  const spans = [...card.querySelectorAll('span')].map((el) => ({ el, box: el.getBoundingClientRect(),
    what: `${el.className} "${text(el)}"` }));
  for (const s of spans) {
    const style = getComputedStyle(s.el);
    const cut = s.el.scrollWidth > s.el.clientWidth + EPS;
    if (!inside(s.box, boxes[i])) say(`${s.what} (${fmt(s.box)}) sticks out of the card (${fmt(boxes[i])})`);
    if (cut && (style.textOverflow !== 'ellipsis' || s.el.title !== s.el.textContent)) {
      say(`${s.what} is cut without an ellipsis and its full text in the title`);
    }
    if (cut && /agent-(time|state)/.test(s.el.className)) say(`${s.what} is cut`);
    if (text(s.el) && lines(s.el) > 1) say(`${s.what} wraps onto ${lines(s.el)} lines`);
    if (text(s.el) && contrast(style.color, background) < 4.5) {
      say(`${s.what} has contrast ${contrast(style.color, background).toFixed(2)}:1, under 4.5:1`);
    }
  }
  spans.forEach((a, k) => spans.slice(k + 1).filter((b) => overlap(a.box, b.box)).forEach((b) =>
    say(`${a.what} (${fmt(a.box)}) overlaps ${b.what} (${fmt(b.box)})`)));
  const state = card.querySelector('.agent-state');
  if (!state || !text(state)) say('no state in words (.agent-state)');
  if (card.dataset.level === 'critical' && !(state && text(state).startsWith('▲'))) say('critical without its icon');
});
return problems;
