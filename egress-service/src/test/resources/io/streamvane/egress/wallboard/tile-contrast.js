// WCAG 2 contrast of every piece of text in every tile against the tile's own background, as the browser computes
// both (getComputedStyle), grouped by the tile's alert level. Run by WallboardBrowserTest as a WebDriver script.
// Returns { <level>: { tiles, lowest, what } }: how many tiles have that level, the lowest ratio among their texts,
// and which text that is.
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
const opaque = (css) => !/rgba\(.*,\s*0?\.\d+\)|transparent/.test(css);

const result = {};
for (const tile of document.querySelectorAll('#tiles .tile')) {
  const level = tile.dataset.level;
  const background = getComputedStyle(tile).backgroundColor;
  const entry = result[level] ?? (result[level] = { tiles: 0, lowest: Infinity, what: null });
  entry.tiles += 1;
  if (!opaque(background)) {
    entry.lowest = 0;
    entry.what = `${tile.dataset.key}: background ${background} is not opaque`;
    continue;
  }
  for (const el of tile.querySelectorAll('header .name, header .media, header .sl-badge, .tile-status, '
    + '.metric .label, .metric .value, .metric .sub')) {
    if (el.textContent.trim() === '') continue;
    const ratio = contrast(getComputedStyle(el).color, background);
    if (ratio < entry.lowest) {
      entry.lowest = ratio;
      entry.what = `${tile.dataset.key}: "${el.textContent.trim()}" ${getComputedStyle(el).color} on ${background}`;
    }
  }
}
return result;
