/** Where the offline cache lives in IndexedDB: shared by the app and the service worker (web/build/pwa-plugin.ts). */
export const OFFLINE_DB = 'mentornet-offline';
export const OFFLINE_STORE = 'keyval';
export const OFFLINE_KEY = 'client';
