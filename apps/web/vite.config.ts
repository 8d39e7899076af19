import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm dev`: Vite on :5173 with /trpc and /api proxied to the server (`pnpm --filter
// @repo/server dev` on :3000), so the app is same-origin exactly as in production.
const server = process.env.WEB_DEV_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/trpc': server, '/api': server },
  },
  build: { target: 'es2022', sourcemap: false },
});
