// Streamvane live wallboard: one EventSource on ./stream; the server pushes a full "snapshot" on connect and
// "update"s (changed tiles only) after each committed change. No numbers are computed here: the page formats
// what the API's readers produced and only counts seconds locally (longest wait, freshness) between pushes.

const tiles = new Map();         // key -> tile as sent by the server
const agents = new Map();        // userId -> agent as sent by the server (everyone logged in)
let header = null;               // id, asOf, day, newestEventTime of the latest push
let receivedAt = 0;              // performance.now() at the latest push
let tileReceivedAt = new Map();  // key -> performance.now() when that tile last arrived
let source = null;
let failures = 0;               // connection attempts failed in a row, for the back-off

// Queue groups (streamvane.egress.wallboard.groups): ?group=<name> shows one, ?tv=<seconds> rotates through them on a
// TV. The query is fine in an address: it names what to show, never a credential.
const params = new URLSearchParams(location.search);
let groups = [];                               // configured group names, from the latest full snapshot
let group = params.get('group');               // the group shown; null for every queue
const tvSeconds = Math.max(0, Number(params.get('tv')) || 0);

const $ = (id) => document.getElementById(id);
const KEY_STORE = 'streamvane.wallboard.key';

// The key arrives as #key=… (a fragment never reaches a server, a proxy log or a Referer) or from the form, is kept in
// this tab's sessionStorage, and is taken out of the address at once. It only ever travels in a header, to exchange it
// for a single-use stream token; the stream URL carries that token.
function takeKey() {
  const fragment = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fragment) {
    sessionStorage.setItem(KEY_STORE, fragment.trim());
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(KEY_STORE);
}

async function streamToken(key) {
  const response = await fetch('../api/v1/wallboard/tokens', {
    method: 'POST', headers: { 'X-API-Key': key }, cache: 'no-store', credentials: 'omit',
  });
  if (response.status === 401 || response.status === 403) return { refused: true };
  if (!response.ok) throw new Error('token request answered ' + response.status);
  return response.json();
}

function askForKey(message) {
  setConnection('closed', message);
  $('key-form').hidden = false;
}

async function connect() {
  const key = takeKey();
  if (!key) {
    askForKey('Key needed');
    return;
  }
  setConnection('connecting', header ? 'Reconnecting…' : 'Connecting…');
  let token;
  try {
    token = await streamToken(key);
  } catch (e) {
    retry();
    return;
  }
  if (token.refused) {
    sessionStorage.removeItem(KEY_STORE);
    askForKey('Key not accepted');
    return;
  }
  source = new EventSource('stream?token=' + encodeURIComponent(token.token));
  source.addEventListener('open', () => { failures = 0; setConnection('live', 'Live'); });
  source.addEventListener('snapshot', (e) => apply(JSON.parse(e.data), true));
  source.addEventListener('update', (e) => apply(JSON.parse(e.data), false));
  // A token opens one stream: the browser's own reconnect would reuse it, so every reconnect fetches a new one.
  source.addEventListener('error', () => {
    source.close();
    retry();
  });
}

function retry() {
  setConnection('connecting', 'Reconnecting…');
  failures += 1;
  setTimeout(connect, Math.min(30000, 500 * 2 ** failures));
}

function apply(message, full) {
  header = message;
  receivedAt = performance.now();
  if (full) {
    tiles.clear();
    agents.clear();
    tileReceivedAt = new Map();
    groups = message.groups || [];
    if (group && !groups.includes(group)) group = null;
    if (tvSeconds && !group && groups.length) group = groups[0];
    renderGroups();
  }
  for (const k of message.removed || []) {
    tiles.delete(k);
  }
  for (const t of message.tiles) {
    tiles.set(t.key, t);
    tileReceivedAt.set(t.key, receivedAt);
  }
  for (const u of message.removedAgents || []) agents.delete(u);
  for (const a of message.agents || []) agents.set(a.userId, a);
  render(full ? null : new Set(message.tiles.map((t) => t.key)));
  renderAgents();
  window.wallboardLastEvent = { id: message.id, full, at: Date.now() };
}

