import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `@writ/contracts/web` resolves through the package's exports to its built ES module (dist/web.js);
// it is ESM and decorator-free, so neither an alias nor optimizeDeps.include is needed.
const apiProxy = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
});
