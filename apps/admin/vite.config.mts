import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// No merge of the small per-entry pieces (threshold 0): merged, they formed a static import
// cycle between two MUI chunks once the questionnaires' screens were added, and the back-office
// failed at start ("reading '__emotion_styles'"; rolldown's entries-aware merge, see
// rolldown/rolldown#10307). Unmerged, the first screen measured 394 kB gzip (379 kB before the
// questionnaires); output.strictExecutionOrder would also fix it, at 450 kB.
const byEntries = { entriesAware: true, entriesAwareMergeThreshold: 0 };

/** The public answer page's short URL (/q/<code>): served by q.html, the light entry. */
export const PUBLIC_ANSWER_PATH = /^\/q\/[A-Za-z0-9_-]{1,64}\/?(?:[?#].*)?$/;

/**
 * In `vite` and `vite preview`, /q/<code> answers q.html, as the API does in production
 * (create-app.ts): the public page works on the dev server of `npm start` too.
 */
const publicAnswerPage = (): Plugin => {
  const rewrite: Connect.NextHandleFunction = (request, _response, next) => {
    if (request.method === 'GET' && request.url && PUBLIC_ANSWER_PATH.test(request.url))
      request.url = '/q.html';
    next();
  };
  return {
    name: 'capacites-public-answer-page',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
};

// The dev server proxies /api to the NestJS API so the back-office and the API
// share one origin, as they do in production (the API serves the built files).
export default defineConfig({
  root,
  // The public answer page is preact (first load under 100 kB gzip): React's transform and
  // fast refresh stay off its files, which name their JSX runtime (@jsxImportSource preact).
  plugins: [react({ exclude: [/[\\/]node_modules[\\/]/, /src[\\/]public-answer[\\/]/] }), publicAnswerPage()],
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
      // Two pages: the back-office, and the public answer page (no react-admin, no MUI).
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        q: fileURLToPath(new URL('q.html', import.meta.url)),
      },
      // The domain library is pure: its modules whose exports the back-office does not use
      // (and zod, for screens that validate nothing) stay out of the bundle.
      treeshake: { moduleSideEffects: [{ test: /libs[\\/]domain[\\/]src/, sideEffects: false }] },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        // entriesAware: a library only lazy screens use (the dashboard's charts, the forms'
        // validation) gets a chunk of their own instead of joining the first screen's. The
        // benchmarks keep the first screen under 400 kB gzip.
        codeSplitting: {
          groups: [
            // The public answer page's only library: a chunk of its own, loaded by that page alone.
            { name: 'preact', test: /node_modules[\\/]preact[\\/]/, priority: 4 },
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
