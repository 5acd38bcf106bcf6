import type { SystemStatus } from '../../domain/schemas/system.js';
import { api } from './client.js';

export const getSystemStatus = () => api<SystemStatus>('/system/status');
