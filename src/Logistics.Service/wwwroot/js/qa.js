// QA's page: the fleet's latest readings and open alerts, a truck's history chart, the alert list with
// acknowledgement, and excursions with the deliveries that were on board.
import { api, el, guarded, limits, number, openWithKey, plural, showError, showNote, signedInPage, siteInstant, siteTime } from './api.js';
import { renderHistory } from './historyChart.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 5000;
const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== null && v !== undefined)).toString();
/** A time field's value (the site's wall time, yyyy-mm-dd hh:mm) as an ISO-8601 UTC instant; '' when empty. */
const instant = (input, what) => siteInstant(input.value, what);
const localTime = (value) => siteTime(value);

const me = await signedInPage(['qa', 'admin']);
let openExcursion = null;

if (me) {
  const now = new Date();
  $('history-from').value = siteTime(now.getTime() - 2 * 3600_000, { seconds: false });
  $('history-to').value = siteTime(now.getTime() + 10 * 60_000, { seconds: false });
  $('history-form').addEventListener('submit', (e) => { e.preventDefault(); guarded($('history-show'), showHistory); });
  for (const id of ['alert-state', 'alert-severity']) $(id).addEventListener('change', () => guarded(null, refreshAlerts));
  $('alert-truck').addEventListener('change', () => guarded(null, refreshAlerts));
  $('alert-refresh').addEventListener('click', (e) => guarded(e.currentTarget, refreshAlerts));
  $('excursion-refresh').addEventListener('click', (e) => guarded(e.currentTarget, refreshExcursions));
  $('excursion-csv').addEventListener('click', (e) => guarded(e.currentTarget, () =>
    openWithKey(`api/excursions/${encodeURIComponent(openExcursion)}/report.csv`, { fileName: `excursion-${openExcursion}.csv` })));
  $('excursion-print').addEventListener('click', (e) => guarded(e.currentTarget, () =>
    openWithKey(`reports/excursions/${encodeURIComponent(openExcursion)}`, { newWindow: true })));
  await refreshAll();
  // Tells tests (and anyone scripting the page) that the defaults are set and the handlers attached.
  document.body.dataset.ready = 'true';
  setInterval(() => { if (!document.hidden) refreshAll(); }, REFRESH_MS);
}

async function refreshAll() {
  // Each part on its own: one failing (e.g. InfluxDB away) leaves the others current.
  await Promise.all([refreshFleet(), refreshAlerts(), refreshExcursions()].map((p) => p.catch(showError)));
}

async function refreshFleet() {
  const trucks = await api('api/telemetry/trucks');
  $('fleet-updated').textContent = `· ${plural(trucks.length, 'truck')} · ${localTime(new Date())}`;
  $('fleet-table').tBodies[0].replaceChildren(...trucks.map((t) => el('tr', {
    class: 'clickable', dataset: { truck: t.truck }, title: 'Show this truck\'s history',
    onclick: () => { $('history-truck').value = t.truck; guarded(null, showHistory); },
  },
  el('td', {}, t.truck),
  el('td', {}, localTime(t.at)),
  el('td', {}, t.sensors.map((s) => `${s.sensor} ${number(s.temperatureC, 1)} °C / ${number(s.humidityPct, 0)} %`).join(' · ')),
  el('td', {}, t.doorOpen === true ? 'open' : t.doorOpen === false ? 'closed' : ''),
  el('td', {}, t.lat !== null && t.lat !== undefined ? `${number(t.lat, 4)}, ${number(t.lon, 4)}` : ''),
  el('td', { class: t.openAlerts > 0 ? 'num alerting' : 'num' }, t.openAlerts))));
}

async function showHistory() {
  const truck = $('history-truck').value.trim();
  if (!truck) throw new Error('Type or pick a truck first.');
  const history = await api(`api/telemetry/trucks/${encodeURIComponent(truck)}/history?${query({
    from: instant($('history-from'), 'History from'), to: instant($('history-to'), 'History to'), bucket: $('history-bucket').value,
  })}`);
  const p = history.profile;
  const band = (b) => (b ? `${b.min ?? '−∞'} … ${b.max ?? '∞'}` : 'none');
  $('history-profile').textContent = `${history.truck}, profile ${p.name}: temperature warning ${band(p.temperature.warning)} °C, ` +
    `critical ${band(p.temperature.critical)} °C; humidity warning ${band(p.humidity.warning)} %, critical ${band(p.humidity.critical)} %. ` +
    `${plural(history.excursions.length, 'excursion')} in range.`;
  renderHistory($('history-charts'), history);
}

