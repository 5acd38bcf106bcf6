// The PNG encoder lives with the demo district, which makes its photos with it; the flows upload its images.
export { encodePng, solidPng } from '../demo/png.js';
