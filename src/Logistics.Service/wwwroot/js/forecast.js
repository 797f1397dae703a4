// The forecast page: the order history, a forecast run with live progress, the depot total and any store with
// their 80/95% bands, trucks needed, stores to stock up, a forecast period turned into a day's orders, and the
// backtest per method. Every role reads it; dispatchers and admins import, forecast and make orders.
import { api, el, followJob, guarded, number, openWithKey, plural, showError, showNote, signedInPage, siteTime } from './api.js';
import { renderForecast } from './forecastChart.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 700;

const me = await signedInPage(['dispatcher', 'admin', 'qa']);
let tracking = null;
let shown = null;

if (me) {
  const changes = me.role === 'dispatcher' || me.role === 'admin';
  for (const node of document.querySelectorAll('.dispatch-only')) node.classList.toggle('hidden', !changes);
  $('history-form').addEventListener('submit', (e) => { e.preventDefault(); guarded($('history-replace'), () => uploadHistory('PUT')); });
  $('history-append').addEventListener('click', (e) => guarded(e.currentTarget, () => uploadHistory('POST')));
  $('start').addEventListener('click', (e) => guarded(e.currentTarget, startForecast));
  $('cancel').addEventListener('click', (e) => guarded(e.currentTarget, () => api(`api/forecasts/${encodeURIComponent(tracking)}/cancel`, { method: 'POST' })));
  $('forecasts').addEventListener('change', () => { if ($('forecasts').value) guarded(null, () => track($('forecasts').value)); });
  $('series').addEventListener('change', () => guarded(null, showSeries));
  $('utilisation').addEventListener('change', () => guarded(null, showTrucks));
  $('delivery-days').addEventListener('change', () => guarded(null, showTrucks));
  $('threshold').addEventListener('change', () => guarded(null, showStockUp));
  $('download-csv').addEventListener('click', (e) => guarded(e.currentTarget, () =>
    openWithKey(`api/forecasts/${encodeURIComponent(shown.id)}/forecast.csv`, { fileName: `forecast-${shown.id}.csv` })));
  $('what-if-orders').addEventListener('click', (e) => guarded(e.currentTarget, makeOrders));
  const [, forecasts] = await Promise.all([refreshHistory(), refreshForecasts()]);
  const wanted = new URLSearchParams(location.search).get('forecast') || forecasts?.find((f) => f.status === 'succeeded')?.id;
  if (wanted) await guarded(null, () => track(wanted));
  // Tells tests (and anyone scripting the page) that the defaults are set and the handlers attached.
  document.body.dataset.ready = 'true';
}

async function refreshHistory() {
  try {
    const h = await api('api/history');
    $('history-summary').textContent = h.rows === 0
      ? 'No order history saved yet: upload a CSV with series,date,quantity (or store_id,date,cartons) rows.'
      : `${plural(h.series, 'series', 'series')}, ${plural(h.rows, 'row')} from ${h.first} to ${h.last}, ${number(h.total, 0)} in all.`;
  } catch (error) {
    showError(error);
  }
}

async function uploadHistory(method) {
  const file = $('history-file').files[0];
  if (!file) throw new Error('Choose the history file (CSV or JSON) first.');
  const form = new FormData();
  form.append('file', file, file.name);
  const answer = await api(method === 'PUT' ? 'api/history' : 'api/history?mode=append', { method, body: form });
  showNote(`${file.name}: ${plural(answer.imported, 'row')} of ${plural(answer.series, 'series', 'series')} ${method === 'PUT' ? 'now make the history' : 'added'}.`);
  await refreshHistory();
}

async function refreshForecasts() {
  try {
    const forecasts = await api('api/forecasts');
    $('forecasts').replaceChildren(el('option', { value: '' }, forecasts.length ? plural(forecasts.length, 'forecast') : '—'),
      ...forecasts.map((f) => el('option', { value: f.id, selected: f.id === shown?.id, title: f.id },
        `made ${siteTime(f.createdAt, { seconds: false })} · ${f.options.horizon} × ${f.options.period || 'auto'} · ${f.status}`)));
    return forecasts;
  } catch (error) {
    showError(error);
    return [];
  }
}

async function startForecast() {
  const body = { horizon: Number($('horizon').value), missing: $('missing').value, origins: Number($('origins').value) };
  if ($('period').value) body.period = $('period').value;
  const job = await api('api/forecasts', { method: 'POST', json: body });
  await refreshForecasts();
  await track(job.id);
}