async function refreshAlerts() {
  const list = await api(`api/alerts?${query({
    state: $('alert-state').value, truck: $('alert-truck').value.trim(), severity: $('alert-severity').value, limit: 200,
  })}`);
  $('alert-total').textContent = `${plural(list.total, 'alert')}${list.total > list.items.length ? `, newest ${list.items.length} shown` : ''}`;
  const focused = document.activeElement?.closest?.('form.ack')?.dataset.alert;
  if (focused) return; // Someone is typing a comment: a refresh now would wipe it.
  $('alert-table').tBodies[0].replaceChildren(...list.items.map((a) => el('tr', { dataset: { alert: a.id, truck: a.truck } },
    el('td', {}, localTime(a.startedAt)), el('td', {}, a.truck), el('td', {}, a.sensor || ''), el('td', {}, a.kind),
    el('td', { class: `severity-${a.severity}` }, a.severity), el('td', { class: `state-${a.state}` }, a.state),
    el('td', {}, a.detail),
    // A cleared alert still wants a person's word on what was done, so it can be acknowledged too.
    el('td', {}, a.acknowledgedBy ? `${a.acknowledgedBy}: ${a.acknowledgeComment || ''}` : ackForm(a)))));
}

function ackForm(alert) {
  const input = el('input', { name: 'comment', placeholder: 'comment (what was done)', required: true, maxlength: limits().maxCommentLength });
  const button = el('button', { type: 'submit' }, 'Acknowledge');
  return el('form', {
    class: 'ack', dataset: { alert: alert.id },
    onsubmit: (event) => {
      event.preventDefault();
      guarded(button, async () => {
        await api(`api/alerts/${encodeURIComponent(alert.id)}/acknowledge`, { method: 'POST', json: { comment: input.value } });
        showNote(`Alert on ${alert.truck} acknowledged.`);
        input.blur();
        await Promise.all([refreshAlerts(), refreshFleet()]);
      });
    },
  }, input, button);
}

async function refreshExcursions() {
  const excursions = await api(`api/excursions?${query({
    truck: $('excursion-truck').value.trim(), from: instant($('excursion-from'), 'Excursions from'), to: instant($('excursion-to'), 'Excursions to'),
  })}`);
  $('excursion-table').tBodies[0].replaceChildren(...excursions.map((x) => el('tr', {
    class: x.id === openExcursion ? 'clickable selected' : 'clickable', dataset: { excursion: x.id },
    onclick: () => guarded(null, () => showExcursion(x.id)),
  },
  el('td', {}, localTime(x.start)), el('td', {}, x.end ? localTime(x.end) : 'ongoing'), el('td', {}, x.truck), el('td', {}, x.sensor),
  el('td', {}, x.quantity), el('td', { class: `severity-${x.severity}` }, x.severity),
  el('td', { class: 'num' }, number(x.peak, 1)), el('td', { class: 'num' }, number(x.durationMinutes, 1)),
  el('td', { class: 'num' }, number(x.meanKineticTemperatureC, 1)),
  el('td', {}, `${x.band.level} ${x.band.min ?? '−∞'} … ${x.band.max ?? '∞'}`),
  el('td', {}, el('button', { class: 'link' }, 'deliveries')))));
}

async function showExcursion(id) {
  const affected = await api(`api/excursions/${encodeURIComponent(id)}/deliveries`);
  openExcursion = id;
  for (const row of $('excursion-table').tBodies[0].rows) row.classList.toggle('selected', row.dataset.excursion === id);
  const x = affected.excursion;
  $('excursion-detail').classList.remove('hidden');
  $('excursion-title').textContent = `${x.truck} ${x.sensor}: ${x.quantity} ${x.severity} excursion from ${localTime(x.start)} ` +
    `to ${x.end ? localTime(x.end) : 'now'}, peak ${number(x.peak, 1)}`;
  $('excursion-route').textContent = affected.routeId
    ? `plan ${affected.planId}, route ${affected.routeId}: ${plural(affected.deliveries.length, 'delivery', 'deliveries')} on board`
    : 'No published route of this truck covers the excursion.';
  $('delivery-table').tBodies[0].replaceChildren(...affected.deliveries.map((d) => el('tr', {},
    el('td', {}, d.sequence), el('td', {}, d.storeName, ' ', el('span', { class: 'muted' }, d.storeId)),
    el('td', {}, el('span', { class: `tier tier-${d.tier}` }, `T${d.tier}`)), el('td', {}, d.orderIds.join(', ')),
    el('td', { class: 'num' }, d.cartons), el('td', {}, localTime(d.plannedArrival)),
    el('td', {}, d.actualArrival ? `${localTime(d.actualArrival)} (${d.actualSource})` : `— (${d.actualSource})`),
    el('td', {}, `${localTime(d.onBoardFrom)} – ${localTime(d.onBoardUntil)}`),
    el('td', { class: d.exposureMinutes > 0 ? 'num alerting' : 'num' }, number(d.exposureMinutes, 1)))));
  $('excursion-detail').scrollIntoView({ block: 'nearest' });
}