function render(changed) {
  const container = $('tiles');
  // Critical tiles first, then warning ones, then the rest; by name within each (the levels are the server's).
  const ordered = [...tiles.values()].filter((t) => !group || (t.groups || []).includes(group))
    .sort((a, b) => rank(a) - rank(b)
    || a.queueName.localeCompare(b.queueName) || a.queueId.localeCompare(b.queueId)
    || a.mediaType.localeCompare(b.mediaType));
  $('empty').hidden = ordered.length > 0;
  $('empty').textContent = group ? `No queues in ${group} yet.` : 'No queues yet: tiles appear with the first event.';
  const existing = new Map([...container.children].map((el) => [el.dataset.key, el]));
  let previous = null;
  for (const t of ordered) {
    let el = existing.get(t.key);
    existing.delete(t.key);
    if (!el || !changed || changed.has(t.key)) {
      const fresh = document.createElement('section');
      fresh.className = 'tile';
      fresh.dataset.key = t.key;
      fresh.innerHTML = tileHtml(t);
      fresh.dataset.level = level(t.level);
      fresh.setAttribute('aria-label', `${t.queueName} ${t.mediaType}: ${statusText(t)}`);
      if (el) el.replaceWith(fresh); else container.append(fresh);
      el = fresh;
    }
    if (previous ? previous.nextSibling !== el : container.firstChild !== el) {
      previous ? previous.after(el) : container.prepend(el);
    }
    previous = el;
  }
  for (const el of existing.values()) el.remove();
  tick();
}

// The group bar: every queue, then each configured group; the one shown is pressed. Hidden without groups.
function renderGroups() {
  const nav = $('groups');
  nav.hidden = groups.length === 0;
  nav.replaceChildren(...[null, ...groups].map((name) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = name ?? 'All queues';
    b.dataset.group = name ?? '';
    b.setAttribute('aria-pressed', String(name === group));
    b.addEventListener('click', () => show(name));
    return b;
  }));
  document.body.dataset.group = group ?? '';
}

function show(name) {
  group = name;
  const query = new URLSearchParams(location.search);
  if (name) query.set('group', name); else query.delete('group');
  history.replaceState(null, '', location.pathname + (query.size ? '?' + query : ''));
  renderGroups();
  render(null);
  renderAgents();
}

if (tvSeconds) {
  document.body.classList.add('tv');
  setInterval(() => {
    if (groups.length) show(groups[(groups.indexOf(group) + 1) % groups.length]);
  }, tvSeconds * 1000);
}

// How a tile or value stands against its thresholds, as the server judged it: NORMAL, WARNING or CRITICAL.
const LEVELS = {
  CRITICAL: { rank: 0, icon: '▲', word: 'critical', title: 'Critical' },
  WARNING: { rank: 1, icon: '●', word: 'warning', title: 'Warning' },
  NORMAL: { rank: 2, icon: '✓', word: 'normal', title: 'Normal' },
};
const level = (l) => (LEVELS[l] ? l : 'NORMAL').toLowerCase();
const rank = (t) => (LEVELS[t.level] ?? LEVELS.NORMAL).rank;

// The tile's alerted values (keys of tile.alerts): their labels, and how their bounds are written.
const ALERTED = [
  ['serviceLevel', 'SL now', (v) => pct(v)],
  ['waiting', 'Waiting', (v) => String(v)],
  ['longestWait', 'Longest wait', (v) => clock(v)],
  ['asa', 'ASA', (v) => clock(v)],
  ['abandonRate', 'Abandon rate', (v) => pct(v, 1)],
];

// The status line, in words: which values are critical, which a warning; never colour alone.
function statusText(t) {
  const named = (l) => ALERTED.filter(([k]) => t.alerts?.[k]?.level === l).map(([, label]) => label);
  const parts = ['CRITICAL', 'WARNING'].filter((l) => named(l).length)
    .map((l) => `${LEVELS[l].icon} ${LEVELS[l].title}: ${named(l).join(', ')}`);
  return parts.length ? parts.join(' · ') : `${LEVELS.NORMAL.icon} All within thresholds`;
}

// The marker under a warning or critical value: an icon and the word, and the bounds for a screen reader.
function alertOf(t, key) {
  const [, label, format] = ALERTED.find(([k]) => k === key);
  const a = t.alerts?.[key];
  if (!a || !LEVELS[a.level] || a.level === 'NORMAL') return null;
  const { icon, word } = LEVELS[a.level];
  return { level: level(a.level), text: `${icon} ${word}`,
    label: `${label} ${word}: warning level ${format(a.warning)}, critical level ${format(a.critical)}` };
}

function slState(sl, target) {
  if (sl === null || sl === undefined) return 'none';
  return sl >= target ? 'good' : 'bad';
}

// The SL against its target, in words and an icon (the colour belongs to the alert level).
function mark(sl, target) {
  const state = slState(sl, target);
  return state === 'good' ? '✓ on target' : state === 'bad' ? '▼ below target' : '';
}

