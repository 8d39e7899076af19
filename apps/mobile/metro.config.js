// Expo's default Metro config already knows pnpm workspaces (it watches the workspace root and
// resolves through the isolated node_modules links), so the app needs no hoisting of its own.
const { createHash } = require('node:crypto');
const { getDefaultConfig } = require('expo/metro-config');

const config = getDefaultConfig(__dirname);

// A production build inlines EXPO_PUBLIC_* values (EXPO_PUBLIC_API_URL) while transforming each
// file, and Metro's transform cache is not keyed on them: an export for another server silently
// kept the previous build's URL. Keying the cache on their values makes a changed URL rebuild.
const publicEnv = Object.entries(process.env)
  .filter(([key]) => key.startsWith('EXPO_PUBLIC_'))
  .sort(([a], [b]) => a.localeCompare(b));
config.cacheVersion = `${config.cacheVersion ?? ''}:${createHash('sha256')
  .update(JSON.stringify(publicEnv))
  .digest('hex')
  .slice(0, 16)}`;

module.exports = config;
