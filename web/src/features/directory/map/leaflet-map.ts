import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { DirectoryMapSettings } from '../../../../../common/contracts/directory.ts';

export interface MapTexts {
  zoomIn: string;
  zoomOut: string;
}

export interface MapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

/** A Leaflet map on the element with the configured tiles; without tiles (blocked, offline) markers still show. */
export function createMap(element: HTMLElement, settings: DirectoryMapSettings, texts: MapTexts): L.Map {
  const map = L.map(element, { zoomControl: false, attributionControl: false, worldCopyJump: true });
  L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(map);
  L.control.attribution({ prefix: false }).addTo(map);
  L.tileLayer(settings.tileUrl, { attribution: settings.attribution, maxZoom: 19 }).addTo(map);
  element.dataset.zoom = String(map.getZoom?.() ?? '');
  map.on('zoomend', () => {
    element.dataset.zoom = String(map.getZoom());
  });
  return map;
}

/** A pin with the entry's name for screen readers; a div, so that no marker image has to load. */
export function pinIcon(name: string): L.DivIcon {
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.textContent = name;
  return L.divIcon({ className: 'map-pin', html: label, iconSize: [26, 26], iconAnchor: [13, 26] });
}

function clusterIcon(count: number, label: string): L.DivIcon {
  const html = document.createElement('span');
  const visible = document.createElement('span');
  visible.setAttribute('aria-hidden', 'true');
  visible.textContent = String(count);
  const spoken = document.createElement('span');
  spoken.className = 'visually-hidden';
  spoken.textContent = label;
  html.append(visible, spoken);
  const size = count < 10 ? 34 : count < 100 ? 40 : 48;
  return L.divIcon({ className: 'map-cluster', html, iconSize: [size, size] });
}

/** Runs `action` when a focused marker is activated with Enter or Space, as a button would. */
function onActivate(marker: L.Marker, action: () => void) {
  marker.on('add', () => {
    marker.getElement()?.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      action();
    });
  });
}

/**
 * Markers of the points, clustered (supercluster) at the map's zoom: a cluster shows how many
 * places it holds and zooms in when activated; a place opens its popup.
 */
export function showClusteredPoints(
  map: L.Map,
  points: MapPoint[],
  options: { clusterLabel: (count: number) => string; popup: (point: MapPoint) => HTMLElement },
): () => void {
  const index = new Supercluster<MapPoint, Record<string, never>>({ radius: 60, maxZoom: 17 });
  index.load(
    points.map((point) => ({
      type: 'Feature' as const,
      properties: point,
      geometry: { type: 'Point' as const, coordinates: [point.longitude, point.latitude] },
    })),
  );
  const layer = L.layerGroup().addTo(map);
  function draw() {
    layer.clearLayers();
    const bounds = map.getBounds();
    const box: [number, number, number, number] = [
      Math.max(-180, bounds.getWest()),
      Math.max(-85, bounds.getSouth()),
      Math.min(180, bounds.getEast()),
      Math.min(85, bounds.getNorth()),
    ];
    for (const feature of index.getClusters(box, Math.round(map.getZoom()))) {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const properties = feature.properties as Partial<ClusterProperties> & Partial<MapPoint>;
      if (properties.cluster && properties.cluster_id !== undefined) {
        const clusterId = properties.cluster_id;
        const count = properties.point_count ?? 0;
        const marker = L.marker([lat, lng], { icon: clusterIcon(count, options.clusterLabel(count)) });
        const zoomIn = () =>
          map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), 18), { animate: false });
        marker.on('click', zoomIn);
        onActivate(marker, zoomIn);
        layer.addLayer(marker);
      } else {
        const point = properties as MapPoint;
        const marker = L.marker([lat, lng], { icon: pinIcon(point.name) });
        marker.bindPopup(() => options.popup(point));
        layer.addLayer(marker);
      }
    }
  }
  map.on('moveend', draw);
  if (points.length > 0) {
    map.fitBounds(L.latLngBounds(points.map((p) => [p.latitude, p.longitude])), {
      padding: [24, 24],
      maxZoom: 14,
      animate: false,
    });
  } else {
    map.setView([30, 10], 2);
  }
  draw();
  return () => {
    map.off('moveend', draw);
    layer.remove();
  };
}

export { L };
