import { defineConfig } from 'vite';

/**
 * The web app lives in web/ and is built into dist/web, which the Fastify server serves.
 * JSX uses React's automatic runtime. Vite 8 transforms with Oxc (its `esbuild` option is deprecated
 * and only translated to Oxc), so the setting lives under `oxc`; no React plugin is needed.
 */
const backend = 'http://127.0.0.1:3000';

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
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
});
