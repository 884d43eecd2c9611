import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryMapSettings } from '../../../../../common/contracts/directory.ts';
import { createMap, L, pinIcon } from './leaflet-map.ts';

/** A small map around one entry's location. */
export default function EntryMap({
  name,
  latitude,
  longitude,
  settings,
}: {
  name: string;
  latitude: number;
  longitude: number;
  settings: DirectoryMapSettings;
}) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const map = createMap(element.current, settings, {
      zoomIn: t('public_directory.zoom_in'),
      zoomOut: t('public_directory.zoom_out'),
    });
    map.setView([latitude, longitude], 15);
    L.marker([latitude, longitude], { icon: pinIcon(name), keyboard: false }).addTo(map);
    return () => {
      map.remove();
    };
  }, [name, latitude, longitude, settings, t]);
  return <div ref={element} className="directory-map entry-map" dir="ltr" data-testid="entry-map" />;
}
