import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives under /app/ (the site root belongs to the public news portal).
export default defineConfig({
  root: 'web',
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
