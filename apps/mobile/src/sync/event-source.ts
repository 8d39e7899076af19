// The EventSource the live-sync subscription uses on a phone (the web export has its own file:
// the browser's). Metro picks event-source.web.ts for the web build.
export { NativeEventSource as PlatformEventSource } from './native-event-source';
