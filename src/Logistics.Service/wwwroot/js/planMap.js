// The plan on a Leaflet map: one colour per route, numbered stop markers styled by tier, the depots.
// Without a tile URL it draws on a plain background with a scale, and store names appear beside the
// stops once zoomed in, so the map is still useful offline.
import * as L from '../lib/leaflet/leaflet-src.esm.js';
import { el } from './api.js';

/** Zoom from which store names are shown beside their stops (below it they would overlap). */
const NAMES_FROM_ZOOM = 14;

/** Well-separated hues for any number of routes (golden-angle steps around the colour wheel). */
export function routeColour(index) {
  return `hsl(${Math.round((index * 137.508) % 360)}, 72%, 40%)`;
}

export class PlanMap {
  constructor(element, mapSettings) {
    this.element = element;
    this.map = L.map(element, { zoomSnap: 0.5 }).setView([22.817, 108.366], 11);
    if (mapSettings?.tileUrl) {
      L.tileLayer(mapSettings.tileUrl, { attribution: mapSettings.tileAttribution, maxZoom: mapSettings.tileMaxZoom }).addTo(this.map);
    } else {
      element.classList.add('no-tiles');
      this.map.setMaxZoom(mapSettings?.tileMaxZoom || 18);
    }
    L.control.scale({ metric: true, imperial: false, maxWidth: 160 }).addTo(this.map);
    this.layer = L.layerGroup().addTo(this.map);
    this.map.on('zoomend', () => this.updateNames());
    this.updateNames();
  }

  updateNames() {
    this.element.classList.toggle('show-names', this.map.getZoom() >= NAMES_FROM_ZOOM);
  }

  /** Draws the plan (Logistics.Routing's plan JSON); `trucks` maps route ids to the trucks they were published to. */
  show(plan, trucks = {}) {
    this.layer.clearLayers();
    const depots = new Map((plan.depots || []).map((d) => [d.id, d]));
    const bounds = L.latLngBounds([]);
    plan.routes.forEach((route, index) => {
      const colour = routeColour(index);
      const start = depots.get(route.startDepotId);
      const end = depots.get(route.endDepotId);
      const points = [
        ...(start ? [[start.location.latitude, start.location.longitude]] : []),
        ...route.stops.map((s) => [s.location.latitude, s.location.longitude]),
        ...(end ? [[end.location.latitude, end.location.longitude]] : []),
      ];
      const line = L.polyline(points, { color: colour, weight: 3, opacity: 0.85, className: 'route-line' })
        .bindTooltip(el('span', {}, route.routeId, trucks[route.routeId] ? ` → ${trucks[route.routeId]}` : '', ` · ${route.stops.length} stops`), { sticky: true })
        .addTo(this.layer);
      line.getElement()?.setAttribute('data-route', route.routeId);
      points.forEach((p) => bounds.extend(p));
      for (const stop of route.stops) this.addStop(route, stop, colour);
    });
    for (const depot of depots.values()) {
      const position = [depot.location.latitude, depot.location.longitude];
      L.marker(position, {
        icon: L.divIcon({ className: 'depot-marker', html: 'D', iconSize: [26, 26], iconAnchor: [13, 13] }),
        title: depot.name, zIndexOffset: 1000, keyboard: false,
      }).bindPopup(el('div', {}, el('strong', {}, depot.name), el('br'), `depot ${depot.id}`)).addTo(this.layer);
      bounds.extend(position);
    }
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [20, 20] });
  }

  addStop(route, stop, colour) {
    const icon = el('span', {},
      el('span', { class: 'num', style: `background:${colour}` }, String(stop.sequence)),
      el('span', { class: 'name' }, stop.storeName));
    const popup = el('div', { class: 'stop-popup' },
      el('strong', {}, stop.storeName), ' ', el('span', { class: `tier tier-${stop.tier}` }, `T${stop.tier}`), stop.urgent ? ' urgent' : '',
      el('br'), `${route.routeId}, stop ${stop.sequence} · store ${stop.storeId}`,
      el('br'), `arrival ${stop.arrival}, departure ${stop.departure}`,
      el('br'), `${stop.cartons} cartons · orders ${stop.orderIds.join(', ')}`);
    L.marker([stop.location.latitude, stop.location.longitude], {
      icon: L.divIcon({ className: `stop-marker tier-${stop.tier}`, html: icon, iconSize: null, iconAnchor: [12, 12] }),
      title: `${stop.sequence}. ${stop.storeName} (tier ${stop.tier})`,
      zIndexOffset: (6 - stop.tier) * 100,
    }).bindPopup(popup).addTo(this.layer);
  }
}
