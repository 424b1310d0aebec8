import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const byEntries = { entriesAware: true, entriesAwareMergeThreshold: 50_000 };

// The dev server proxies /api to the NestJS API so the back-office and the API
// share one origin, as they do in production (the API serves the built files).
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // Shared types only (the back-office imports nothing else from the workspace).
    alias: { '@capacites/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: process.env.CAPACITES_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // The domain library is pure: its modules whose exports the back-office does not use
      // (and zod, for screens that validate nothing) stay out of the bundle.
      treeshake: { moduleSideEffects: [{ test: /libs[\\/]domain[\\/]src/, sideEffects: false }] },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        // entriesAware: a library only lazy screens use (the dashboard's charts, the forms'
        // validation) gets a chunk of their own instead of joining the first screen's; small
        // such chunks are merged. The benchmarks keep the first screen under 400 kB gzip.
        codeSplitting: {
          groups: [
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, priority: 3, ...byEntries },
            {
              name: 'react-admin',
              test: /node_modules[\\/](ra-[^\\/]+|react-admin)[\\/]/,
              priority: 2,
              ...byEntries,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1, ...byEntries },
          ],
        },
      },
    },
  },
});
