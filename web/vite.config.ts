/** One Vite build for every page the API serves: each web/<page>/index.html that exists, into dist/web/ (assets hashed). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = fileURLToPath(new URL('.', import.meta.url));
// A page joins the build by existing: the explorer plugs in without editing this file.
const pages = ['playground', 'explore'].filter((page) => existsSync(`${web}${page}/index.html`));

export default defineConfig({
  root: web,
  base: '/',
  plugins: [react()],
  // The examples live outside web/ (examples/operations) and are read at build time.
  server: { fs: { allow: ['..'] } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Fonts and images stay files, so the CSP needs no data: for fonts.
    assetsInlineLimit: 0,
    // Monaco alone is several MB; the pages are served from the API's own host, never over a slow link.
    chunkSizeWarningLimit: 8000,
    rolldownOptions: {
      input: Object.fromEntries(pages.map((page) => [page, `${web}${page}/index.html`])),
      // GraphiQL's modules start with React Compiler's "use no memo", which means nothing once bundled.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
