// Expo's default Metro config already knows pnpm workspaces (it watches the workspace root and
// resolves through the isolated node_modules links), so the app needs no hoisting of its own.
const { getDefaultConfig } = require('expo/metro-config');

module.exports = getDefaultConfig(__dirname);
