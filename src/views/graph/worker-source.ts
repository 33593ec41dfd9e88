/**
 * The source of the graph view's Web Worker (worker.ts bundled on its own, as a string). This file is what
 * tests and type checks see: no worker, so the view runs the same jobs in time slices. The build replaces it
 * (esbuild.config.mjs, plugin `graph-worker`) with the bundled worker, so that main.js stays a single file and
 * the worker is created from a Blob URL.
 */
export const WORKER_SOURCE: string | null = null;