// Three columns (wallboard.css): what is happening now, then today, then agents in a double-width cell.
function tileHtml(t) {
  const cur = t.current;
  const day = t.today;
  const target = Math.round(t.slTarget * 100);
  const state = slState(cur?.serviceLevel ?? day?.serviceLevel, t.slTarget);
  const badge = state === 'good' ? `✓ at or above ${target}% target`
    : state === 'bad' ? `▼ below ${target}% target` : `– no SL yet (target ${target}%)`;
  return `
    <header>
      <h2><span class="name" title="${esc(t.queueName)}">${esc(t.queueName)}</span>
        <span class="media">${esc(t.mediaType)}</span></h2>
      <span class="sl-badge" data-sl="${state}" data-metric="slBadge">${badge}</span>
    </header>
    <p class="tile-status" data-level="${level(t.level)}" data-metric="status">${esc(statusText(t))}</p>
    <div class="metrics">
      ${metric('Waiting', t.waiting, 'waiting', { alert: alertOf(t, 'waiting') })}
      ${metric('Longest wait', clock(t.waiting > 0 ? t.longestWaitSeconds : 0), 'longestWait', {
        alert: alertOf(t, 'longestWait') })}
      ${metric('SL now', pct(cur?.serviceLevel), 'slCurrent', {
        sl: slState(cur?.serviceLevel, t.slTarget), alert: alertOf(t, 'serviceLevel'),
        subs: [mark(cur?.serviceLevel, t.slTarget),
          (cur ? (cur.final ? 'final' : 'provisional') + ' · ' : '') + `${t.slThresholdSeconds} s`] })}
      ${metric('SL today', pct(day?.serviceLevel), 'slToday', {
        sl: slState(day?.serviceLevel, t.slTarget),
        subs: [mark(day?.serviceLevel, t.slTarget), day ? `${day.answered} of ${day.offered} answered` : ''] })}
      ${metric('ASA', clock(day?.asaSeconds), 'asa', { alert: alertOf(t, 'asa'), subs: ['today'] })}
      ${metric('AHT', clock(day?.ahtSeconds), 'aht', { subs: ['today'] })}
      ${metric('Abandon rate', pct(day?.abandonRate, 1), 'abandonRate', {
        alert: alertOf(t, 'abandonRate'), subs: [day ? `${day.abandoned} abandoned` : ''] })}
      ${metric('On queue / available', `${t.agentsOnQueue} / ${t.agentsAvailable}`, 'agents', {
        subs: [`${t.interacting} interacting`], wide: true })}
    </div>
    ${chart(t)}`;
}

function metric(label, value, name, { sl = null, alert = null, subs = [], wide = false } = {}) {
  const attrs = (sl ? ` data-sl="${sl}"` : '') + (alert ? ` data-level="${alert.level}"` : '');
  const marker = alert ? `<span class="sub alert" data-level="${alert.level}" data-alert="${name}" role="img"`
    + ` aria-label="${esc(alert.label)}" title="${esc(alert.label)}">${esc(alert.text)}</span>` : '';
  return `<div class="metric${wide ? ' wide' : ''}"><span class="label">${esc(label)}</span>`
    + `<span class="value" data-metric="${name}"${attrs}>${esc(String(value))}</span>` + marker
    + subs.filter((s) => s).map((s) => `<span class="sub">${esc(s)}</span>`).join('') + '</div>';
}

