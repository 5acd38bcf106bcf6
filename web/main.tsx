import 'antd/dist/antd.css';
import './global.css';
import { giveBackHeldLinks } from './sw/heldLinks.js';
import { registerServiceWorker } from './sw/register.js';
import { SNAPSHOT_ID } from './sw/swRules.js';

// The app's modules are index.html's modulepreloads (web/sw/vitePlugin.ts bootPreloads): fetched and
// compiled while the page is parsed, run here. When the service worker drew the kept first screen
// (the workbench as last seen), they run after it is painted: running them first held the phone's
// first frame back by their evaluation (~0.1–0.2 s at 4× CPU slowdown, issue 24).
// Under the snapshot the worker held back the build's stylesheet and those modulepreloads: given back
// then, and the app boots once the stylesheet applies (web/sw/heldLinks.ts).
const boot = () => void import('./boot.js');
if (document.getElementById(SNAPSHOT_ID)) requestAnimationFrame(() => setTimeout(() => giveBackHeldLinks(boot), 0));
else boot();

registerServiceWorker();