/** Polls the job until it ends, showing its progress, then shows its result. */
async function track(id) {
  tracking = id;
  const job = await followJob(`api/forecasts/${encodeURIComponent(id)}`, {
    everyMs: POLL_MS, stillWanted: () => tracking === id, show: showProgress, running: () => { $('cancel').disabled = false; },
  });
  if (!job) return;
  $('cancel').disabled = true;
  await refreshForecasts();
  if (job.status === 'succeeded') await showResult(job);
  else if (job.status === 'failed') showError(new Error(`Forecast ${id} failed: ${job.error || 'no reason given'}`));
}

function showProgress(job) {
  const p = job.progress || {};
  $('progress').value = job.status === 'succeeded' ? 1 : (p.fraction ?? 0);
  const parts = [`Forecast ${job.id}: ${job.status}`];
  if (p.stage && job.status === 'running') parts.push(`${p.stage} (${p.done} of ${p.total})`);
  if (p.elapsedSeconds !== undefined) parts.push(`${number(p.elapsedSeconds, 1)} s`);
  if (job.note) parts.push(job.note);
  $('progress-text').textContent = parts.join(' · ');
  $('progress-text').dataset.status = job.status;
}

async function showResult(job) {
  shown = job;
  $('forecasts').value = job.id;
  const s = job.summary;
  $('result-title').textContent = `forecast ${job.id}: ${s.horizon} × ${s.period} from ${s.firstDate} to ${s.lastDate}`;
  const chosen = Object.entries(s.chosenMethods).map(([m, count]) => `${m} ${count}`).join(', ');
  $('result-summary').textContent = `${plural(s.series, 'series', 'series')} (${chosen}); made in ${number(s.elapsedSeconds, 1)} s` +
    (s.fallbacks ? `; ${plural(s.fallbacks, 'series', 'series')} too short for a backtest` : '') +
    (s.inactive ? `; ${plural(s.inactive, 'series', 'series')} stopped ordering (forecast zero)` : '') +
    (s.notes || []).map(n => `; ${n}`).join('');
  $('download-csv').disabled = false;
  const depot = await api(`api/forecasts/${encodeURIComponent(job.id)}/depot`);
  renderForecast($('depot-chart'), depot);
  $('series').replaceChildren(...s.seriesIds.map((id) => el('option', { value: id }, id)));
  $('what-if-period').replaceChildren(...depot.forecast.map((p) => el('option', { value: p.date }, p.date)));
  renderBacktest(s.methods);
  await Promise.all([showSeries(), showTrucks(), showStockUp()]);
  $('result').dataset.forecast = job.id;
}

async function showSeries() {
  if (!shown || !$('series').value) return;
  const view = await api(`api/forecasts/${encodeURIComponent(shown.id)}/series/${encodeURIComponent($('series').value)}`);
  $('series-method').textContent = `method: ${view.method}${view.note ? ` (${view.note})` : ''}`;
  renderForecast($('series-chart'), view);
}

async function showTrucks() {
  if (!shown) return;
  let t;
  try {
    const days = $('delivery-days').value ? `&deliveryDays=${encodeURIComponent($('delivery-days').value)}` : '';
    t = await api(`api/forecasts/${encodeURIComponent(shown.id)}/trucks?utilisation=${encodeURIComponent($('utilisation').value)}${days}`);
  } catch (error) {
    $('trucks-table').replaceChildren(el('p', { class: 'muted' }, error.problem?.detail || error.message));
    return;
  }
  $('trucks-fleet').textContent = `fleet: ${plural(t.fleetVehicles, 'vehicle')}, ${number(t.fleetCapacityCartons, 0)} cartons in all; ` +
    `${number(t.deliveryDaysPerWeek, 1)} delivery days a week`;
  $('trucks-table').replaceChildren(el('table', { id: 'trucks-needed' },
    el('thead', {}, el('tr', {}, ['Period', 'Delivery days', 'Cartons (forecast)', 'Cartons a day', 'Cartons a day (upper 80%)', 'Trucks a day', 'Trucks a day (upper 80%)']
      .map((h, i) => el('th', { class: i > 0 ? 'num' : null }, h)))),
    el('tbody', {}, t.periods.map((p) => el('tr', {},
      el('td', {}, p.date), el('td', { class: 'num' }, number(p.deliveryDays, 1)), el('td', { class: 'num' }, number(p.cartons, 0)),
      el('td', { class: 'num' }, number(p.cartonsPerDay, 0)), el('td', { class: 'num' }, number(p.cartonsPerDayUpper80, 0)),
      el('td', { class: 'num' }, p.trucks),
      el('td', { class: p.overFleet ? 'num over-fleet' : 'num', title: p.overFleet ? 'more than the fleet has' : null }, p.trucksUpper80))))));
}

