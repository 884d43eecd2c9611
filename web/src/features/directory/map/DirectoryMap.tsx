import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DirectoryEntry, DirectoryMapSettings } from '../../../../../common/contracts/directory.ts';
import { createMap, type MapPoint, showClusteredPoints } from './leaflet-map.ts';

/** The filtered entries with a location as clustered markers; a marker's popup links to the entry page. */
export default function DirectoryMap({
  entries,
  settings,
}: {
  entries: DirectoryEntry[];
  settings: DirectoryMapSettings;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const map = createMap(element.current, settings, {
      zoomIn: t('public_directory.zoom_in'),
      zoomOut: t('public_directory.zoom_out'),
    });
    const points: MapPoint[] = entries.map((e) => ({
      id: e.id,
      name: e.name,
      latitude: e.latitude as number,
      longitude: e.longitude as number,
    }));
    const stop = showClusteredPoints(map, points, {
      clusterLabel: (count) => t('public_directory.map_cluster', { count }),
      popup: (point) => {
        const box = document.createElement('p');
        box.dir = 'auto';
        const link = document.createElement('a');
        const href = `/directory/${encodeURIComponent(point.id)}`;
        link.href = href;
        link.textContent = point.name;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          navigate(href);
        });
        box.append(link);
        return box;
      },
    });
    return () => {
      stop();
      map.remove();
    };
  }, [entries, settings, t, navigate]);

  return <div ref={element} className="directory-map" dir="ltr" data-testid="directory-map" />;
}
