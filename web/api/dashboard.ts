import type { z } from 'zod';
import type { DashboardPeriod } from '../../domain/dashboard.js';
import type { Dashboard } from '../../domain/schemas/dashboard.js';
import { api } from './client.js';

export type DashboardData = z.infer<typeof Dashboard>;

export const getDashboard = (period: DashboardPeriod, from?: string, to?: string, region?: string) => api<{ data: DashboardData }>('/dashboard', { query: { period, from, to, region } });
