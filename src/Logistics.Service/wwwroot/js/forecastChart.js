// A series' history and forecast as a uPlot chart: the history as a line, the forecast dashed after it, and the
// 80% and 95% intervals as shaded bands. Dates are calendar days (a period's first day), drawn and labelled
// as yyyy-MM-dd in UTC, so neither the browser's locale nor its time zone can shift or reword them.
import uPlot from '../lib/uplot/uPlot.esm.js';
import { el, number } from './api.js';

const DAY = 86400;
const BAND95 = 'rgba(29, 78, 216, 0.13)';
const BAND80 = 'rgba(29, 78, 216, 0.30)';

const seconds = (isoDay) => Date.parse(`${isoDay}T00:00:00Z`) / 1000;
const isoDay = (s) => new Date(s * 1000).toISOString().slice(0, 10);

/** Replaces the chart in `container` with the series (the API's SeriesView); returns the uPlot. */
export function renderForecast(container, view, unit = 'cartons') {
  container.replaceChildren();
  const history = view.history || [];
  const forecast = view.forecast || [];
  const dates = [...history.map((h) => h.date), ...forecast.map((p) => p.date)];
  const xs = dates.map(seconds);
  const n = history.length;
  const pad = (values, before) => [...Array(before).fill(null), ...values];
  const tail = (key) => pad(forecast.map((p) => p[key]), n);
  const historyLine = [...history.map((h) => h.quantity), ...Array(forecast.length).fill(null)];
  const forecastLine = tail('forecast');
  // The forecast line starts at the last observed value, so the two read as one.
  if (n > 0 && forecast.length > 0) forecastLine[n - 1] = history[n - 1].quantity;

  const holder = el('div', { class: 'chart', dataset: { series: view.series, points: String(forecast.length) } },
    el('h3', {}, `${view.series} (${unit} per ${view.period})`,
      el('span', { class: 'band-key band80' }), '80%', el('span', { class: 'band-key band95' }), '95%'));
  container.append(holder);
  const value = (u, v) => (v === null || v === undefined ? '—' : number(v, 1));
  return new uPlot({
    width: Math.max(container.clientWidth - 10, 400),
    height: 260,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, y: { range: (u, min, max) => [Math.min(0, min ?? 0), (max ?? 1) * 1.05 || 1] } },
    series: [
      { label: 'Period', value: (u, v) => (v === null || v === undefined ? '—' : isoDay(v)) },
      { label: 'upper 95%', stroke: 'transparent', value },
      { label: 'lower 95%', stroke: 'transparent', value },
      { label: 'upper 80%', stroke: 'transparent', value },
      { label: 'lower 80%', stroke: 'transparent', value },
      { label: 'history', stroke: '#102a43', width: 1.5, value },
      { label: 'forecast', stroke: '#1d4ed8', width: 2, dash: [6, 4], value },
    ],
    bands: [{ series: [1, 2], fill: BAND95 }, { series: [3, 4], fill: BAND80 }],
    axes: [
      { label: 'Period (first day)', values: (u, splits) => tickLabels(holder, splits), space: 70 },
      { label: unit, size: 60 },
    ],
  }, [xs, tail('upper95'), tail('lower95'), tail('upper80'), tail('lower80'), historyLine, forecastLine], holder);
}

/** yyyy-MM-dd labels, also kept on the chart's element (data-x-ticks): canvas text is not in the page. */
function tickLabels(holder, splits) {
  const labels = splits.map((s) => isoDay(Math.round(s / DAY) * DAY));
  holder.dataset.xTicks = labels.join('|');
  return labels;
}
