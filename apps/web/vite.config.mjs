// The web console (apps/web): React + Mantine, built into apps/web/dist, which the api serves at `/`.
// `npm run dev:web` serves it with hot reload on :5173 and forwards /api to the api on :3000.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    // Pure domain code (labels, lifecycle tables, legal grounds) is shared with the api, not copied.
    alias: { '@donthu/domain': here('../../libs/domain/src') },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});
