export { type BackupResult, type Manifest, writeBackup } from './backup.ts';
export { RestoreRefused, restoreBackup } from './restore.ts';
