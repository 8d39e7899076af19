// The web export runs in a browser, which has a standards EventSource (reconnects by itself).
export const PlatformEventSource = globalThis.EventSource;
