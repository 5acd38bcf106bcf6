import { createRoot } from 'react-dom/client';
import { Portal } from './Portal.js';
import './portal.css';

// The public portal's own bundle: React and plain CSS, no antd, no login (web/public.html).
createRoot(document.getElementById('portal')!).render(<Portal />);
