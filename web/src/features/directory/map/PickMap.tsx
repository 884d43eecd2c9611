import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryMapSettings } from '../../../../../common/contracts/directory.ts';
import { createMap, L, pinIcon } from './leaflet-map.ts';

/** Six decimals: about ten centimetres, more than any entry needs. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** A map on which a click or tap chooses the location; the chosen place shows as a pin. */
export default function PickMap({
  latitude,
  longitude,
  name,
  settings,
  onPick,
}: {
  latitude: number | null;
  longitude: number | null;
  name: string;
  settings: DirectoryMapSettings;
  onPick: (latitude: number, longitude: number) => void;
}) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const pin = useRef<L.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!element.current) return;
    const created = createMap(element.current, settings, {
      zoomIn: t('public_directory.zoom_in'),
      zoomOut: t('public_directory.zoom_out'),
    });
    created.setView([30, 10], 2);
    created.on('click', (event: L.LeafletMouseEvent) => {
      const wrapped = event.latlng.wrap();
      pick.current(round(wrapped.lat), round(wrapped.lng));
    });
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      pin.current = null;
    };
  }, [settings, t]);

  useEffect(() => {
    const current = map.current;
    if (!current) return;
    pin.current?.remove();
    pin.current = null;
    if (latitude === null || longitude === null) return;
    pin.current = L.marker([latitude, longitude], { icon: pinIcon(name), keyboard: false }).addTo(current);
    if (!current.getBounds().contains([latitude, longitude]) || current.getZoom() < 5)
      current.setView([latitude, longitude], Math.max(current.getZoom(), 13), { animate: false });
  }, [latitude, longitude, name]);

  return <div ref={element} className="directory-map pick-map" dir="ltr" data-testid="pick-map" />;
}