// Today's PT15M intervals: offered and answered bars on the left scale, SL% line on 0..100%, dashed target. Today is
// the local day of the queue's site (t.timeZone): 92 to 100 quarter hours across a DST change, hours on its clock.
function chart(t) {
  // Margins leave room for a four-digit scale on the left and "100%" on the right.
  const W = 480, H = 130, L = 34, R = 38, T = 8, B = 18;
  const w = W - L - R, h = H - T - B;
  const dayStart = Date.parse(t.today ? t.today.start : header.day);
  const quarters = t.today ? Math.round((Date.parse(t.today.end) - dayStart) / 900000) : 96;
  const slot = w / quarters;
  const max = Math.max(1, ...t.intervals.map((p) => p.offered), ...t.intervals.map((p) => p.answered));
  const y = (v) => T + h - (v / max) * h;
  const ySl = (v) => T + h - v * h;
  let bars = '';
  const line = [];
  for (const p of t.intervals) {
    const i = Math.round((Date.parse(p.start) - dayStart) / 900000);
    const x = L + i * slot;
    const cls = p.final ? '' : ' provisional';
    bars += `<rect class="offered${cls}" x="${x.toFixed(1)}" y="${y(p.offered).toFixed(1)}" width="${(slot * .45).toFixed(2)}" height="${(T + h - y(p.offered)).toFixed(1)}"/>`;
    bars += `<rect class="answered${cls}" x="${(x + slot * .45).toFixed(1)}" y="${y(p.answered).toFixed(1)}" width="${(slot * .45).toFixed(2)}" height="${(T + h - y(p.answered)).toFixed(1)}"/>`;
    if (p.serviceLevel !== null) line.push([x + slot / 2, ySl(p.serviceLevel)]);
  }
  const path = line.length > 1 ? `<polyline class="sl" points="${line.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>` : '';
  const dots = line.length === 1 ? `<circle class="sl-dot" cx="${line[0][0]}" cy="${line[0][1]}" r="2.5"/>` : '';
  let ticks = '';
  const hourOf = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    timeZone: t.timeZone || 'UTC' });
  for (let i = 0; i <= quarters; i++) {
    const [hr, min] = hourOf.format(new Date(dayStart + i * 900000)).split(':').map(Number);
    const label = i === quarters ? 24 : hr;
    if (min === 0 && label % 6 === 0) {
      ticks += `<text x="${L + i * slot}" y="${H - 4}" text-anchor="middle">${String(label).padStart(2, '0')}</text>`;
    }
  }
  const provisional = t.intervals.filter((p) => !p.final).length;
  const label = `Today's intervals for ${t.queueName} ${t.mediaType}: ${t.intervals.length} intervals, `
    + `${t.intervals.reduce((s, p) => s + p.offered, 0)} offered, ${provisional} provisional.`;
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}">
    <line class="axis" x1="${L}" y1="${T + h}" x2="${L + w}" y2="${T + h}"/>
    <text x="${L - 4}" y="${T + 8}" text-anchor="end">${max}</text>
    <text x="${L + w + 4}" y="${T + 8}">100%</text>
    <text x="${L + w + 4}" y="${T + h}">0%</text>
    <line class="target" x1="${L}" x2="${L + w}" y1="${ySl(t.slTarget).toFixed(1)}" y2="${ySl(t.slTarget).toFixed(1)}"/>
    ${bars}${path}${dots}${ticks}
  </svg>`;
}

// The agent board: everyone logged in, filtered by the queue chosen (or by the group shown), not responding first,
// then on an interaction, available, off queue; by name within each. Colour is never the only signal: each card says
// its state in words, not responding with an icon too.
const STATUS = {
  NOT_RESPONDING: { rank: 0, text: '▲ Not responding' },
  INTERACTING: { rank: 1, text: 'Interacting' },
  COMMUNICATING: { rank: 2, text: 'Communicating' },
  IDLE: { rank: 3, text: 'Available' },
  OFF_QUEUE: { rank: 4, text: 'Off queue' },
};
const PRESENCE = { ON_QUEUE: 'On queue', AVAILABLE: 'Available', AWAY: 'Away', BUSY: 'Busy', BREAK: 'Break',
  MEAL: 'Meal', MEETING: 'Meeting', TRAINING: 'Training', IDLE: 'Idle', OFFLINE: 'Offline' };
const statusOf = (a) => STATUS[a.routingStatus] ?? { rank: 5, text: a.routingStatus ?? 'Unknown' };
// Off queue, what counts is how long the agent has been in its presence (a break); otherwise in its routing status.
const since = (a) => (a.routingStatus === 'OFF_QUEUE' || !a.routingStatusTime ? a.presenceTime : a.routingStatusTime);

function agentQueues() {
  const chosen = $('agent-queue').value;
  if (chosen) return new Set([chosen]);
  if (!group) return null;
  return new Set([...tiles.values()].filter((t) => (t.groups || []).includes(group)).map((t) => t.queueId));
}

function renderAgents() {
  const board = $('agent-board');
  board.hidden = agents.size === 0;
  const select = $('agent-queue');
  const names = new Map(Object.entries(header?.queueNames || {}));
  for (const a of agents.values()) for (const q of a.activeQueueIds) if (!names.has(q)) names.set(q, q);
  const options = [...names].sort((x, y) => x[1].localeCompare(y[1]));
  const wanted = ['', ...options.map(([id]) => id)].join('|');
  if ([...select.options].map((o) => o.value).join('|') !== wanted) {
    const chosen = select.value;
    select.replaceChildren(new Option('All queues', ''), ...options.map(([id, name]) => new Option(name, id)));
    select.value = names.has(chosen) ? chosen : '';
  }
  const queues = agentQueues();
  const shown = [...agents.values()].filter((a) => !queues || a.activeQueueIds.some((q) => queues.has(q))
      || (a.queueId && queues.has(a.queueId)))
    .sort((x, y) => statusOf(x).rank - statusOf(y).rank || x.name.localeCompare(y.name, undefined, { numeric: true })
      || x.userId.localeCompare(y.userId));
  const counts = new Map();
  shown.forEach((a) => counts.set(statusOf(a).text, (counts.get(statusOf(a).text) || 0) + 1));
  $('agent-counts').textContent = `${shown.length} logged in` + [...counts].map(([k, n]) => ` · ${n} ${k.replace('▲ ', '').toLowerCase()}`).join('');
  const container = $('agents');
  container.replaceChildren(...shown.map((a) => {
    const el = document.createElement('article');
    el.className = 'agent';
    el.dataset.user = a.userId;
    el.dataset.status = (a.routingStatus || 'unknown').toLowerCase();
    el.dataset.level = level(a.level);
    const onInteraction = a.queueId ? `${names.get(a.queueId) ?? a.queueId} · ${a.mediaType ?? ''}` : null;
    const detail = onInteraction ?? (PRESENCE[a.presence] ?? a.presence ?? '');
    el.innerHTML = `<div class="agent-row"><span class="agent-name" title="${esc(a.name)}">${esc(a.name)}</span>`
      + `<span class="agent-time" data-metric="agentTime"></span></div>`
      + `<div class="agent-row"><span class="agent-state" data-metric="agentState">${esc(statusOf(a).text)}</span>`
      + `<span class="agent-detail" data-metric="agentDetail" title="${esc(detail)}">${esc(detail)}</span></div>`;
    el.setAttribute('aria-label', `${a.name}: ${statusOf(a).text}, ${detail}`);
    return el;
  }));
  tickAgents();
}

function tickAgents() {
  if (!header) return;
  // The state times are on the store's clock, and so is storeTime: no screen's own clock is trusted.
  const now = Date.parse(header.storeTime) + (performance.now() - receivedAt);
  for (const el of $('agents').children) {
    const a = agents.get(el.dataset.user);
    const start = a && since(a);
    el.querySelector('[data-metric="agentTime"]').textContent = start ? clock(Math.max(0, (now - Date.parse(start)) / 1000)) : '—';
  }
}

$('agent-queue').addEventListener('change', renderAgents);

// Between pushes: longest waits and the freshness age keep counting on the local monotonic clock.
function tick() {
  tickAgents();
  const now = performance.now();
  for (const [k, t] of tiles) {
    const el = document.querySelector(`[data-key="${CSS.escape(k)}"] [data-metric="longestWait"]`);
    if (el && t.waiting > 0) {
      el.textContent = clock(t.longestWaitSeconds + (now - tileReceivedAt.get(k)) / 1000);
    }
  }
  const f = $('freshness');
  if (!header || !header.newestEventTime) {
    f.dataset.state = 'none';
    f.textContent = 'No events yet';
    return;
  }
  const age = (Date.parse(header.asOf) - Date.parse(header.newestEventTime)) / 1000 + (now - receivedAt) / 1000;
  f.dataset.state = age > 120 ? 'stale' : 'fresh';
  f.textContent = `Newest event ${ago(Math.max(0, age))} ago`;
  f.title = `Newest event behind the numbers: ${header.newestEventTime}`;
}

function setConnection(state, text) {
  const c = $('connection');
  c.dataset.state = state;
  c.textContent = text;
}

// Whole percents, with one decimal where rounding would hide which side of a target the value is (79.7%, not 80%).
function pct(v, digits = 0) {
  if (v === null || v === undefined) return '—';
  const p = v * 100;
  return (Math.abs(p - Math.round(p)) < 1e-9 ? p.toFixed(digits) : p.toFixed(Math.max(digits, 1))) + '%';
}

function clock(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
}

function ago(seconds) {
  if (seconds < 90) return Math.round(seconds) + ' s';
  if (seconds < 5400) return Math.round(seconds / 60) + ' min';
  return Math.round(seconds / 3600) + ' h';
}

function esc(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

$('key-form').addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem(KEY_STORE, $('key-input').value.trim());
  $('key-input').value = '';
  $('key-form').hidden = true;
  connect();
});

setInterval(tick, 1000);
connect();
