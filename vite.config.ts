import { defineConfig } from 'vite';

/**
 * The web app lives in web/ and is built into dist/web, which the Fastify server serves.
 * JSX uses React's automatic runtime. Vite 8 transforms with Oxc (its `esbuild` option is deprecated
 * and only translated to Oxc), so the setting lives under `oxc`; no React plugin is needed.
 */
const backend = 'http://127.0.0.1:3000';

/**
 * The server accepts state-changing requests only from its own origin; pages served by this dev
 * server come from port 5173, so their Origin is presented as the backend's (only theirs).
 */
const proxyAsBackend = {
  target: backend,
  changeOrigin: false,
  configure: (proxy: { on: (event: 'proxyReq', fn: (req: { getHeader: (n: string) => unknown; setHeader: (n: string, v: string) => void }) => void) => void }) =>
    proxy.on('proxyReq', (req) => {
      if (/^http:\/\/(localhost|127\.0\.0\.1):5173$/.test(String(req.getHeader('origin') ?? ''))) req.setHeader('origin', backend);
    }),
};

export default defineConfig({
  root: 'web',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // Designsystemet's icon package marks its modules "use client"; meaningless in a SPA bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': proxyAsBackend,
      '/healthz': proxyAsBackend,
    },
  },
});
