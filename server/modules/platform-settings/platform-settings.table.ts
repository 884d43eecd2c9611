import type { Selectable } from 'kysely';

export interface PlatformSettingsTable {
  /** The setting's name, e.g. `require_second_factor`. */
  name: string;
  /** The value as JSON. */
  value: string;
  updatedBy: string | null;
  updatedAt: string;
}
export type PlatformSettingRow = Selectable<PlatformSettingsTable>;
