// The dispatcher's page: the day's inputs, a plan run with live progress, the routes on a map and in
// tables, unassigned orders with their reasons, manifests and publishing.
import { api, el, followJob, guarded, number, openWithKey, plural, showError, showNote, signedInPage, siteDay, siteTime } from './api.js';
import { PlanMap, routeColour } from './planMap.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 1000;
const REASONS = {
  capacity: 'bigger than any vehicle can carry',
  timeWindow: 'no vehicle can reach the store within its window and be back in time',
  shiftLength: 'the round trip takes longer than any vehicle may drive',
  fleetFull: 'the fleet ran out of vehicles, capacity or time for it',
};
const ENGINES = { ils: 'ours (ILS)', ortools: 'Google OR-Tools' };

const me = await signedInPage(['dispatcher', 'admin']);
let map = null;
let shownPlanId = null;
let shownJob = null;
let tracking = null;

if (me) {
  map = new PlanMap($('map'), me.map);
  // The engines the API accepts, from its settings, so the select offers exactly those.
  $('engine').replaceChildren(...(me.limits.engines ?? ['ils']).map((e) => el('option', { value: e }, ENGINES[e] ?? e)));
  $('engine').value = me.limits.defaultEngine ?? 'ils';
  $('date').value = new URLSearchParams(location.search).get('date') || siteDay();
  $('date').addEventListener('change', () => { refreshDay(); refreshPlans(); });
  $('generate').addEventListener('click', (e) => guarded(e.currentTarget, generateDay));
  $('upload-form').addEventListener('submit', (e) => { e.preventDefault(); guarded($('upload'), upload); });
  $('plan').addEventListener('click', (e) => guarded(e.currentTarget, startPlan));
  $('cancel').addEventListener('click', (e) => guarded(e.currentTarget, () => api(`api/plans/${encodeURIComponent(tracking)}/cancel`, { method: 'POST' })));
  $('plans').addEventListener('change', () => { if ($('plans').value) guarded(null, () => track($('plans').value)); });
  $('publish').addEventListener('click', (e) => guarded(e.currentTarget, publish));
  $('reoptimize').addEventListener('click', (e) => guarded(e.currentTarget, reoptimize));
  await Promise.all([refreshDay(), refreshPlans()]);
  // Tells tests (and anyone scripting the page) that the defaults are set and the handlers attached.
  document.body.dataset.ready = 'true';
}