async function showStockUp() {
  if (!shown) return;
  let list;
  try {
    list = await api(`api/forecasts/${encodeURIComponent(shown.id)}/stock-up?threshold=${encodeURIComponent($('threshold').value)}`);
  } catch (error) {
    $('stock-up-months').textContent = '';
    $('stock-up-table').replaceChildren(el('p', { class: 'muted' }, error.problem?.detail || error.message));
    return;
  }
  $('stock-up-months').textContent = `${list.nextMonth} against ${list.thisMonth}`;
  if (list.stores.length === 0) {
    $('stock-up-table').replaceChildren(el('p', { class: 'muted' }, `No store rises by ${list.thresholdPercent}% or more.`));
    return;
  }
  $('stock-up-table').replaceChildren(el('table', { id: 'stock-up-list' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Store'), el('th', { class: 'num' }, `${list.thisMonth} cartons`), el('th', { class: 'num' }, `${list.nextMonth} cartons`),
      el('th', { class: 'num' }, 'Increase per day'))),
    el('tbody', {}, list.stores.map((s) => el('tr', { class: 'clickable', onclick: () => { $('series').value = s.series; guarded(null, showSeries); } },
      el('td', {}, s.series), el('td', { class: 'num' }, number(s.thisMonthCartons, 0)), el('td', { class: 'num' }, number(s.nextMonthCartons, 0)),
      el('td', { class: 'num' }, s.increasePercent === null ? 'new' : `+${number(s.increasePercent, 0)}%`))))));
}

async function makeOrders() {
  if (!shown) throw new Error('Show a finished forecast first.');
  const body = { period: $('what-if-period').value, level: $('what-if-level').value };
  const date = $('what-if-date').value.trim();
  if (date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Delivery date: '${date}' is not a date as yyyy-mm-dd.`);
    body.date = date;
  }
  const answer = await api(`api/forecasts/${encodeURIComponent(shown.id)}/orders`, { method: 'POST', json: body });
  const skipped = answer.skippedSeries.length ? ` ${plural(answer.skippedSeries.length, 'series', 'series')} not in the store list left out.` : '';
  $('what-if-result').replaceChildren(
    `${plural(answer.orders, 'order')} (${plural(answer.cartons, 'carton')}) saved for ${answer.date} from the ${answer.period} ${answer.level === 'upper80' ? 'upper 80%' : 'forecast'}.${skipped} `,
    el('a', { href: answer.page, id: 'plan-link' }, `Plan ${answer.date} on the dispatch page`));
}

function renderBacktest(methods) {
  const best = Math.min(...methods.filter((m) => m.meanMase !== null).map((m) => m.meanMase));
  const pct = (v) => (v === null ? '—' : `${number(v * 100, 0)}%`);
  $('backtest-table').replaceChildren(el('table', { id: 'backtest-methods' },
    el('thead', {}, el('tr', {}, ['Method', 'Series', 'Mean MASE', 'MASE / seasonal naive', 'Mean sMAPE', '80% coverage', '95% coverage', 'Chosen for', 'Seconds']
      .map((h, i) => el('th', { class: i > 0 ? 'num' : null }, h)))),
    el('tbody', {}, methods.map((m) => el('tr', { class: m.meanMase === best ? 'best' : null },
      el('td', {}, m.method), el('td', { class: 'num' }, m.series), el('td', { class: 'num' }, m.meanMase === null ? '—' : number(m.meanMase, 3)),
      el('td', { class: 'num' }, m.maseVsSeasonalNaive === null ? '—' : number(m.maseVsSeasonalNaive, 2)),
      el('td', { class: 'num' }, m.meanSmape === null ? '—' : `${number(m.meanSmape, 1)}%`),
      el('td', { class: 'num' }, pct(m.coverage80)), el('td', { class: 'num' }, pct(m.coverage95)),
      el('td', { class: 'num' }, plural(m.chosen, 'series', 'series')), el('td', { class: 'num' }, number(m.seconds, 2)))))));
}
