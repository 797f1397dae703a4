// A truck's history as uPlot charts, one per quantity: a line per sensor, the profile's warning and
// critical zones shaded behind them, and the excursions of that quantity highlighted as time spans.
import uPlot from '../lib/uplot/uPlot.esm.js';
import { el, siteTime, timeZone } from './api.js';

const QUANTITIES = [
  { key: 'temperature', title: 'Temperature', unit: '°C', mean: 'temperatureMean', min: 'temperatureMin', max: 'temperatureMax' },
  { key: 'humidity', title: 'Humidity', unit: '% RH', mean: 'humidityMean', min: 'humidityMin', max: 'humidityMax' },
];
const SENSOR_COLOURS = ['#1d4ed8', '#047857', '#b45309', '#7c3aed', '#be185d', '#0e7490'];
const WARNING_FILL = 'rgba(245, 158, 11, 0.22)';
const CRITICAL_FILL = 'rgba(220, 38, 38, 0.20)';
const EXCURSION_FILL = { warning: 'rgba(124, 58, 237, 0.14)', critical: 'rgba(124, 58, 237, 0.28)' };

/** Replaces the charts in `container` with the history (the API's TruckHistory). */
export function renderHistory(container, history) {
  container.replaceChildren();
  const times = [...new Set(history.series.flatMap((s) => s.points.map((p) => p.t)))].sort();
  const xs = times.map((t) => Date.parse(t) / 1000);
  const charts = [];
  for (const q of QUANTITIES) {
    const series = history.series.filter((s) => s.points.some((p) => p[q.mean] !== null && p[q.mean] !== undefined));
    if (series.length === 0) continue;
    const columns = series.map((s) => {
      const byTime = new Map(s.points.map((p) => [p.t, p[q.mean]]));
      return times.map((t) => byTime.get(t) ?? null);
    });
    const bands = history.profile?.[q.key] || {};
    const excursions = (history.excursions || []).filter((e) => e.quantity === q.key);
    const holder = el('div', { class: 'chart', dataset: { quantity: q.key } },
      el('h3', {}, `${q.title} (${q.unit})`,
        el('span', { class: 'band-key warning' }), 'warning',
        el('span', { class: 'band-key critical' }), 'critical',
        el('span', { class: 'band-key excursion' }), `excursion (${excursions.length})`));
    container.append(holder);
    const width = Math.max(container.clientWidth - 10, 400);
    charts.push(new uPlot({
      width,
      height: 240,
      // The axis is in the site's time zone and 24-hour clock, not the browser's: ticks fall on the site's
      // hours, and their labels are written here (uPlot's own follow the browser's locale, e.g. "1:50am").
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone()),
      scales: { x: { time: true }, y: { range: (u, min, max) => yRange(min, max, bands) } },
      series: [{ label: `Time (${timeZone()})`, value: (u, v) => (v === null || v === undefined ? '—' : siteTime(v * 1000)) }, ...series.map((s, i) => ({
        label: s.sensor, stroke: SENSOR_COLOURS[i % SENSOR_COLOURS.length], width: 1.5, spanGaps: false,
        value: (u, v) => (v === null || v === undefined ? '—' : `${v.toFixed(1)} ${q.unit}`),
      }))],
      axes: [{ label: `Time (${timeZone()})`, values: (u, splits) => tickLabels(holder, splits) }, { label: q.unit, size: 55 }],
      hooks: { drawClear: [(u) => shade(u, bands, excursions)] },
    }, [xs, ...columns], holder));
  }
  if (charts.length === 0) container.append(el('p', { class: 'muted' }, 'No readings in this range.'));
  return charts;
}

/** Tick labels as the site's wall time: "HH:mm" within a day, "MM-dd HH:mm" across days. The canvas text is not
 * in the page, so the labels are also kept on the chart's element (data-x-ticks) for tests and assistive reading. */
function tickLabels(holder, splits) {
  const times = splits.map((s) => siteTime(s * 1000, { seconds: false }));
  const days = new Set(times.map((t) => t.slice(0, 10)));
  const labels = times.map((t) => (days.size > 1 ? t.slice(5) : t.slice(11)));
  holder.dataset.xTicks = labels.join('|');
  return labels;
}

/** The data's range widened to show the warning band's edges, so the shading always has context. */
function yRange(min, max, bands) {
  const edges = [bands.warning?.min, bands.warning?.max].filter((v) => v !== null && v !== undefined);
  let lo = Math.min(min ?? Infinity, ...edges);
  let hi = Math.max(max ?? -Infinity, ...edges);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) { lo = 0; hi = 1; }
  const pad = Math.max((hi - lo) * 0.08, 0.5);
  return [lo - pad, hi + pad];
}

function shade(u, bands, excursions) {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const y = (v) => u.valToPos(v, 'y', true);
  const fillBetween = (from, to, colour) => {
    const a = Math.max(top, Math.min(top + height, y(to)));
    const b = Math.max(top, Math.min(top + height, y(from)));
    if (b > a) { ctx.fillStyle = colour; ctx.fillRect(left, a, width, b - a); }
  };
  ctx.save();
  const scaleMin = u.scales.y.min;
  const scaleMax = u.scales.y.max;
  const w = bands.warning || {};
  const c = bands.critical || {};
  // Below and above the warning band: amber up to the critical edge, red beyond it.
  if (w.min !== null && w.min !== undefined) {
    const critical = c.min ?? -Infinity;
    fillBetween(Math.max(critical, scaleMin), w.min, WARNING_FILL);
    if (Number.isFinite(critical)) fillBetween(scaleMin, critical, CRITICAL_FILL);
  }
  if (w.max !== null && w.max !== undefined) {
    const critical = c.max ?? Infinity;
    fillBetween(w.max, Math.min(critical, scaleMax), WARNING_FILL);
    if (Number.isFinite(critical)) fillBetween(critical, scaleMax, CRITICAL_FILL);
  }
  for (const e of excursions) {
    const from = u.valToPos(Date.parse(e.start) / 1000, 'x', true);
    const to = u.valToPos((e.end ? Date.parse(e.end) : Date.now()) / 1000, 'x', true);
    const a = Math.max(left, from);
    const b = Math.min(left + width, to);
    if (b > a) {
      ctx.fillStyle = EXCURSION_FILL[e.severity] || EXCURSION_FILL.warning;
      ctx.fillRect(a, top, Math.max(b - a, 2), height);
    }
  }
  ctx.restore();
}