/** The date field, checked: yyyy-mm-dd, the one form of dates on the pages (the API names the valid range). */
function date() {
  const value = $('date').value.trim();
  if (!value) throw new Error('Type the delivery date first, as yyyy-mm-dd.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`Date: '${value}' is not a date as yyyy-mm-dd, e.g. ${siteDay()}.`);
  return value;
}

async function refreshDay() {
  try {
    const [stores, fleet, orders] = await Promise.all([
      api('api/stores').catch(() => []),
      api('api/fleet').catch(() => null),
      api(`api/orders?date=${encodeURIComponent(date())}`).catch(() => []),
    ]);
    const vehicles = (fleet?.vehicleTypes || []).reduce((n, v) => n + v.count, 0);
    const cartons = orders.reduce((n, o) => n + o.cartons, 0);
    $('day-summary').textContent =
      `${plural(stores.length, 'store')}, ${plural(vehicles, 'vehicle')}, ${plural(orders.length, 'order')} (${plural(cartons, 'carton')}) on ${date()}.`;
  } catch (error) {
    showError(error);
  }
}

async function generateDay() {
  const body = { date: date(), stores: Number($('demo-stores').value), seed: Number($('demo-seed').value) };
  if ($('demo-trucks').value) body.trucks = Number($('demo-trucks').value);
  const day = await api('api/demo-day', { method: 'POST', json: body });
  showNote(`Generated ${plural(day.stores, 'store')}, ${plural(day.orders, 'order')} (${plural(day.cartons, 'carton')}) and ${plural(day.vehicles, 'vehicle')} for ${day.date}.`);
  await refreshDay();
}

async function upload() {
  const files = [['stores-file', 'api/stores'], ['fleet-file', 'api/fleet'], ['orders-file', `api/orders?date=${encodeURIComponent(date())}`]]
    .map(([input, path]) => [$(input).files[0], path]).filter(([file]) => file);
  if (files.length === 0) throw new Error('Choose at least one CSV file to upload.');
  for (const [file, path] of files) {
    const form = new FormData();
    form.append('file', file, file.name);
    const answer = await api(path, { method: 'PUT', body: form });
    showNote(`${file.name}: ${answer?.imported ?? 'done'} imported.`);
  }
  await refreshDay();
}

async function refreshPlans() {
  try {
    const plans = await api(`api/plans?date=${encodeURIComponent(date())}`);
    $('plans').replaceChildren(el('option', { value: '' }, plans.length ? plural(plans.length, 'plan') : '—'),
      ...plans.map((p) => el('option', { value: p.id, selected: p.id === shownPlanId, title: p.id }, planLabel(p))));
  } catch (error) {
    showError(error);
  }
}

/** What tells plans of a day apart: date, engine (when the plan names one), cost, routes, when it was made, state. */
function planLabel(p) {
  const parts = [p.date];
  if (p.engine) parts.push(p.engine);
  if (p.totals) parts.push(`${number(p.totals.cost, 0)} yuan`, plural(p.totals.routes, 'route'));
  parts.push(`made ${siteTime(p.createdAt, { seconds: false })}`);
  parts.push(p.publishedAt ? `${p.status}, published` : p.status);
  return parts.join(' · ');
}

async function startPlan() {
  const job = await api('api/plans', {
    method: 'POST',
    json: { date: date(), timeLimitSeconds: Number($('time-limit').value), softWindows: $('soft-windows').checked, engine: $('engine').value },
  });
  await refreshPlans();
  await track(job.id);
}

/** Polls the job until it ends, showing its progress, then shows its plan. */
async function track(id) {
  tracking = id;
  const job = await followJob(`api/plans/${encodeURIComponent(id)}`, {
    everyMs: POLL_MS, stillWanted: () => tracking === id, show: showProgress, running: () => { $('cancel').disabled = false; },
  });
  if (!job) return;
  $('cancel').disabled = true;
  await refreshPlans();
  if (job.status === 'succeeded') await showPlan(job);
  else if (job.status === 'failed') showError(new Error(`Plan ${id} failed: ${job.error || 'no reason given'}`));
}

function showProgress(job) {
  const p = job.progress || {};
  $('progress').value = job.status === 'succeeded' ? 1 : (p.fraction ?? 0);
  const parts = [`Plan ${job.id}: ${job.status}`];
  if (p.elapsedSeconds !== undefined) parts.push(`${number(p.elapsedSeconds, 1)} of ${p.timeLimitSeconds} s`);
  if (p.bestCostYuan !== undefined && p.bestCostYuan !== null) parts.push(`best ${number(p.bestCostYuan, 0)} yuan`);
  if (p.routes !== undefined && p.routes !== null) parts.push(plural(p.routes, 'route'));
  if (p.unassignedStops !== undefined && p.unassignedStops !== null) parts.push(`${plural(p.unassignedStops, 'stop')} unassigned`);
  $('progress-text').textContent = parts.join(' · ');
  $('progress-text').dataset.status = job.status;
}

async function showPlan(job) {
  renderPlan(job, await api(`api/plans/${encodeURIComponent(job.id)}/result`));
}

function renderPlan(job, plan) {
  shownJob = job;
  shownPlanId = job.id;
  $('plans').value = job.id;
  $('result-panel').dataset.plan = job.id;
  const trucks = plan.trucks || {};
  map.show(plan, trucks);
  $('plan-title').textContent = `plan ${job.id} for ${plan.date}${job.publishedAt ? ', published' : ''}`;
  const t = plan.totals;
  $('totals').textContent = `${plural(t.routes, 'route')}, ${plural(t.stops, 'stop')}, ${plural(t.orders, 'order')}, ${plural(t.cartons, 'carton')}, ` +
    `${number(t.distanceKm, 1)} km, ${number(t.cost, 0)} yuan; ${plural(t.unassignedOrders, 'order')} unassigned; ` +
    `made by ${ENGINES[plan.engine] ?? plan.engine}`;
  $('plan-notes').textContent = (plan.notes ?? []).join(' ');
  $('publish').disabled = plan.routes.length === 0;
  $('publish').textContent = job.publishedAt ? 'Publish again' : 'Publish to the trucks';
  $('legend').replaceChildren(...plan.routes.map((r, i) =>
    el('span', {}, el('span', { class: 'swatch', style: `background:${routeColour(i)}` }), r.routeId, trucks[r.routeId] ? ` → ${trucks[r.routeId]}` : '')));
  renderUnassigned(plan.unassigned, plan.routes);
  renderRoutes(job.id, plan, trucks);
  $('reoptimize').disabled = plan.routes.length === 0;
}

/** A route picker and button that move every delivery of a store onto the chosen route. */
function moveControl(storeId, routes, currentRouteId) {
  const select = el('select', { 'aria-label': `Route for store ${storeId}` },
    el('option', { value: '' }, 'move to…'),
    routes.filter((r) => r.routeId !== currentRouteId).map((r) => el('option', { value: r.routeId }, r.routeId)));
  const button = el('button', { class: 'secondary small', onclick: () => guarded(button, async () => {
    if (!select.value) throw new Error('Pick the route to move the store to.');
    const plan = await api(`api/plans/${encodeURIComponent(shownPlanId)}/moves`, { method: 'POST', json: { storeId, toRouteId: select.value } });
    showNote(`Store ${storeId} moved to ${select.value}; both routes were timed again.${shownJob.publishedAt ? ' Publish again for the cabs to see it.' : ''}`);
    renderPlan(shownJob, plan);
  }) }, 'Move');
  return el('span', { class: 'move' }, select, button);
}

async function reoptimize() {
  if (!shownPlanId) throw new Error('Show a finished plan first.');
  const locked = [...document.querySelectorAll('.route-card input.lock:checked')].map((c) => c.value);
  const job = await api(`api/plans/${encodeURIComponent(shownPlanId)}/reoptimize`, {
    method: 'POST', json: { lockedRouteIds: locked, timeLimitSeconds: Number($('time-limit').value), engine: $('engine').value },
  });
  showNote(`Re-planning all but ${plural(locked.length, 'locked route')} as plan ${job.id}.`);
  await refreshPlans();
  await track(job.id);
}

function renderUnassigned(unassigned, routes) {
  if (unassigned.length === 0) {
    $('unassigned').replaceChildren(el('p', { class: 'muted' }, 'Every order is in the plan.'));
    return;
  }
  $('unassigned').replaceChildren(el('table', { id: 'unassigned-table' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Order'), el('th', {}, 'Store'), el('th', {}, 'Tier'), el('th', { class: 'num' }, 'Cartons'), el('th', {}, 'Reason'), el('th', {}, 'Adjust'))),
    el('tbody', {}, unassigned.map((u) => el('tr', {},
      el('td', {}, u.orderId), el('td', {}, u.storeName, ' ', el('span', { class: 'muted' }, u.storeId)),
      el('td', {}, el('span', { class: `tier tier-${u.tier}` }, `T${u.tier}`), u.urgent ? ' urgent' : ''),
      el('td', { class: 'num' }, u.cartons),
      el('td', { title: u.reason }, REASONS[u.reason] || u.reason),
      el('td', {}, moveControl(u.storeId, routes, null)))))));
}

function renderRoutes(planId, plan, trucks) {
  $('routes').replaceChildren(...plan.routes.map((route, index) => el('div', { class: 'route-card', dataset: { route: route.routeId } },
    el('h3', {}, el('span', { class: 'swatch', style: `background:${routeColour(index)}` }), route.routeId,
      el('label', { class: 'inline lock', title: 'Keep this route as it is when re-optimising' },
        el('input', { type: 'checkbox', class: 'lock', value: route.routeId }), 'lock'),
      // The vehicle type (what kind of vehicle) and the truck (which one) are two things: each says which it is.
      el('span', { class: 'vehicle-type' }, ` · vehicle type ${route.vehicleType}`),
      trucks[route.routeId] ? el('span', { class: 'truck' }, ` · truck ${trucks[route.routeId]}`) : '',
      el('span', { class: 'muted' }, ` · ${route.departure}–${route.return} · ${plural(route.cartons, 'carton')} · ` +
        `${number(route.distanceKm, 1)} km · ${number(route.cost, 0)} yuan `),
      el('button', { class: 'link', onclick: () => guarded(null, () => openWithKey(
        `api/plans/${encodeURIComponent(planId)}/manifests/${encodeURIComponent(route.routeId)}.csv`, { fileName: `${route.routeId}.csv` })) },
      'manifest CSV')),
    el('table', { class: 'route-stops' },
      el('thead', {}, el('tr', {}, ['#', 'Store', 'Tier', 'Orders', 'Cartons', 'Arrival', 'Departure', 'Load after', 'Adjust']
        .map((h, i) => el('th', { class: [4, 7].includes(i) ? 'num' : null }, h)))),
      el('tbody', {}, route.stops.map((s) => el('tr', {},
        el('td', {}, s.sequence), el('td', {}, s.storeName, ' ', el('span', { class: 'muted' }, s.storeId)),
        el('td', {}, el('span', { class: `tier tier-${s.tier}` }, `T${s.tier}`), s.urgent ? ' urgent' : ''),
        el('td', {}, s.orderIds.join(', ')), el('td', { class: 'num' }, s.cartons),
        el('td', {}, s.arrival), el('td', {}, s.departure), el('td', { class: 'num' }, s.loadAfterCartons),
        el('td', {}, moveControl(s.storeId, plan.routes, route.routeId)))))))));
}

async function publish() {
  if (!shownPlanId) throw new Error('Show a finished plan first.');
  const answer = await api(`api/plans/${encodeURIComponent(shownPlanId)}/publish`, { method: 'POST', json: {} });
  const count = Object.keys(answer.trucks || {}).length;
  showNote(`Published ${plural(count, 'route')} to their trucks.`);
  await track(shownPlanId);
}
