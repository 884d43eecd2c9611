/** Registers the service worker built by web/build/pwa-plugin.ts (production builds only). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without a service worker the app still works online; nothing to tell the user.
    });
  };
  // After the first render; the load event may already be over when the catalogue arrived.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
