import { z } from 'zod';
import type { GeocodeResult } from '../../../common/contracts/directory.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';

/** How long a lookup may take before the admin is told to type the coordinates instead. */
export const GEOCODER_TIMEOUT_MS = 5_000;
/** Places offered for one address. */
const MAX_PLACES = 5;

/** The part of a Nominatim `/search?format=json` answer used here (other fields are ignored). */
const NominatimAnswer = z.array(
  z.object({
    lat: z.coerce.number().min(-90).max(90),
    lon: z.coerce.number().min(-180).max(180),
    display_name: z.string().default(''),
  }),
);

const unavailable = () => new AppError('GEOCODER_UNAVAILABLE', 503);

/**
 * The coordinates of an address from the configured Nominatim-compatible geocoder: 404 GEOCODER_OFF
 * without one; 503 GEOCODER_UNAVAILABLE when it cannot be reached, is slow, fails or answers
 * something else than a list of places. The address goes to that service and nowhere else.
 */
export async function geocode(
  config: Pick<Config, 'geocoderUrl' | 'platformName' | 'publicUrl'>,
  address: string,
  options: { language?: string; timeoutMs?: number } = {},
): Promise<GeocodeResult> {
  if (!config.geocoderUrl) throw new AppError('GEOCODER_OFF', 404);
  const url = new URL(`${config.geocoderUrl}/search`);
  url.searchParams.set('format', 'json');
  url.searchParams.set('q', address);
  url.searchParams.set('limit', String(MAX_PLACES));
  let answer: Response;
  try {
    answer = await fetch(url, {
      headers: {
        accept: 'application/json',
        // Nominatim's usage policy asks every application to name itself.
        'user-agent': `${config.platformName} (${config.publicUrl})`,
        ...(options.language && { 'accept-language': options.language }),
      },
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? GEOCODER_TIMEOUT_MS),
    });
  } catch {
    throw unavailable();
  }
  if (!answer.ok) {
    await answer.body?.cancel();
    throw unavailable();
  }
  let places: z.infer<typeof NominatimAnswer>;
  try {
    places = NominatimAnswer.parse(await answer.json());
  } catch {
    throw unavailable();
  }
  return {
    places: places.slice(0, MAX_PLACES).map((place) => ({
      label: place.display_name,
      latitude: place.lat,
      longitude: place.lon,
    })),
  };
}
