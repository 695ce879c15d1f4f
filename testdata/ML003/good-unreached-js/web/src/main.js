// Bundled by Vite for the browser: Node never runs it, so ManifestLint does not read it.
// manifestlint-disable-next-line require-in-esm
import { createApp } from './app.js';
createApp();
